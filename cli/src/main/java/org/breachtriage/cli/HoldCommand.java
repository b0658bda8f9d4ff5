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

@Command(name = "hold",
        description = {"Keep one person's notices back, for example because their handler will tell them: no release publishes anything for them while the hold stands.",
            "A notice already on its way cannot be stopped; the command says so. The hold and its reason go in the incident's decision log and show in triage person; triage unhold lifts it."},
        mixinStandardHelpOptions = true)
final class HoldCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INCIDENT_ID", description = "The incident (IN-…).")
    String incidentId;

    @Parameters(index = "1", paramLabel = "PAY_NUMBER", description = "The person's pay number.")
    String payNumber;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who decides (a name; recorded with the identity that runs the command).")
    String by;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for example \"to be told by their handler\".")
    String reason;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (reason.isBlank()) {
            throw new InvalidInputException("--reason is empty: say why the notices are held");
        }
        try (Backend backend = Backend.open()) {
            IncidentRecord incident = LocalSession.requireIncident(backend, incidentId);
            Approver who = Releases.approver(backend, by);
            ReleaseNotices.HoldOutcome outcome = Releases.onPerson(() -> backend.services().release().hold(
                    new ReleaseNotices.HoldPerson(incident.incidentId(), payNumber.trim(), who.name(), who.identity(), reason)));
            var out = spec.commandLine().getOut();
            out.printf("%s %s in incident %s%s%n", outcome.changed() ? "Held" : "Already held:", payNumber.trim(),
                    incident.incidentId(), outcome.inFlight() > 0 ? "; " + outcome.inFlight()
                            + " notice(s) were already on their way and could not be kept back" : "");
            return ExitCodes.OK;
        }
    }
}
