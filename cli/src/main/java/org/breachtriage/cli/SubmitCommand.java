package org.breachtriage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.breachtriage.core.manifest.IncidentMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "submit",
        description = {"Upload a manifest to the bucket under manifests/<supplier>/, as a supplier would; on AWS the upload triggers the pipeline (with the sandbox, run `triage --aws process URI` next).",
            "The incident goes first, as the sidecar object <key>.incident.json. The last line printed is the s3:// URI."},
        mixinStandardHelpOptions = true)
final class SubmitCommand extends AwsCommand {

    @Parameters(paramLabel = "MANIFEST", description = "A .csv, .jsonl or .json manifest.")
    Path manifest;

    @Option(names = "--incident", paramLabel = "FILE",
            description = "An incident metadata JSON file (default: <manifest>.incident.json beside the manifest, if there is one).")
    Path incidentFile;

    @Option(names = "--supplier", paramLabel = "NAME", description = "The folder under manifests/ (default: the incident's supplier, else 'unknown').")
    String supplier;

    @Override
    int run(AwsBackend aws) throws Exception {
        InputFiles.requireReadableFile(manifest, "manifest");
        Path sidecar = incidentFile != null ? incidentFile
                : manifest.resolveSibling(manifest.getFileName() + ".incident.json");
        IncidentMetadata incident = null;
        if (incidentFile != null || Files.exists(sidecar)) {
            incident = Incidents.load(sidecar);
        }
        String folder = slug(supplier != null ? supplier : incident != null ? incident.supplier() : "unknown");
        String key = "manifests/" + folder + "/" + manifest.getFileName();
        if (incident != null) {
            aws.outputs().put(key + ".incident.json", Files.readAllBytes(sidecar), "application/json", Map.of());
        }
        aws.outputs().put(key, Files.readAllBytes(manifest), contentType(key), Map.of());
        var out = spec.commandLine().getOut();
        out.println("uploaded " + Files.size(manifest) + " bytes" + (incident == null ? " (no incident metadata: "
                + "the conservative assumption will apply)" : " with incident " + incident.reference()));
        out.println("s3://" + aws.names().bucket() + "/" + key);
        return ExitCodes.OK;
    }

    /** A folder name anyone can type: lower case, letters, digits and dashes. */
    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "unknown" : slug;
    }

    private static String contentType(String key) {
        return key.endsWith(".csv") ? "text/csv" : key.endsWith(".jsonl") ? "application/x-ndjson" : "application/json";
    }
}
