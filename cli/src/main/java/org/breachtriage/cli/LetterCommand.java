package org.breachtriage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.manifest.PersonKeys;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.ports.ObjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "letter",
        description = {"Render one person's notice as they would read it (the brief for the officer who tells them, for a notice given in person), for the restricted operator.",
            "It renders their latest notice, published or still waiting, from the templates of the deployment's languages; someone with no individual notice gets the general staff communication. Nothing is sent or stored.",
            "With --stored, it prints instead the copy stored when the notice was published, byte for byte (the local backend keeps letters in its state file; on AWS the bucket policy refuses reads of letters/ to all but the release function and the notice sender)."},
        mixinStandardHelpOptions = true)
final class LetterCommand extends IncidentScopedCommand {

    enum Format { txt, html }


    @Parameters(index = "1", paramLabel = "PERSON", description = "The person's pay number, or TYPE:SUBJECT_REF for someone outside the workforce (for example VICTIM:NS-V-0001).")
    String payNumber;

    @Option(names = "--format", paramLabel = "FORMAT", description = "The format: txt (the default), or html for one self-contained page.")
    Format format = Format.txt;

    @Option(names = "--stored", description = "Print the letter stored when their latest notice was published (or the general staff communication's), not a fresh rendering.")
    boolean stored;

    @Override
    int run(Backend backend, IncidentRecord incident, PrintWriter out) {
        String pay = Releases.personKey(backend, incident.incidentId(), payNumber, false);
        IncidentPerson person = backend.persons().find(incident.incidentId(), pay).orElseThrow(() ->
                new InvalidInputException("incident " + incident.incidentId() + " has no person with "
                        + PersonKeys.describe(pay) + " (see: triage pending " + incident.incidentId() + " --people)"));
        if (stored) {
            return printStored(backend, incident, person, out);
        }
        Letters letters = backend.services().letters();
        List<PersonNotice> live = person.notices().stream().filter(PersonNotice::live).toList();
        Letters.Letter letter;
        String title;
        if (live.isEmpty() && !person.subjectType().staff()) {
            // The general staff communication is addressed to the workforce: it is not this person's letter.
            throw new InvalidInputException(PersonKeys.describe(pay) + " has no"
                    + " individual notice, and the general staff communication is for the workforce, not for them:"
                    + " there is no letter to show");
        }
        if (live.isEmpty()) {
            letter = letters.general(incident, backend.services().settings().policy().generalCommunicationTemplate());
            title = generalTitle(incident);
        } else {
            PersonNotice latest = live.getLast();
            // Someone outside the workforce is not in the staff table, and it is not asked about them.
            Map<String, StaffMember> member = person.subjectType().staff()
                    ? backend.services().adapters().staff().findAll(List.of(pay)) : Map.of();
            letter = letters.forNotice(incident, person, latest, member.get(pay));
            title = noticeTitle(incident, latest);
        }
        return print(out, title, letter.text());
    }

    /** The stored copy of the person's latest published notice, or of the general communication when they have none. */
    private int printStored(Backend backend, IncidentRecord incident, IncidentPerson person, PrintWriter out) {
        String who = PersonKeys.describe(person.payNumber());
        List<PersonNotice> published = person.notices().stream().filter(PersonNotice::published).toList();
        String key;
        String title;
        if (!published.isEmpty()) {
            PersonNotice latest = published.getLast();
            key = Letters.noticeKey(incident.incidentId(), latest.noticeId());
            title = noticeTitle(incident, latest) + " (as stored)";
        } else if (person.subjectType().staff() && person.notices().stream().noneMatch(PersonNotice::live)
                && incident.generalCommunication() != null
                && incident.generalCommunication().sent()) {
            key = incident.generalCommunication().letterKey();
            title = generalTitle(incident) + " (as stored)";
        } else {
            throw new InvalidInputException(who + " has no published notice in incident " + incident.incidentId()
                    + ", so no letter was stored; without --stored this renders what they would get");
        }
        try (InputStream in = backend.outputs().open(key)) {
            return print(out, title, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (ObjectStore.ObjectNotFoundException e) {
            throw new IllegalStateException("the letter of " + who + "'s published notice is not in the object store ("
                    + key + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored letter " + key + ": " + e.getMessage(), e);
        }
    }

    private static String noticeTitle(IncidentRecord incident, PersonNotice notice) {
        return notice.kind().wireName() + " notice, " + notice.band() + " by " + notice.channel() + ", incident "
                + incident.incidentId();
    }

    private static String generalTitle(IncidentRecord incident) {
        return "General staff communication, incident " + incident.incidentId();
    }

    private int print(PrintWriter out, String title, String text) {
        out.print(format == Format.html ? Letters.html(title, text) : text);
        out.flush();
        return ExitCodes.OK;
    }
}
