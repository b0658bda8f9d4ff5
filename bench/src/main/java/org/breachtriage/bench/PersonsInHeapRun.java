package org.breachtriage.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.embedded.EmbeddedState;
import org.breachtriage.embedded.LocalPipeline;
import org.breachtriage.embedded.LocalRun;
import org.breachtriage.embedded.LocalStores;

/**
 * What the person store's storage costs a run, measured rather than estimated: the embedded run as shipped,
 * against the same run (same state dir, staff snapshot, case store, letters in the state file, topic files,
 * commits) with only the people in a {@link HashMapPersonStore}, then every person written once, at the end,
 * to the state file's person store in pay-number order and committed (the flush, timed apart and counted in).
 * Alternating, in one JVM. The gap between the first two is the most that in-heap person state could buy; the
 * flush is what writing each person once costs, the least any durable design pays.
 */
final class PersonsInHeapRun {
    private PersonsInHeapRun() {
    }

    /** One round's three figures, in seconds. */
    record Round(double asShipped, double inHeap, double flush) {
        double inHeapWithFlush() {
            return inHeap + flush;
        }
    }

    static List<Round> measure(Path roster, Path manifest, Path work, int rounds) throws Exception {
        RosterImport imported = FullRun.readRoster(roster);
        List<Round> measured = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // Which goes first alternates, so that neither always meets the colder JVM.
            Timed shipped;
            Timed inHeap;
            if (round % 2 == 1) {
                shipped = asShipped(fresh(work.resolve("shipped"), imported), manifest);
                inHeap = inHeap(fresh(work.resolve("in-heap"), imported), manifest);
            } else {
                inHeap = inHeap(fresh(work.resolve("in-heap"), imported), manifest);
                shipped = asShipped(fresh(work.resolve("shipped"), imported), manifest);
            }
            requireSameOutcome(shipped.summary(), inHeap.summary());
            Round r = new Round(shipped.runSeconds(), inHeap.runSeconds(), inHeap.flushSeconds());
            System.err.printf("bench: persons in heap, round %d (%s first): as shipped %.2f s; in heap %.2f s + flush %.2f s%n",
                    round, round % 2 == 1 ? "as shipped" : "in heap", r.asShipped(), r.inHeap(), r.flush());
            measured.add(r);
        }
        return measured;
    }

    /** One run's outcome and times; the flush is zero for the run as shipped, which writes as it goes. */
    private record Timed(RunSummary summary, double runSeconds, double flushSeconds) {
    }

    private static Timed asShipped(Path stateDir, Path manifest) throws Exception {
        long start = System.nanoTime();
        RunSummary summary;
        try (LocalPipeline pipeline = LocalPipeline.open(stateDir)) {
            summary = pipeline.run(manifest, null, in -> in).summary();
        }
        double seconds = seconds(start);
        Dirs.deleteRecursively(stateDir);
        return new Timed(summary, seconds, 0);
    }

    private static Timed inHeap(Path stateDir, Path manifest) throws Exception {
        long start = System.nanoTime();
        EmbeddedState state = EmbeddedState.open(stateDir);
        Timed timed;
        try {
            HashMapPersonStore persons = new HashMapPersonStore();
            LocalStores stores = new LocalStores(state.staffDirectory(), state.caseStore(), state.incidentStore(),
                    persons, state.objectStore(), state.publisher());
            RunSummary summary = LocalRun.run(stores, PipelineSettings.fromEnvironment(), manifest, null, in -> in).summary();
            double runSeconds = seconds(start);
            long flushStart = System.nanoTime();
            writeOnce(persons.all(), state);
            state.commit();
            timed = new Timed(summary, runSeconds, seconds(flushStart));
        } finally {
            state.close();
        }
        Dirs.deleteRecursively(stateDir);
        return timed;
    }

    private static Path fresh(Path dir, RosterImport roster) throws Exception {
        Dirs.deleteRecursively(dir);
        Files.createDirectories(dir);
        FullRun.importStaff(dir, roster.members());
        return dir;
    }

    /** Each person once, in pay-number order, as a run that kept them in the heap would have to at its end. */
    private static void writeOnce(Map<String, List<IncidentPerson>> people, EmbeddedState state) {
        people.forEach((incidentId, list) -> {
            list.sort(Comparator.comparing(IncidentPerson::payNumber));
            for (IncidentPerson person : list) {
                if (state.personStore().putIfAbsent(person).isPresent()) {
                    throw new IllegalStateException("a person of incident " + incidentId + " was already stored");
                }
            }
        });
    }

    /** Both runs must have reached the same decisions, or the comparison measures two different things. */
    private static void requireSameOutcome(RunSummary shipped, RunSummary inHeap) {
        boolean same = shipped.persons().equals(inHeap.persons()) && shipped.bands().equals(inHeap.bands())
                && shipped.notices().publishedThisRun() == inHeap.notices().publishedThisRun()
                && shipped.balances() && inHeap.balances();
        if (!same) {
            throw new IllegalStateException("the two runs differ: as shipped " + shipped + "; persons in heap " + inHeap);
        }
    }

    static String table(Path manifest, List<Round> rounds) {
        StringBuilder out = new StringBuilder();
        out.append("**Persons in heap** (").append(manifest.getFileName()).append(", ").append(rounds.size())
                .append(" alternating rounds, one JVM; wall s)\n\n")
                .append("| Round | as shipped | persons in a hash map | + writing each person once | in heap ÷ shipped | with the write ÷ shipped |\n")
                .append("|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            out.append(String.format("| %d | %.2f | %.2f | %.2f (%.2f) | %.2f | %.2f |%n", i + 1, r.asShipped(), r.inHeap(),
                    r.inHeapWithFlush(), r.flush(), r.inHeap() / r.asShipped(), r.inHeapWithFlush() / r.asShipped()));
        }
        // Ratios measured side by side are the result: the median of each round's, then the ratio of the medians.
        double shipped = Stats.median(rounds.stream().map(Round::asShipped).toList());
        double inHeap = Stats.median(rounds.stream().map(Round::inHeap).toList());
        double withFlush = Stats.median(rounds.stream().map(Round::inHeapWithFlush).toList());
        double inHeapRatio = Stats.median(rounds.stream().map(r -> r.inHeap() / r.asShipped()).toList());
        double withFlushRatio = Stats.median(rounds.stream().map(r -> r.inHeapWithFlush() / r.asShipped()).toList());
        out.append(String.format("| median | %.2f | %.2f | %.2f | %.2f (ratio of the medians %.2f) | %.2f (%.2f) |%n", shipped,
                inHeap, withFlush, inHeapRatio, inHeap / shipped, withFlushRatio, withFlush / shipped));
        return out.toString();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
