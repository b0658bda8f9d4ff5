package org.breachtriage.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.breachtriage.core.testing.DelegatingPersonStore;
import org.breachtriage.core.testing.InMemoryCaseStore;
import org.breachtriage.core.testing.InMemoryIncidentStore;
import org.breachtriage.core.testing.InMemoryObjectStore;
import org.breachtriage.core.testing.InMemoryPersonStore;
import org.breachtriage.core.testing.InMemoryStaff;
import org.junit.jupiter.api.Test;

/**
 * A whole-incident release dispatches as its walk goes, {@value NoticeDispatch#PEOPLE_PER_SWEEP} people at a
 * time, rather than gathering everyone first: a million-row run's release would otherwise hold 190,000 records
 * at once. Every notice still goes out exactly once, and no publish carries more than one round.
 */
class WholeIncidentSweepTest {
    private static final int VICTIMS = 2_345;

    /** Counts the people the walk has handed out, so a publish can say how far the walk had got. */
    private static final class CountingWalks extends DelegatingPersonStore {
        final AtomicInteger walked = new AtomicInteger();

        CountingWalks() {
            super(new InMemoryPersonStore());
        }

        @Override
        public void forEachAnyOrder(String incidentId, Consumer<IncidentPerson> consumer) {
            super.forEachAnyOrder(incidentId, p -> {
                walked.incrementAndGet();
                consumer.accept(p);
            });
        }
    }

    @Test
    void theWalkDispatchesAThousandAtATimeAndTellsEachPersonOnce() throws Exception {
        CountingWalks persons = new CountingWalks();
        List<Integer> walkedAtPublish = new ArrayList<>();
        List<Integer> publishSizes = new ArrayList<>();
        Set<String> noticeIds = new HashSet<>();
        ScenarioHarness h = new ScenarioHarness(new ScenarioHarness.Backend(new InMemoryObjectStore(), new InMemoryStaff(),
                new InMemoryCaseStore(), new InMemoryIncidentStore(), persons, (topic, messages) -> {
                    if (topic == Topic.NOTICES && messages.stream().anyMatch(m -> "person.notice".equals(m.eventType()))) {
                        walkedAtPublish.add(persons.walked.get());
                        publishSizes.add(messages.size());
                        messages.stream().map(OutboundMessage::id).forEach(noticeIds::add);
                    }
                }), ScenarioHarness.everythingAuto());
        String[] rows = new String[VICTIMS];
        for (int i = 0; i < VICTIMS; i++) {
            rows[i] = "OTHER,SWEEP-" + i + ",name;home_address;date_of_birth";
        }
        // Members of the public in a stated UK GDPR incident: under this policy every notice is released as planned.
        String key = h.uploadText("sweep.csv", ScenarioHarness.incidentStating(h.reference("sweep"),
                ScenarioHarness.AWARE_AT, "UK_GDPR"), ScenarioHarness.subjects(rows));
        String incidentId = h.ingest(key).caseRecord().incidentId();
        h.takeBatches().forEach(b -> h.score(b, false));
        assertTrue(h.takeReleaseRequests().size() > 1, "the scorers asked for several batches' release");

        NoticeDispatch.Dispatched done = h.pipeline().release().publishReleased(ReleaseRequest.forIncident(incidentId));

        assertEquals(VICTIMS, done.published(), "everyone's notice went out");
        assertEquals(VICTIMS, noticeIds.size(), "each once");
        assertTrue(publishSizes.stream().allMatch(n -> n <= NoticeDispatch.PEOPLE_PER_ROUND), "one round a publish: "
                + publishSizes);
        assertEquals(NoticeDispatch.PEOPLE_PER_SWEEP, walkedAtPublish.getFirst(),
                "the first round went out when the walk had found a thousand, not after it had read everyone");
        assertEquals(2 * NoticeDispatch.PEOPLE_PER_SWEEP, walkedAtPublish.get(10), "the second thousand, then theirs");
        assertEquals(VICTIMS, walkedAtPublish.getLast(), "the rest once the walk ended");
        List<PersonNotice> unsent = new ArrayList<>();
        persons.forEach(incidentId, p -> p.notices().stream().filter(n -> !n.withdrawn() && !n.published())
                .forEach(unsent::add));
        assertEquals(List.of(), unsent);
        assertEquals(0, h.pipeline().release().publishReleased(ReleaseRequest.forIncident(incidentId)).published(),
                "a second sweep finds nothing left");
    }
}
