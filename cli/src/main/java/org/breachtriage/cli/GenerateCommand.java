package org.breachtriage.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.breachtriage.core.synthetic.ManifestOptions;
import org.breachtriage.core.synthetic.SampleEvents;
import org.breachtriage.core.synthetic.SyntheticData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate",
        description = {"Write a deterministic synthetic roster and manifest of any size (same seed, same bytes), for trials and benchmarks.",
            "Names are fictitious; no real person's data is involved.",
            "It writes DIR/roster.csv, DIR/manifest.<format> and, except for the json envelope, DIR/manifest.<format>.incident.json."},
        mixinStandardHelpOptions = true)
final class GenerateCommand implements Callable<Integer> {

    enum Format { csv, jsonl, json }

    @Option(names = "--people", required = true, paramLabel = "N", description = "How many people the roster lists.")
    int people;

    @Option(names = "--manifest-rows", required = true, paramLabel = "M", description = "How many rows the manifest has.")
    int rows;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "The random seed; the same seed gives the same bytes (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "generated", paramLabel = "DIR",
            description = "The folder to write to (default ./${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            description = "The manifest format: csv, jsonl or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--invalid-fraction", defaultValue = "0", paramLabel = "F",
            description = "The share of deliberately invalid manifest rows, from 0 to 1 (default ${DEFAULT-VALUE}).")
    double invalidFraction;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (people < 1 || rows < 0) {
            throw new InvalidInputException("--people must be at least 1 and --manifest-rows at least 0");
        }
        if (invalidFraction < 0 || invalidFraction > 1) {
            throw new InvalidInputException("--invalid-fraction must be between 0 and 1, got " + invalidFraction);
        }
        Files.createDirectories(out);
        ManifestOptions options = ManifestOptions.defaults().withInvalidFraction(invalidFraction);
        Path roster = out.resolve("roster.csv");
        Path manifest = out.resolve("manifest." + format);
        try (Writer w = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
            SyntheticData.writeRoster(w, people, seed);
        }
        try (Writer w = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
            switch (format) {
                case csv -> SyntheticData.writeManifest(w, people, rows, seed, options);
                case jsonl -> SyntheticData.writeManifestJsonLines(w, people, rows, seed, options);
                case json -> SyntheticData.writeManifestJson(w, people, rows, seed, options, SampleEvents.MET_INCIDENT);
            }
        }
        if (format != Format.json) {
            try (Writer w = Files.newBufferedWriter(out.resolve(manifest.getFileName() + ".incident.json"),
                    StandardCharsets.UTF_8)) {
                SyntheticData.writeIncidentSidecar(w, SampleEvents.MET_INCIDENT);
            }
        }
        var o = spec.commandLine().getOut();
        o.printf("wrote %s (%,d people) and %s (%,d rows)%n", roster, people, manifest, rows);
        o.printf("next: triage staff import %s && triage run %s%n", roster, manifest);
        return ExitCodes.OK;
    }
}
