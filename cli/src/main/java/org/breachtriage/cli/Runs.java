package org.breachtriage.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.embedded.CrashRecovery;
import org.breachtriage.embedded.LocalPipeline;

/** What {@code run} and {@code demo} share: run manifests with a progress bar, then print what they did. */
final class Runs {
    private Runs() {
    }

    /** Runs one manifest and prints its case and its incident; exit code 1 if its accounting does not balance. */
    static int runAndPrint(LocalPipeline pipeline, Path manifest, IncidentMetadata incident, OutputFormat format,
                           PrintWriter out, PrintWriter err) throws Exception {
        LocalPipeline.RunOutcome outcome = run(pipeline, manifest, incident);
        printWarnings(outcome, err);
        RunSummary summary = outcome.summary();
        IncidentView incidentView = incidentOf(pipeline, summary);
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>(Json.MAPPER.convertValue(summary, Map.class));
            json.put("incident", incidentView);
            out.println(Json.pretty(json));
        } else {
            if (outcome.alreadyTriaged()) {
                out.println("This manifest was triaged before: showing the stored case (nothing was sent again).");
            }
            Tables.printSummary(out, summary, incidentView == null ? null : incidentView.regime());
            printIncidentAndNext(pipeline, incidentView, out);
        }
        return balanced(List.of(summary), err);
    }

    /** Runs a manifest with a progress bar on stderr when it is a terminal. */
    static LocalPipeline.RunOutcome run(LocalPipeline pipeline, Path manifest, IncidentMetadata incident)
            throws Exception {
        Progress progress = new Progress(System.err, "triage " + manifest.getFileName(), Files.size(manifest),
                Progress.stderrIsTerminal(Settings.environment));
        try {
            return pipeline.run(manifest, incident, progress::track);
        } finally {
            progress.finish();
        }
    }

    /** The incident metadata's warnings (unknown fields, a corrected file), one line each; they name fields, never values. */
    static void printWarnings(LocalPipeline.RunOutcome outcome, PrintWriter err) {
        for (String warning : outcome.warnings()) {
            err.println("triage: warning: " + warning);
        }
    }

    static IncidentView incidentOf(LocalPipeline pipeline, RunSummary summary) {
        return summary.incidentId() == null ? null : pipeline.services().queries().view(summary.incidentId()).orElse(null);
    }

    static void printIncidentAndNext(LocalPipeline pipeline, IncidentView incident, PrintWriter out) {
        if (incident == null) {
            return;
        }
        out.println();
        Tables.printIncident(out, incident);
        out.printf("Outputs     %s%n", pipeline.describeOutputs(incident.incidentId()));
        out.printf("Next        triage pending %s | triage incident %s --log | triage report %s --format html"
                + " | triage person %s %s%n", incident.incidentId(), incident.incidentId(), incident.incidentId(),
                incident.incidentId(), personPlaceholder(incident));
    }

    /** What to type after triage person: a pay number, or TYPE:REF where people outside the workforce are listed. */
    static String personPlaceholder(IncidentView incident) {
        IncidentView.Persons persons = incident.persons();
        if (persons.nonStaff() == 0) {
            return "PAY_NUMBER";
        }
        return persons.matched() + persons.unmatched() == 0 ? "TYPE:REF" : "PERSON";
    }

    /** 0, or 1 with a line on stderr for each summary whose books do not balance (a bug). */
    static int balanced(List<RunSummary> summaries, PrintWriter err) {
        int code = ExitCodes.OK;
        for (RunSummary summary : summaries) {
            if (!summary.balances()) {
                err.println("triage: error: accounting does not balance for " + summary.caseId()
                        + "; this is a bug, please report it");
                code = ExitCodes.FAILURE;
            }
        }
        return code;
    }

    /** Says so when the last command on the state directory died, and what opening it put right. */
    static void noteRecovery(LocalPipeline pipeline, PrintWriter err) {
        CrashRecovery.Recovered recovered = pipeline.recovered();
        if (recovered.uncleanEnd()) {
            err.println("triage: note: the last command on " + Settings.stateDir() + " did not finish (it was killed, or"
                    + " the machine or its disk stopped); this one carries on from what it had saved"
                    + (recovered.peopleUnclaimed() > 0 ? ", and sends the notices of " + recovered.peopleUnclaimed()
                    + " people it had claimed but not marked sent (none goes out twice)" : ""));
        }
    }

    static void warnIfNoStaff(LocalPipeline pipeline, PrintWriter err) {
        if (pipeline.staffCount() == 0) {
            err.println("triage: warning: the staff table in " + Settings.stateDir() + " is empty, so no staff member will be "
                    + "matched (victims, witnesses and others are never looked up there); import a roster first: triage"
                    + " staff import <roster.csv>");
        }
    }
}
