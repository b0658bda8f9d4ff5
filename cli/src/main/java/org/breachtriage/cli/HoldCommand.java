package org.breachtriage.cli;

import java.io.PrintWriter;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.S68Restriction;
import org.breachtriage.core.release.ReleaseNotices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hold",
        description = {"Keep one person's notices back, for example because their handler will tell them: no release publishes anything for them while the hold stands.",
            "A notice already on its way cannot be stopped; the command says so. The hold and its reason go in the incident's decision log and show in triage person; triage unhold lifts it.",
            "For a victim, witness, suspect or other subject of an incident under DPA 2018 Part 3, --s68-7 GROUND records the hold as a restriction under section 68(7) of the Data Protection Act 2018, on the ground a person chooses; it is refused for staff and for an incident under UK GDPR."},
        mixinStandardHelpOptions = true)
final class HoldCommand extends PersonDecisionCommand {

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for example \"to be told by their handler\".")
    String reason;

    @Option(names = "--s68-7", paramLabel = "GROUND", description = "Withhold the notice under DPA 2018 s.68(7), on one ground: INQUIRY (a), CRIME (b), PUBLIC_SECURITY (c), NATIONAL_SECURITY (d) or OTHERS_RIGHTS (e); the paragraph letter is accepted too.")
    String s687;

    private S68Restriction restriction;

    @Override
    void before() {
        if (s687 != null) {
            try {
                restriction = S68Restriction.parse(s687);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage());
            }
        }
        if (reason.isBlank()) {
            throw new InvalidInputException("--reason is empty: say why the notices are held");
        }
    }

    @Override
    boolean outsideWorkforceOnly() {
        return restriction != null;
    }

    @Override
    int decide(Backend backend, IncidentRecord incident, String payNumber, Approver who, PrintWriter out) {
        ReleaseNotices.HoldOutcome outcome = Releases.onPerson(() -> backend.services().release().hold(
                new ReleaseNotices.HoldPerson(incident.incidentId(), payNumber, who.name(), who.identity(), reason,
                        restriction)));
        String restricted = restriction == null ? ""
                : outcome.changed() ? ", withheld under " + restriction.provision()
                : " (no s.68(7) restriction recorded: lift the hold there is first, with triage unhold)";
        out.printf("%s %s in incident %s%s%s%n", outcome.changed() ? "Held" : "Already held:", payNumber,
                incident.incidentId(), restricted,
                outcome.inFlight() > 0 ? "; " + outcome.inFlight()
                        + " notice(s) were already on their way and could not be kept back" : "");
        if (outcome.changed() && outcome.alreadyPublishedAt() != null) {
            out.printf("A notice to them was already published at %s; the %s applies to any later notice.%n",
                    outcome.alreadyPublishedAt(), restriction == null ? "hold" : "restriction");
        }
        return ExitCodes.OK;
    }
}
