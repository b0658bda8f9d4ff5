package org.breachtriage.core.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.breachtriage.core.incident.GeneralCommunication;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.IncidentService;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.Messages;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.ports.StaffDirectory;
import org.breachtriage.core.ports.Topic;

/**
 * The one place a notice goes out. For each person with released notices: claim them (one
 * compare-and-set on the person, which also checks that nobody has held them since), write each
 * letter, publish, then mark each published. Only the claimer publishes, so two approvers, a
 * re-delivered request or the scorer's request racing a release never send a notice twice. A claim
 * whose publisher died runs out after {@link PersonNotice#CLAIM_LEASE} and is taken over: across a
 * crash between publishing and marking, a notice goes out again with the same id (at least once).
 *
 * <p>Letters are rendered here, at release, never while scoring. Nothing personal is logged.
 */
public final class NoticeDispatch {
    /** People claimed, lettered and published together: bounded memory, and 10 messages per publish request. */
    static final int PEOPLE_PER_ROUND = 100;
    /** People a whole-incident walk gathers before it dispatches them: ten rounds. */
    static final int PEOPLE_PER_SWEEP = 10 * PEOPLE_PER_ROUND;
    private static final int MAX_CLAIM_ATTEMPTS = 16;

    private final PersonStore persons;
    private final StaffDirectory staff;
    private final ObjectStore outputs;
    private final NoticePublisher publisher;
    private final IncidentService incidents;
    private final Letters letters;
    private final String generalTemplate;
    private final Clock clock;

    public NoticeDispatch(PersonStore persons, StaffDirectory staff, ObjectStore outputs, NoticePublisher publisher,
                          IncidentService incidents, Letters letters, String generalTemplate, Clock clock) {
        this.persons = persons;
        this.staff = staff;
        this.outputs = outputs;
        this.publisher = publisher;
        this.incidents = incidents;
        this.letters = letters;
        this.generalTemplate = generalTemplate;
        this.clock = clock;
    }

    /** What a dispatch did: notices published, and people left alone because they are held. */
    public record Dispatched(int published, int peopleHeld) {
        static final Dispatched NOTHING = new Dispatched(0, 0);

        Dispatched plus(Dispatched other) {
            return new Dispatched(published + other.published, peopleHeld + other.peopleHeld);
        }
    }

    /** Publishes every claimable notice of these people (as last read; each is re-checked when claimed). */
    public Dispatched dispatch(IncidentRecord incident, List<IncidentPerson> people) {
        Dispatched total = Dispatched.NOTHING;
        for (int from = 0; from < people.size(); from += PEOPLE_PER_ROUND) {
            total = total.plus(round(incident, people.subList(from, Math.min(people.size(), from + PEOPLE_PER_ROUND))));
        }
        return total;
    }

    /**
     * Publishes every claimable notice of the incident, walking its people once in the store's own order and
     * dispatching them {@value #PEOPLE_PER_SWEEP} at a time as they are found. Why not collect them first: a
     * million-row run releases 190,000 people at its end, whose records would all be in the heap at once. Why
     * the store's order: people the walk finds together are stored together (the embedded log keeps them in
     * the order they were first written), so a round's claims and marks land on a few pages, not one page
     * each. Each person is re-checked when claimed, so a record the walk read before a write is still safe.
     */
    public Dispatched dispatchClaimable(IncidentRecord incident) {
        Instant now = clock.instant();
        List<IncidentPerson> found = new ArrayList<>();
        Dispatched[] total = {Dispatched.NOTHING};
        persons.forEachAnyOrder(incident.incidentId(), p -> {
            if (p.hasClaimable(now)) {
                found.add(p);
                if (found.size() == PEOPLE_PER_SWEEP) {
                    total[0] = total[0].plus(dispatch(incident, found));
                    found.clear();
                }
            }
        });
        return total[0].plus(dispatch(incident, found));
    }

    private Dispatched round(IncidentRecord incident, List<IncidentPerson> people) {
        String token = UUID.randomUUID().toString();
        Set<String> superseded = incident.supersededCaseIds();
        List<IncidentPerson> claimed = new ArrayList<>();
        int held = 0;
        for (IncidentPerson seen : people) {
            if (seen.held()) {
                held++;
                continue;
            }
            claim(seen, token, superseded).ifPresent(claimed::add);
        }
        if (claimed.isEmpty()) {
            return new Dispatched(0, held);
        }
        try {
            return new Dispatched(send(incident, claimed, token), held);
        } catch (RuntimeException e) {
            dropClaims(claimed, token, e);
            throw e;
        }
    }

    /** Letters, one publish, and the marks, for the people this round claimed. @return notices published */
    private int send(IncidentRecord incident, List<IncidentPerson> claimed, String token) {
        // Letters name staff from the staff table; nobody outside the workforce is looked up there.
        List<String> payNumbers = claimed.stream().filter(p -> p.subjectType().staff()).map(IncidentPerson::payNumber)
                .toList();
        Map<String, StaffMember> members = payNumbers.isEmpty() ? Map.of() : staff.findAll(payNumbers);
        List<Addressed> addressed = new ArrayList<>();
        for (IncidentPerson person : claimed) {
            for (PersonNotice notice : person.claimedBy(token)) {
                addressed.add(new Addressed(person, notice));
            }
        }
        // A letter and its message are pure work on what the round has read (no store, no clock), and they
        // were most of the release's time, on one core of two: written side by side, kept in the round's order.
        List<Written> written = addressed.parallelStream().map(a -> {
            Letters.Letter letter = letters.forNotice(incident, a.person(), a.notice(), members.get(a.person().payNumber()));
            return new Written(letter, Messages.notice(incident, a.person(), a.notice(), letter.key()));
        }).toList();
        List<OutboundMessage> messages = new ArrayList<>(written.size());
        for (Written w : written) {
            put(w.letter());
            messages.add(w.message());
        }
        publisher.publish(Topic.NOTICES, messages);
        Instant at = clock.instant();
        for (Addressed a : addressed) {
            persons.markPublished(incident.incidentId(), a.person().payNumber(), a.notice().noticeId(), at);
        }
        return addressed.size();
    }

