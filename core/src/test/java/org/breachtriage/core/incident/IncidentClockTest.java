package org.breachtriage.core.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.incident.Reminder.State;
import org.breachtriage.core.incident.Reminder.Threshold;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.ports.contract.ContractData;
import org.breachtriage.core.testing.InMemoryIncidentStore;
import org.breachtriage.core.testing.InMemoryPersonStore;
import org.breachtriage.core.testing.MutableClock;
import org.breachtriage.core.testing.RecordingPublisher;
import org.junit.jupiter.api.Test;

/**
 * {@link IncidentClock} at the edges of each threshold, with the reminders it records, the message it
 * sends (body, text, attributes) and what it counts as awaiting release.
 */
class IncidentClockTest {
    private static final Instant AWARE = Instant.parse("2023-08-24T09:00:00Z");
    private static final Instant DEADLINE = AWARE.plus(Duration.ofHours(72));

    private final MutableClock clock = new MutableClock(AWARE);
    private final InMemoryIncidentStore store = new InMemoryIncidentStore();
    private final InMemoryPersonStore persons = new InMemoryPersonStore();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final IncidentService incidents = new IncidentService(store, clock);
    private final IncidentClock incidentClock = new IncidentClock(incidents, persons, publisher, clock);

    private IncidentRecord incident(String id, String reference) {
        IncidentRecord opened = IncidentRecord.open(id, "Metropolitan Police Service", reference, "Acme ID Cards Ltd",
                new IncidentManifest("BT-00000000000000c1", "manifests/a.csv", AWARE, AWARE, null), AWARE);
        store.create(opened);
        return opened;
    }

    @Test
    void eachThresholdIsDueFromItsExactHour() {
        IncidentRecord i = incident("IN-0000000000000001", "INC-1");
        assertEquals(Optional.empty(), IncidentClock.due(i, DEADLINE.minus(Duration.ofHours(24)).minusSeconds(1)));
        assertEquals(Optional.of(Threshold.HOURS_24), IncidentClock.due(i, DEADLINE.minus(Duration.ofHours(24))));
        assertEquals(Optional.of(Threshold.HOURS_24), IncidentClock.due(i, DEADLINE.minus(Duration.ofHours(6)).minusSeconds(1)));
        assertEquals(Optional.of(Threshold.HOURS_6), IncidentClock.due(i, DEADLINE.minus(Duration.ofHours(6))));
        assertEquals(Optional.of(Threshold.HOURS_6), IncidentClock.due(i, DEADLINE.minusSeconds(1)));
        assertEquals(Optional.of(Threshold.OVERDUE), IncidentClock.due(i, DEADLINE));
    }

    @Test
    void twentyFourHoursBeforeTheDeadlineOneReminderGoesOutAndIsRecordedAsSent() {
        incident("IN-0000000000000002", "INC-2");
        Instant now = DEADLINE.minus(Duration.ofHours(24));
        clock.set(now);

        IncidentClock.Outcome outcome = incidentClock.check();

        assertEquals(new IncidentClock.Outcome(now, 1, List.of(new IncidentClock.Sent("IN-0000000000000002",
                Threshold.HOURS_24, 24, 0))), outcome);
        OutboundMessage m = publisher.on(Topic.ALERTS).get(0);
        assertEquals("IN-0000000000000002/incident.deadline/24h", m.id());
        assertEquals(Map.of("eventType", "incident.deadline", "force", "Metropolitan Police Service",
                "supplier", "Acme ID Cards Ltd"), m.attributes());
        JsonNode body = Json.read(m.body(), JsonNode.class);
        assertEquals("24h", body.path("threshold").asText());
        assertEquals(24, body.path("hoursLeft").asLong());
        assertEquals(DEADLINE.toString(), body.path("art33Deadline").asText());
        assertEquals("INC-2", body.path("reference").asText());
        assertEquals(1, body.path("manifests").asInt());
        assertEquals("Breach Triage: the ICO Art. 33 report for incident IN-0000000000000002 (INC-2) is due at "
                + DEADLINE + ", 24 h left. 0 notice(s) awaiting release. Record the submission with: triage ico submitted"
                + " IN-0000000000000002 --ico-reference REF", m.readableText());
        IncidentRecord stored = store.find("IN-0000000000000002").orElseThrow();
        assertEquals(List.of(new Reminder(Threshold.HOURS_24, State.SENT, now)), stored.reminders());
        assertEquals(List.of("incident.deadline (24h): the ICO report is due at " + DEADLINE + ", 24 h left; 0 notice(s)"
                + " awaiting release."), logged("IN-0000000000000002", "reminder sent"));

        assertEquals(List.of(), incidentClock.check().sent(), "once");
        assertEquals(1, publisher.on(Topic.ALERTS).size());
    }

