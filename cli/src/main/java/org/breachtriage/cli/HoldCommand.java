package org.breachtriage.cli;

import java.io.PrintWriter;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.release.ReleaseNotices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hold",
        description = {"Keep one person's notices back, for example because their handler will tell them: no release publishes anything for them while the hold stands.",
            "A notice already on its way cannot be stopped; the command says so. The hold and its reason go in the incident's decision log and show in triage person; triage unhold lifts it."},
        mixinStandardHelpOptions = true)
final class HoldCommand extends PersonDecisionCommand {

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for example \"to be told by their handler\".")
    String reason;

    @Override
    void before() {
        if (reason.isBlank()) {
            throw new InvalidInputException("--reason is empty: say why the notices are held");
        }
    }

    @Override
    int decide(Backend backend, IncidentRecord incident, String payNumber, Approver who, PrintWriter out) {
        ReleaseNotices.HoldOutcome outcome = Releases.onPerson(() -> backend.services().release().hold(
                new ReleaseNotices.HoldPerson(incident.incidentId(), payNumber, who.name(), who.identity(), reason)));
        out.printf("%s %s in incident %s%s%n", outcome.changed() ? "Held" : "Already held:", payNumber,
                incident.incidentId(), outcome.inFlight() > 0 ? "; " + outcome.inFlight()
                        + " notice(s) were already on their way and could not be kept back" : "");
        return ExitCodes.OK;
    }
}
