package org.breachtriage.cli;

import java.util.concurrent.Callable;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.release.ReleaseNotices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "unhold",
        description = {"Lift the hold on one person's notices.",
            "A notice whose band is released automatically goes at once; the others wait for a fresh release, since the approvals given before the hold no longer count. It goes in the incident's decision log."},
        mixinStandardHelpOptions = true)
final class UnholdCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INCIDENT_ID", description = "The incident (IN-…).")
    String incidentId;

    @Parameters(index = "1", paramLabel = "PAY_NUMBER", description = "The person's pay number.")
    String payNumber;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who decides (a name; recorded with the identity that runs the command).")
    String by;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Backend backend = Backend.open()) {
            IncidentRecord incident = LocalSession.requireIncident(backend, incidentId);
            Approver who = Releases.approver(backend, by);
            ReleaseNotices.HoldOutcome outcome = Releases.onPerson(() -> backend.services().release().unhold(
                    new ReleaseNotices.LiftHold(incident.incidentId(), payNumber.trim(), who.name(), who.identity())));
            var out = spec.commandLine().getOut();
            out.printf("%s %s in incident %s%s%n", outcome.changed() ? "Hold lifted for" : "Not held:", payNumber.trim(),
                    incident.incidentId(), outcome.published() > 0 ? "; " + outcome.published() + " notice(s) published"
                            : outcome.changed() ? "; their notices wait for release (triage pending " + incident.incidentId() + ")" : "");
            return ExitCodes.OK;
        }
    }
}
