package org.breachtriage.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.breachtriage.core.json.Json;

/**
 * The benchmark harness behind bench/run.sh. Plain main, one job per JVM launch:
 * <pre>
 *   generate --out DIR --people N --rows M[,M2...] --seed S --invalid-fraction F
 *   scenario --out DIR --people N --rows M --seed S --invalid-fraction F --work DIR --result FILE
 *            [--parse-reps 3] [--run-reps 2] [--floor-reps 1] [--heap-probe-seconds 10] [--jfr FILE]
 *   table RESULT.json...          prints the Markdown tables
 *   profile FILE.jfr [--top 15]   summarises a JFR recording
 *   persons-in-heap --roster FILE --manifest FILE --work DIR [--rounds 3]
 *                                 the run as shipped against the same run with its people in a hash map
 *                                 (bench/persons-in-heap.sh)
 * </pre>
 */
public final class BenchMain {
    /** A scenario measured everything but a check failed: run.sh still prints the tables, then fails. */
    static final int CHECK_FAILED = 3;

    private BenchMain() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            usage();
        }
        Args args = Args.parse(Arrays.asList(argv).subList(1, argv.length));
        switch (argv[0]) {
            case "generate" -> generate(args);
            case "scenario" -> scenario(args);
            case "table" -> table(args);
            case "profile" -> System.out.print(JfrSummary.summarise(Path.of(args.positional().getFirst()),
                    args.integer("top", 15)));
            case "persons-in-heap" -> personsInHeap(args);
            default -> usage();
        }
    }

    private static void personsInHeap(Args args) throws Exception {
        Path manifest = args.path("manifest");
        var rounds = PersonsInHeapRun.measure(args.path("roster"), manifest, args.path("work"), args.integer("rounds", 3));
        System.out.print(PersonsInHeapRun.table(manifest, rounds));
    }

    private static DataSet dataSet(Args args) {
        return DataSet.in(args.path("out"), args.integer("people", 250_000), args.longValue("seed", 42),
                args.decimal("invalid-fraction", 0.001));
    }

    private static void generate(Args args) throws Exception {
        DataSet data = dataSet(args);
        List<Integer> rows = Arrays.stream(args.string("rows").split(",")).map(s -> Integer.parseInt(s.replace("_", "")))
                .toList();
        long start = System.nanoTime();
        List<Path> written = data.ensure(rows);
        if (written.isEmpty()) {
            System.err.println("bench: reusing generated data in " + data.dir());
        } else {
            System.err.printf("bench: generated %s in %.1f s%n", written, (System.nanoTime() - start) / 1e9);
        }
    }

    private static void scenario(Args args) throws Exception {
        DataSet data = dataSet(args);
        int rows = Integer.parseInt(args.string("rows").replace("_", ""));
        Path manifest = data.manifest(rows);
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(data.roster())) {
            throw new IllegalStateException("no generated data for " + rows + " rows in " + data.dir()
                    + "; run the generate step first");
        }
        String jfr = args.string("jfr", "");
        Profiler profiler = jfr.isEmpty() ? Profiler.off() : Profiler.to(Path.of(jfr));
        Scenario scenario = new Scenario(data.roster(), data.people(), manifest, args.path("work"),
                args.integer("parse-reps", 3), args.integer("run-reps", 2), args.integer("floor-reps", 1), profiler,
                args.decimal("heap-probe-seconds", 10));
        ScenarioResult result = scenario.run();
        Scenario.write(result, args.path("result"));
        if (!result.allChecksPass()) {
            System.err.println("bench: A CHECK FAILED for " + manifest + ": see " + args.path("result"));
            System.exit(CHECK_FAILED);
        }
    }

    private static void table(Args args) throws Exception {
        List<ScenarioResult> results = new ArrayList<>();
        for (String file : args.positional()) {
            results.add(Json.MAPPER.readValue(Files.readAllBytes(Path.of(file)), ScenarioResult.class));
        }
        System.out.print(MarkdownReport.render(results));
    }

    private static void usage() {
        System.err.println("usage: BenchMain generate|scenario|table|profile|persons-in-heap ... (see bench/run.sh, bench/persons-in-heap.sh)");
        System.exit(2);
    }
}