    /** One claimed notice and the person it goes to. */
    private record Addressed(IncidentPerson person, PersonNotice notice) {
    }

    /** A notice's letter and the message that names it. */
    private record Written(Letters.Letter letter, OutboundMessage message) {
    }

    /**
     * A round that failed after claiming (a letter the disk had no room for, a publish refused) gives its
     * claims back, so that the notices are free for the next attempt at once: otherwise they wait out the
     * claim lease, and a local run that ended cleanly after the failure (nothing says its claims are dead)
     * left them unsent. Best effort: a store that cannot take the write leaves the lease to do it, and a
     * notice that did go out is not sent twice (the topic's de-duplication by notice id).
     */
    private void dropClaims(List<IncidentPerson> claimed, String token, RuntimeException failure) {
        for (IncidentPerson person : claimed) {
            try {
                for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
                    IncidentPerson current = persons.find(person.incidentId(), person.payNumber()).orElse(null);
                    IncidentPerson dropped = current == null ? null : current.withClaimsDropped(token);
                    if (dropped == null || dropped == current || persons.replace(dropped, current.version())) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
                return;
            }
        }
    }

    /**
     * Claims the person's released notices, re-reading when another writer got there first. Empty when
     * there is nothing left to claim, or the person is held or no longer listed by then.
     */
    private Optional<IncidentPerson> claim(IncidentPerson seen, String token, Set<String> superseded) {
        IncidentPerson current = seen;
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            if (current.held() || current.noLongerListed(superseded) || !current.hasClaimable(now)) {
                return Optional.empty();
            }
            IncidentPerson next = current.withClaims(token, now);
            if (persons.replace(next, current.version())) {
                return Optional.of(next);
            }
            Optional<IncidentPerson> reread = persons.find(current.incidentId(), current.payNumber());
            if (reread.isEmpty()) {
                return Optional.empty();
            }
            current = reread.get();
            if (!current.claimedBy(token).isEmpty()) {
                // Our own write landed and only its answer was lost (the store retried it into its own
                // condition): the claim is ours. Leaving it would strand the notices until the lease ran out.
                return Optional.of(current);
            }
        }
        throw new IllegalStateException("a person of incident " + seen.incidentId() + " kept changing under us ("
                + MAX_CLAIM_ATTEMPTS + " attempts); the release will be retried");
    }

    /**
     * Sends the incident's general staff communication if nobody has: planned on the incident by
     * compare-and-set (a dead planner's plan is taken over after the lease), written, published,
     * marked sent.
     *
     * @return true if this call sent it
     */
    public boolean ensureGeneralCommunication(String incidentId) {
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        IncidentRecord before = incidents.require(incidentId);
        if (before.generalCommunication() == null && !listsWorkforce(before)) {
            // "To everyone who works for the force" about a breach that affects none of them would be false
            // and alarming: an incident of victims, witnesses and others only gets none (it is sent once a
            // staff member is among its people).
            return false;
        }
        IncidentRecord planned = incidents.update(incidentId, current -> {
            GeneralCommunication existing = current.generalCommunication();
            if (existing != null && existing.taken(now)) {
                return null;
            }
            return current.withGeneralCommunication(new GeneralCommunication(generalTemplate,
                    Letters.generalKey(incidentId), token, now, null));
        });
        GeneralCommunication mine = planned.generalCommunication();
        if (mine == null || mine.sent() || !token.equals(mine.plannedBy())) {
            return false;
        }
        Letters.Letter letter = letters.general(planned, mine.templateId());
        put(letter);
        publisher.publish(Topic.NOTICES, List.of(Messages.generalCommunication(planned, letter.key(), mine.templateId())));
        Instant sentAt = clock.instant();
        incidents.update(incidentId, current -> current.generalCommunication() != null
                && token.equals(current.generalCommunication().plannedBy()) && !current.generalCommunication().sent()
                ? current.withGeneralCommunication(current.generalCommunication().sentAt(sentAt)) : null);
        incidents.log(incidentId, "general communication", "The general staff communication (template "
                + mine.templateId() + ") was published on the notices topic; it covers everyone the policy sends no"
                + " individual notice. Text: " + letter.key() + ".");
        return true;
    }

    /**
     * Whether someone of the workforce is among the incident's people: from the manifests ingest marked,
     * and only for an incident opened before manifests were marked by reading its people (for an incident
     * of victims and witnesses only, that read came with every release call).
     */
    private boolean listsWorkforce(IncidentRecord incident) {
        return incident.listsWorkforce().orElseGet(() -> ReleaseFigures.read(incident, persons).workforce() > 0);
    }

    private void put(Letters.Letter letter) {
        try {
            outputs.put(letter.key(), letter.text().getBytes(StandardCharsets.UTF_8), Letters.CONTENT_TYPE, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a letter to the object store", e);
        }
    }
}
