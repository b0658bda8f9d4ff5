package org.breachtriage.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.staff.RosterReader;
import org.breachtriage.core.synthetic.SampleEvents;
import org.breachtriage.embedded.LocalPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        description = {"Triage the bundled synthetic breach end to end: write the sample data (the same files as events/), import the 3,000-person roster and triage the ID-card supplier's two manifests of one incident, the first list and the records it found later.",
            "No real person's data is involved. Each person is assessed once on everything either manifest exposed and told once; a person whose band rises with the later records gets one escalation notice. Running it again finds the same cases and sends nothing twice."},
        mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

    /** The incident's manifests in the order the supplier sent them, with what each is. */
    private static final List<Map.Entry<String, String>> MANIFESTS = List.of(
            Map.entry(SampleEvents.MET_ID_CARD, "the supplier's first list"),
            Map.entry(SampleEvents.MET_ID_CARD_LATER, "records the supplier found later"));

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
        try (LocalPipeline pipeline = LocalSession.open()) {
            pipeline.importStaff(roster.members());
            boolean table = output.format == OutputFormat.table;
            if (table) {
                out.printf("Demo: %,d synthetic staff imported; triaging incident %s, which arrives as %d manifests"
                        + " (sample data in %s)%n", roster.members().size(), SampleEvents.MET_INCIDENT.reference(),
                        MANIFESTS.size(), data);
            }
            List<RunSummary> summaries = new ArrayList<>();
            for (int i = 0; i < MANIFESTS.size(); i++) {
                Path manifest = data.resolve(MANIFESTS.get(i).getKey());
                LocalPipeline.RunOutcome outcome = Runs.run(pipeline, manifest, null);
                summaries.add(outcome.summary());
                if (table) {
                    out.printf("%n%d. %s: %s%s%n", i + 1, manifest.getFileName(), MANIFESTS.get(i).getValue(),
                            outcome.alreadyTriaged() ? " (triaged before: nothing was sent again)" : "");
                    Tables.printSummary(out, outcome.summary());
                }
            }
            IncidentView incident = Runs.incidentOf(pipeline, summaries.getLast());
            if (table) {
                Runs.printIncidentAndNext(pipeline, incident, out);
            } else {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("manifests", summaries);
                json.put("incident", incident);
                out.println(Json.pretty(json));
            }
            return Runs.balanced(summaries, err);
        }
    }
}