    @Test
    void aCheckThatFirstRunsWhenOverdueSendsOnlyThatAndSkipsTheOthers() {
        incident("IN-0000000000000003", null);
        Instant now = DEADLINE.plus(Duration.ofHours(5)).plusSeconds(30);

        IncidentClock.Outcome outcome = incidentClock.check(now);

        assertEquals(List.of(new IncidentClock.Sent("IN-0000000000000003", Threshold.OVERDUE, -5, 0)), outcome.sent());
        IncidentRecord stored = store.find("IN-0000000000000003").orElseThrow();
        assertEquals(List.of(new Reminder(Threshold.HOURS_24, State.SKIPPED, now), new Reminder(Threshold.HOURS_6,
                State.SKIPPED, now), new Reminder(Threshold.OVERDUE, State.SENT, AWARE)), stored.reminders());
        OutboundMessage m = publisher.on(Topic.ALERTS).get(0);
        assertEquals("IN-0000000000000003/incident.overdue/overdue", m.id());
        assertTrue(m.readableText().startsWith("Breach Triage: the ICO Art. 33 report for incident IN-0000000000000003 is due"
                + " at " + DEADLINE + ", overdue by 5 h."), m.readableText());
    }

    @Test
    void withinTheHourEitherSideOfTheDeadlineTheMessageSaysSo() {
        incident("IN-0000000000000004", "INC-4");
        incidentClock.check(DEADLINE.minus(Duration.ofMinutes(30)));
        assertTrue(publisher.on(Topic.ALERTS).get(0).readableText().contains(", less than an hour either side."),
                publisher.on(Topic.ALERTS).get(0).readableText());
    }

    @Test
    void plannedNoticesNotYetPublishedAreCountedAsAwaitingRelease() {
        incident("IN-0000000000000005", "INC-5");
        // The contract's person is held; these two are not (the hold lifted), the third still is.
        persons.putIfAbsent(ContractData.matchedPerson("IN-0000000000000005", "MP000001", 0).withoutHold(AWARE));
        persons.putIfAbsent(ContractData.matchedPerson("IN-0000000000000005", "MP000002", 0).withoutHold(AWARE));
        persons.putIfAbsent(ContractData.matchedPerson("IN-0000000000000005", "MP000003", 0));

        IncidentClock.Outcome outcome = incidentClock.check(DEADLINE.minus(Duration.ofHours(6)));

        // Each of the two has one published notice and one waiting for its approvers (the escalation): two
        // await release; a held person's notices wait for the hold, not for a release, and are not counted.
        assertEquals(2, outcome.sent().get(0).noticesAwaitingRelease());
        assertEquals(2, Json.read(publisher.on(Topic.ALERTS).get(0).body(), JsonNode.class)
                .path("noticesAwaitingRelease").asLong());
    }

    @Test
    void anIncidentReportedToTheIcoIsNotCheckedOrReminded() {
        incident("IN-0000000000000006", "INC-6");
        incidents.update("IN-0000000000000006", i -> i.withIcoSubmission(new IcoSubmission(AWARE, "ICO/1", null, AWARE)));
        incident("IN-0000000000000007", "INC-7");

        IncidentClock.Outcome outcome = incidentClock.check(DEADLINE);

        assertEquals(1, outcome.incidentsChecked());
        assertEquals(List.of("IN-0000000000000007"), outcome.sent().stream().map(IncidentClock.Sent::incidentId).toList());
    }

    private List<String> logged(String incidentId, String decision) {
        return store.decisions(incidentId).stream().filter(d -> d.decision().equals(decision))
                .map(DecisionEntry::reason).toList();
    }
}
