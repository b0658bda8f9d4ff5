package org.breachtriage.core.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large synthetic roster or manifest to a file, for benchmarks and trials:
 *
 * <pre>
 * java -cp core/target/classes org.breachtriage.core.synthetic.SyntheticDataCommand roster 250000 42 staff.csv
 * java -cp core/target/classes org.breachtriage.core.synthetic.SyntheticDataCommand manifest 250000 1000000 42 m.csv
 * </pre>
 *
 * A manifest describes the roster made with the same people and seed. Its format follows the file
 * name: {@code .csv}, {@code .jsonl} or {@code .json} (an envelope with the synthetic ID-card incident).
 */
public final class SyntheticDataCommand {
    private SyntheticDataCommand() {
    }

    public static void main(String[] args) throws IOException {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: roster <people> <seed> <file.csv>");
            System.err.println("       manifest <people> <rows> <seed> <file.csv|file.jsonl|file.json>");
            System.exit(2);
        }
    }

    static void run(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("roster")) {
            int people = number(args[1], "people");
            long seed = longNumber(args[2], "seed");
            Path file = Path.of(args[3]);
            long started = System.nanoTime();
            try (Writer out = open(file)) {
                SyntheticData.writeRoster(out, people, seed);
            }
            report(file, people + " people", started);
        } else if (args.length == 5 && args[0].equals("manifest")) {
            int people = number(args[1], "people");
            int rows = number(args[2], "rows");
            long seed = longNumber(args[3], "seed");
            Path file = Path.of(args[4]);
            String name = file.getFileName().toString();
            ManifestOptions options = ManifestOptions.defaults();
            long started = System.nanoTime();
            try (Writer out = open(file)) {
                if (name.endsWith(".csv")) {
                    SyntheticData.writeManifest(out, people, rows, seed, options);
                } else if (name.endsWith(".jsonl")) {
                    SyntheticData.writeManifestJsonLines(out, people, rows, seed, options);
                } else if (name.endsWith(".json")) {
                    SyntheticData.writeManifestJson(out, people, rows, seed, options, SampleEvents.MET_INCIDENT);
                } else {
                    throw new IllegalArgumentException(name + ": manifest file must end in .csv, .jsonl or .json");
                }
            }
            report(file, rows + " rows", started);
        } else {
            throw new IllegalArgumentException("unrecognised arguments");
        }
    }

    private static Writer open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private static void report(Path file, String what, long startedNanos) throws IOException {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        System.out.println("wrote " + file + ": " + what + ", " + Files.size(file) + " bytes in " + millis + " ms");
    }

    private static int number(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + text + "'");
        }
    }

    private static long longNumber(String text, String name) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + text + "'");
        }
    }
}
