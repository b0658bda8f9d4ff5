package org.breachtriage.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.staff.RosterReader;
import org.breachtriage.core.synthetic.SampleEvents;
import org.breachtriage.embedded.LocalPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        description = {"Triage the bundled synthetic breach end to end: write the sample data (the same files as events/), import the 3,000-person roster and triage the ID-card supplier's manifest.",
            "No real person's data is involved. Running it again finds the same case and sends nothing twice."},
        mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LocalSession.refuseAws(spec, "on AWS, upload with 'triage --aws submit FILE' and run it with 'triage --aws process URI'");
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path data = Settings.stateDir().resolve("demo-data");
        SampleEvents.writeAll(data);
        RosterImport roster = new RosterReader().read(data.resolve(SampleEvents.ROSTER));
        if (roster.hasErrors()) {
            throw new IllegalStateException("the bundled roster has invalid rows: " + roster.errors().get(0).describe());
        }
        Path manifest = data.resolve(SampleEvents.MET_ID_CARD);
        try (LocalPipeline pipeline = LocalSession.open()) {
            pipeline.importStaff(roster.members());
            if (output.format == OutputFormat.table) {
                out.printf("Demo: %,d synthetic staff imported; triaging %s (sample data in %s)%n%n",
                        roster.members().size(), manifest.getFileName(), data);
            }
            return Runs.runAndPrint(pipeline, manifest, null, output.format, out, err);
        }
    }
}
