package org.breachtriage.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.embedded.LocalPipeline;

/** The part of {@code run} that {@code demo} shares: run the pipeline with a progress bar and print the summary. */
final class Runs {
    private Runs() {
    }

    static int runAndPrint(LocalPipeline pipeline, Path manifest, IncidentMetadata incident, OutputFormat format,
                           PrintWriter out, PrintWriter err) throws Exception {
        Progress progress = new Progress(System.err, "triage " + manifest.getFileName(), Files.size(manifest),
                Progress.stderrIsTerminal(Settings.environment));
        LocalPipeline.RunOutcome outcome;
        try {
            outcome = pipeline.run(manifest, incident, progress::track);
        } finally {
            progress.finish();
        }
        RunSummary summary = outcome.summary();
        IncidentView incidentView = summary.incidentId() == null ? null
                : pipeline.services().queries().view(summary.incidentId()).orElse(null);
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>(Json.MAPPER.convertValue(summary, Map.class));
            json.put("incident", incidentView);
            out.println(Json.pretty(json));
        } else {
            if (outcome.alreadyTriaged()) {
                out.println("This manifest was triaged before: showing the stored case (nothing was sent again).");
            }
            Tables.printSummary(out, summary);
            if (incidentView != null) {
                out.println();
                Tables.printIncident(out, incidentView);
            }
            out.printf("Outputs     %s%n", pipeline.describeOutputs(summary.incidentId()));
            out.printf("Next        triage incident %s | triage report %s --format html | triage person %s PAY_NUMBER%n",
                    summary.incidentId(), summary.incidentId(), summary.incidentId());
        }
        if (!summary.balances()) {
            err.println("triage: error: accounting does not balance for " + outcome.summary().caseId()
                    + "; this is a bug, please report it");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    static void warnIfNoStaff(LocalPipeline pipeline, PrintWriter err) {
        if (pipeline.staffCount() == 0) {
            err.println("triage: warning: the staff table in " + Settings.stateDir() + " is empty, so nobody will be "
                    + "matched; import a roster first: triage staff import <roster.csv>");
        }
    }
}
