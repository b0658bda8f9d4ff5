package org.breachtriage.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.ManifestReader;
import org.breachtriage.core.manifest.ManifestReaders;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.manifest.ManifestVisitor;
import org.breachtriage.core.manifest.RowRejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate",
        description = {"Check a manifest without triaging it. Lists every invalid row with its reason.",
            "Exits 3 when any row is invalid or the file cannot be read as a manifest."},
        mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MANIFEST", description = "A .csv, .jsonl or .json manifest.")
    Path manifest;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        InputFiles.requireReadableFile(manifest, "manifest");
        ManifestReader reader = ManifestReaders.forName(manifest.getFileName().toString());
        List<RowRejection> rejects = new ArrayList<>();
        ManifestReader.ReadSummary summary;
        try (InputStream in = Files.newInputStream(manifest)) {
            summary = reader.read(manifest.toString(), in, new ManifestVisitor() {
                @Override
                public void accepted(ManifestRow row) {
                }

                @Override
                public void rejected(RowRejection rejection) {
                    rejects.add(rejection);
                }
            });
        }
        ManifestReaders.requireRows(manifest.toString(), summary);
        var out = spec.commandLine().getOut();
        if (output.format == OutputFormat.json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("manifest", manifest.toString());
            result.put("valid", rejects.isEmpty());
            result.put("rows", Map.of("read", summary.rowsRead(), "accepted", summary.rowsAccepted(),
                    "rejected", summary.rowsRejected()));
            result.put("rejects", rejects);
            out.println(Json.pretty(result));
        } else {
            out.printf("%s: %,d rows read, %,d accepted, %,d rejected%n", manifest, summary.rowsRead(),
                    summary.rowsAccepted(), summary.rowsRejected());
            for (RowRejection r : rejects) {
                out.println("  " + r.describe());
            }
            out.println(rejects.isEmpty() ? "valid" : "INVALID: fix the rows above, or run anyway: rejected rows are kept with their reasons");
        }
        return rejects.isEmpty() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }
}
