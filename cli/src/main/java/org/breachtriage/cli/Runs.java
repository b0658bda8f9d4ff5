package org.breachtriage.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.breachtriage.core.json.Json;
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
        if (format == OutputFormat.json) {
            out.println(Json.pretty(outcome.summary()));
        } else {
            if (outcome.alreadyTriaged()) {
                out.println("This manifest was triaged before: showing the stored case (nothing was sent again).");
            }
            Tables.printSummary(out, outcome.summary());
            out.printf("Outputs     %s%n", pipeline.describeOutputs(outcome.summary().caseId()));
            out.printf("Next        triage status %s | triage report %s --format html%n", outcome.summary().caseId(),
                    outcome.summary().caseId());
        }
        if (!outcome.summary().balances()) {
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
