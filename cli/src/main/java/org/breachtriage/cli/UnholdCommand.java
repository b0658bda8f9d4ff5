package org.breachtriage.cli;

import java.io.PrintWriter;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.release.ReleaseNotices;
import picocli.CommandLine.Command;

@Command(name = "unhold",
        description = {"Lift the hold on one person's notices.",
            "A notice whose band is released automatically goes at once; the others wait for a fresh release, since the approvals given before the hold no longer count. It goes in the incident's decision log."},
        mixinStandardHelpOptions = true)
final class UnholdCommand extends PersonDecisionCommand {

    @Override
    int decide(Backend backend, IncidentRecord incident, String payNumber, Approver who, PrintWriter out) {
        ReleaseNotices.HoldOutcome outcome = Releases.onPerson(() -> backend.services().release().unhold(
                new ReleaseNotices.LiftHold(incident.incidentId(), payNumber, who.name(), who.identity())));
        out.printf("%s %s in incident %s%s%n", outcome.changed() ? "Hold lifted for" : "Not held:", payNumber,
                incident.incidentId(), outcome.published() > 0 ? "; " + outcome.published() + " notice(s) published"
                        : outcome.changed() ? "; their notices wait for release (triage pending " + incident.incidentId() + ")" : "");
        return ExitCodes.OK;
    }
}
