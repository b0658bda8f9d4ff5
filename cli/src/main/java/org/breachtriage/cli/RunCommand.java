package org.breachtriage.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.embedded.LocalPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run",
        description = {
            "Triage a manifest end to end: ingest, score everyone, publish notices and alerts, write the reports.",
            "Re-running the same file finds the same case and sends nothing twice.",
            "Incident metadata comes from --incident, else <manifest>.incident.json beside it, else the JSON envelope, else the conservative assumption (malicious, unknown recipients), recorded on the case."},
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MANIFEST", description = "A .csv, .jsonl or .json manifest.")
    Path manifest;

    @Option(names = "--incident", paramLabel = "FILE", description = "An incident metadata JSON file, which overrides any sidecar.")
    Path incidentFile;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LocalSession.refuseAws(spec, "on AWS, upload with 'triage --aws submit FILE' and run it with 'triage --aws process URI'");
        InputFiles.requireReadableFile(manifest, "manifest");
        IncidentMetadata incident = incidentFile == null ? null : Incidents.load(incidentFile);
        try (LocalPipeline pipeline = LocalSession.open()) {
            Runs.noteRecovery(pipeline, spec.commandLine().getErr());
            Runs.warnIfNoStaff(pipeline, spec.commandLine().getErr());
            return Runs.runAndPrint(pipeline, manifest, incident, output.format, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }
}
