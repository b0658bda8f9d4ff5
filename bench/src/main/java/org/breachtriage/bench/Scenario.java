package org.breachtriage.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.embedded.FolderObjectStore;

/**
 * One manifest, one JVM: parse-only and full runs interleaved (parse, run, parse, run, parse), so
 * both share the JVM's warm-up and any change in machine load, then the untimed independent count
 * the accounting is checked against.
 *
 * <p>Warm-up, honestly: there is none beyond the interleaving. The first parse runs on a cold JVM
 * (interpreter and JIT compiling the reader); the first run starts with the reader compiled but
 * the scorer, the store and the report cold. Medians and minimums are reported side by side.
 */
final class Scenario {
    private final Path roster;
    private final Path manifest;
    private final Path work;
    private final int parseReps;
    private final int runReps;
    private final int floorReps;
    private final Profiler profiler;
    private final int rosterPeople;
    private final double probeEverySeconds;

    Scenario(Path roster, int rosterPeople, Path manifest, Path work, int parseReps, int runReps, int floorReps,
             Profiler profiler, double probeEverySeconds) {
        this.roster = roster;
        this.rosterPeople = rosterPeople;
        this.manifest = manifest;
        this.work = work;
        this.parseReps = parseReps;
        this.runReps = runReps;
        this.floorReps = floorReps;
        this.profiler = profiler;
        this.probeEverySeconds = probeEverySeconds;
    }

    ScenarioResult run() throws Exception {
        String label = manifest.getFileName().toString();
        List<Phase> parses = new ArrayList<>();
        List<Phase> imports = new ArrayList<>();
        List<Phase> runs = new ArrayList<>();
        List<Phase> floors = new ArrayList<>();
        List<RunSummary> floorSummaries = new ArrayList<>();
        List<FullRun.Outcome> outcomes = new ArrayList<>();
        List<String> order = new ArrayList<>();
        ParseOnly.Counts parsed = null;
        String loadAtStart = loadAverage();
        try (HeapMonitor heap = new HeapMonitor(probeEverySeconds)) {
            for (int i = 0; i < Math.max(parseReps, Math.max(runReps, floorReps)); i++) {
                if (i < parseReps) {
                    var timed = Phase.measure("parse " + label + " #" + (i + 1), heap, () -> ParseOnly.parse(manifest));
                    parsed = sameAsBefore(parsed, timed.value());
                    parses.add(timed.phase());
                    order.add("parse");
                    progress(timed.phase());
                }
                if (i < runReps) {
                    // Only the last run is sampled: by then the code it runs has been compiled once.
                    Profiler forThisRun = i == runReps - 1 ? profiler : Profiler.off();
                    var measured = FullRun.once(label + " #" + (i + 1), work.resolve("state-" + label + "-" + (i + 1)),
                            roster, manifest, heap, forThisRun);
                    imports.add(measured.importPhase());
                    runs.add(measured.runPhase());
                    outcomes.add(measured.outcome());
                    order.add("run");
                    progress(measured.importPhase());
                    progress(measured.runPhase());
                }
                if (i < floorReps) {
                    var floor = FloorRun.once(label + " #" + (i + 1), work, roster, manifest, heap);
                    floors.add(floor.phase());
                    floorSummaries.add(floor.summary());
                    order.add("floor");
                    progress(floor.phase());
                }
            }
            Phase sha = Phase.measure("sha256 " + label, heap, () -> sha256(manifest)).phase();
            progress(sha);
            System.err.println("bench: counting independently for the accounting check (untimed)");
            Expected expected = Expected.compute(roster, manifest);
            List<List<Accounting.Check>> checks = new ArrayList<>();
            for (FullRun.Outcome outcome : outcomes) {
                checks.add(Accounting.check(outcome, expected, parsed, floorSummaries));
            }
            var runtime = ManagementFactory.getRuntimeMXBean();
            var environment = new ScenarioResult.Environment(
                    System.getProperty("java.vm.vendor") + " " + Runtime.version(),
                    System.getProperty("java.vm.name"), heap.collectorNames(), Runtime.getRuntime().maxMemory(),
                    Runtime.getRuntime().availableProcessors(), runtime.getInputArguments(), loadAtStart);
            return new ScenarioResult(label, Files.size(manifest), rosterPeople, environment, String.join(", ", order),
                    parses, imports, runs, floors, sha, parsed, expected, outcomes, checks,
                    profiler.enabled() ? profiler.output().toString() : null);
        }
    }

    static void write(ScenarioResult result, Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Json.pretty(result));
    }

    private static ParseOnly.Counts sameAsBefore(ParseOnly.Counts before, ParseOnly.Counts now) {
        if (before != null && !before.equals(now)) {
            throw new IllegalStateException("two parses of the same file disagree: " + before + " vs " + now);
        }
        return now;
    }

    /** The same work FolderObjectStore.head does before every run, to derive the case id from the content. */
    private static String sha256(Path manifest) throws Exception {
        Path file = manifest.toAbsolutePath().normalize();
        return new FolderObjectStore(file.getParent()).head(file.getFileName().toString()).orElseThrow().version();
    }

    private static void progress(Phase phase) {
        System.err.printf("bench: %-32s %7.2f s wall, %7.2f s CPU, live set %5.1f MB (%d probes), peak %6.1f MB%n",
                phase.name(), phase.wallMillis() / 1000, phase.cpuMillis() / 1000, mb(phase.heap().liveSetBytes()),
                phase.heap().probes(), mb(phase.heap().peakUsedBytes()));
    }

    static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
