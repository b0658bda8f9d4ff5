package org.breachtriage.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.breachtriage.core.pipeline.RunSummary;

/** The scenarios side by side, as the Markdown tables docs/benchmarks.md shows. */
final class MarkdownReport {
    /** Issue 9: a full embedded run within 6× the time it takes just to parse the manifest (DESIGN §6 aims at 3× after that). */
    static final double TARGET_RATIO = 6.0;

    private MarkdownReport() {
    }

    static String render(List<ScenarioResult> results) {
        StringBuilder md = new StringBuilder();
        ScenarioResult first = results.getFirst();
        var env = first.environment();
        md.append(String.format(Locale.ROOT, "Java %s (%s), %d processors, -Xmx %.0f MB, collectors: %s; "
                        + "roster %,d people.%n%n", env.java(), env.vm(), env.processors(),
                Scenario.mb(env.maxHeapBytes()), env.collectors(), first.rosterPeople()));

        md.append("**Time: parse-only vs full embedded run** (wall clock; median, min in brackets; parse #1 runs on a "
                + "cold JVM, later parses are warm; run #1 follows parse #1, so the reader is warm but scoring and "
                + "the store are not)\n\n");
        md.append("| Manifest | Size | Parse-only | Full run | Run ÷ parse (medians) | Run #1 ÷ parse #1 (first of each) | ")
                .append("Target ≤ 6× | CPU: run ÷ parse | Of the run: SHA-256 pass | Roster import (not in run) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (ScenarioResult r : results) {
            List<Double> parse = walls(r.parses());
            List<Double> run = walls(r.runs());
            double medianRatio = Stats.median(run) / Stats.median(parse);
            double firstRatio = run.getFirst() / parse.getFirst();
            double cpuRatio = Stats.median(cpus(r.runs())) / Stats.median(cpus(r.parses()));
            md.append(String.format(Locale.ROOT, "| %s (%,d rows) | %.0f MB | %s (%s), n=%d | %s (%s), n=%d | %.1f× | %.1f× | %s | %.1f× | %s | %s |%n",
                    r.manifest(), r.parsed().rowsRead(), Scenario.mb(r.manifestBytes()),
                    seconds(Stats.median(parse)), seconds(Stats.min(parse)), parse.size(),
                    seconds(Stats.median(run)), seconds(Stats.min(run)), run.size(), medianRatio, firstRatio,
                    medianRatio <= TARGET_RATIO ? "met" : String.format(Locale.ROOT, "missed by %.1f×",
                            medianRatio / TARGET_RATIO), cpuRatio,
                    seconds(r.sha256Pass().wallMillis()), seconds(Stats.median(walls(r.imports())))));
        }

        md.append("\n**Where the run's time goes** (medians, wall clock): the floor is the same pipeline on in-memory "
                + "maps with no topic files (FloorRun); what the full run adds to it is MVStore and the JSON Lines topics\n\n");
        md.append("| Manifest | Parse-only | Floor: pipeline without storage | Full run | Floor ÷ parse | Storage + topics: run − floor | Share of the run |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult r : results) {
            if (r.floors().isEmpty()) {
                continue;
            }
            double parse = Stats.median(walls(r.parses()));
            double floor = Stats.median(walls(r.floors()));
            double run = Stats.median(walls(r.runs()));
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f× | %s | %.0f%% |%n", r.manifest(),
                    seconds(parse), seconds(floor), seconds(run), floor / parse, seconds(run - floor),
                    100 * (run - floor) / run));
        }

        md.append("\n**Heap** (MB, worst over the repetitions. Live set: what a forced full GC leaves, sampled every "
                + "few seconds during the phase and once at its end; peak: the heap pools' peaks, garbage included, "
                + "which follows -Xmx; after GC: the largest occupancy after any GC, old-generation garbage included)\n\n");
        md.append("| Manifest | Parse: live set / peak | Full run: live set / peak / after GC | Held after the run | ")
                .append("GCs in a run (pause ms; live-set probes, ms) | Allocated in a run | ")
                .append("State dir after run (store file / objects / topics) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult r : results) {
            FullRun.StateSize size = r.outcomes().getLast().stateSize();
            Phase lastRun = r.runs().getLast();
            md.append(String.format(Locale.ROOT, "| %s | %.0f / %.0f | %.0f / %.0f / %.0f | %.0f | %d (%d; %d probes, %d) | %,.0f MB | %.0f MB (%.0f / %.1f / %.1f) |%n",
                    r.manifest(), worst(r.parses(), p -> p.heap().liveSetBytes()),
                    worst(r.parses(), p -> p.heap().peakUsedBytes()),
                    worst(r.runs(), p -> p.heap().liveSetBytes()), worst(r.runs(), p -> p.heap().peakUsedBytes()),
                    worst(r.runs(), p -> p.heap().maxAfterGcBytes()), worst(r.runs(), p -> p.heap().liveAtEndBytes()),
                    lastRun.heap().collections(), lastRun.heap().gcPauseMillis(), lastRun.heap().probes(),
                    lastRun.heap().probeMillis(), lastRun.allocatedMb(),
                    Scenario.mb(size.totalBytes()), Scenario.mb(size.storeFileBytes()),
                    Scenario.mb(size.objectsBytes()), Scenario.mb(size.topicsBytes())));
        }

        md.append("\n**Accounting** (the last run's summary; every check of every run listed below it)\n\n");
        md.append("| Manifest | rows read | accepted | rejected | persons | matched | unmatched | LOW | MEDIUM | HIGH | VERY_HIGH | notices | checks |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (ScenarioResult r : results) {
            RunSummary s = r.outcomes().getLast().summary();
            long passed = r.checks().stream().flatMap(List::stream).filter(Accounting.Check::ok).count();
            long total = r.checks().stream().mapToLong(List::size).sum();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %s |%n",
                    r.manifest(), s.rows().read(), s.rows().accepted(), s.rows().rejected(), s.persons().total(),
                    s.persons().matched(), s.persons().unmatched(), s.bands().get("LOW"), s.bands().get("MEDIUM"),
                    s.bands().get("HIGH"), s.bands().get("VERY_HIGH"), s.notices().published(),
                    passed == total ? "all " + total + " pass" : (total - passed) + " of " + total + " FAIL"));
        }
        md.append('\n');
        for (ScenarioResult r : results) {
            for (int run = 0; run < r.checks().size(); run++) {
                for (Accounting.Check check : r.checks().get(run)) {
                    if (!check.ok() || run == r.checks().size() - 1 && r == results.getLast()) {
                        md.append(String.format(Locale.ROOT, "- %s, run %d: %s: %s (expected %,d, got %,d)%n",
                                r.manifest(), run + 1, check.ok() ? "ok" : "FAIL", check.name(), check.expected(),
                                check.actual()));
                    }
                }
            }
        }

        md.append("\n**Every phase** (in the order run within each JVM: ").append(first.order()).append(")\n\n");
        md.append("| Phase | Wall s | CPU s (all threads) | CPU ÷ wall | Allocated MB | Live set MB (probes) | Peak MB | After GC MB | GCs | GC pause ms | Load 1-min start → end |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (ScenarioResult r : results) {
            for (Phase p : ordered(r)) {
                md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %,.0f | %.0f (%d) | %.0f | %.0f | %d | %d | %.2f → %.2f |%n",
                        p.name(), p.wallMillis() / 1000, p.cpuMillis() / 1000, p.cpuMillis() / p.wallMillis(),
                        p.allocatedMb(), Scenario.mb(p.heap().liveSetBytes()), p.heap().probes(),
                        Scenario.mb(p.heap().peakUsedBytes()), Scenario.mb(p.heap().maxAfterGcBytes()),
                        p.heap().collections(), p.heap().gcPauseMillis(), p.loadBefore(), p.loadAfter()));
            }
        }
        return md.toString();
    }

    private static List<Phase> ordered(ScenarioResult r) {
        List<Phase> phases = new java.util.ArrayList<>();
        int parse = 0;
        int run = 0;
        int floor = 0;
        for (String step : r.order().split(", ")) {
            switch (step) {
                case "parse" -> phases.add(r.parses().get(parse++));
                case "floor" -> phases.add(r.floors().get(floor++));
                default -> {
                    phases.add(r.imports().get(run));
                    phases.add(r.runs().get(run++));
                }
            }
        }
        phases.add(r.sha256Pass());
        return phases;
    }

    private static List<Double> walls(List<Phase> phases) {
        return phases.stream().map(Phase::wallMillis).toList();
    }

    private static List<Double> cpus(List<Phase> phases) {
        return phases.stream().map(Phase::cpuMillis).toList();
    }

    private static double worst(List<Phase> phases, ToDoubleFunction<Phase> bytes) {
        return Scenario.mb((long) phases.stream().mapToDouble(bytes).max().orElse(0));
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }
}
