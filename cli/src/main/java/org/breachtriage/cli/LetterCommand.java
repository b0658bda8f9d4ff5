package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.model.StaffMember;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "letter",
        description = {"Render one person's notice as they would read it (the brief for the officer who tells them, for a notice given in person), for the restricted operator.",
            "It renders their latest notice, published or still waiting, from the templates of the deployment's languages; someone with no individual notice gets the general staff communication. Nothing is sent or stored."},
        mixinStandardHelpOptions = true)
final class LetterCommand extends IncidentScopedCommand {

    enum Format { txt, html }


    @Parameters(index = "1", paramLabel = "PERSON", description = "The person's pay number, or TYPE:SUBJECT_REF for someone outside the workforce (for example VICTIM:NS-V-0001).")
    String payNumber;

    @Option(names = "--format", paramLabel = "FORMAT", description = "The format: txt (the default), or html for one self-contained page.")
    Format format = Format.txt;

    @Override
    int run(Backend backend, IncidentRecord incident, PrintWriter out) {
        String pay = Releases.personKey(backend, incident.incidentId(), payNumber, false);
        IncidentPerson person = backend.persons().find(incident.incidentId(), pay).orElseThrow(() ->
                new InvalidInputException("incident " + incident.incidentId() + " has no person with "
                        + org.breachtriage.core.manifest.PersonKeys.describe(pay) + " (see: triage pending " + incident.incidentId() + " --people)"));
        Letters letters = backend.services().letters();
        List<PersonNotice> live = person.notices().stream().filter(PersonNotice::live).toList();
        Letters.Letter letter;
        String title;
        if (live.isEmpty() && !person.subjectType().staff()) {
            // The general staff communication is addressed to the workforce: it is not this person's letter.
            throw new InvalidInputException(org.breachtriage.core.manifest.PersonKeys.describe(pay) + " has no"
                    + " individual notice, and the general staff communication is for the workforce, not for them:"
                    + " there is no letter to show");
        }
        if (live.isEmpty()) {
            letter = letters.general(incident, backend.services().settings().policy().generalCommunicationTemplate());
            title = "General staff communication, incident " + incident.incidentId();
        } else {
            PersonNotice latest = live.getLast();
            // Someone outside the workforce is not in the staff table, and it is not asked about them.
            Map<String, StaffMember> member = person.subjectType().staff()
                    ? backend.services().adapters().staff().findAll(List.of(pay)) : Map.of();
            letter = letters.forNotice(incident, person, latest, member.get(pay));
            title = latest.kind().wireName() + " notice, " + latest.band() + " by " + latest.channel() + ", incident "
                    + incident.incidentId();
        }
        out.print(format == Format.html ? Letters.html(title, letter.text()) : letter.text());
        out.flush();
        return ExitCodes.OK;
    }
}
