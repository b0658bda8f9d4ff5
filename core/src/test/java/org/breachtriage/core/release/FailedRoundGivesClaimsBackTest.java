package org.breachtriage.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.breachtriage.core.testing.DelegatingObjectStore;
import org.breachtriage.core.testing.InMemoryCaseStore;
import org.breachtriage.core.testing.InMemoryIncidentStore;
import org.breachtriage.core.testing.InMemoryObjectStore;
import org.breachtriage.core.testing.InMemoryPersonStore;
import org.breachtriage.core.testing.InMemoryStaff;
import org.breachtriage.core.testing.RecordingPublisher;
import org.junit.jupiter.api.Test;

/**
 * A release round that fails after claiming its people (here a letter the disk has no room for) gives the
 * claims back, so the next attempt sends those notices at once, each once. Before, the claims stayed until
 * their lease ran out, and a local run that ended cleanly after the failure left them unsent: the crash-resume
 * test's full disk during letters lost 67 notices that way.
 */
class FailedRoundGivesClaimsBackTest {

    /** Objects as in memory, but letters fail while {@code full} is set, after the first {@code room} of them. */
    private static final class FillingDisk extends DelegatingObjectStore {
        private final AtomicInteger letters = new AtomicInteger();
        volatile boolean full;
        volatile int room;

        FillingDisk() {
            super(new InMemoryObjectStore());
        }

        @Override
        public void put(String key, byte[] content, String contentType, Map<String, String> metadata) throws IOException {
            if (full && key.startsWith(Letters.PREFIX) && letters.incrementAndGet() > room) {
                throw new IOException("No space left on device");
            }
            super.put(key, content, contentType, metadata);
        }
    }

    @Test
    void theNextAttemptSendsEveryNoticeOnceWithoutWaitingForALease() throws Exception {
        FillingDisk disk = new FillingDisk();
        InMemoryPersonStore persons = new InMemoryPersonStore();
        RecordingPublisher publisher = new RecordingPublisher();
        ScenarioHarness h = new ScenarioHarness(new ScenarioHarness.Backend(disk, new InMemoryStaff(),
                new InMemoryCaseStore(), new InMemoryIncidentStore(), persons, publisher), ScenarioHarness.everythingAuto());
        String key = h.upload("full.csv", ScenarioHarness.incident(h.reference("full"), ScenarioHarness.AWARE_AT),
                ScenarioHarness.row(h.c1, "name;photo;rank"), ScenarioHarness.row(h.c2, "name;photo;rank"),
                ScenarioHarness.row(h.s1, "name;photo;rank;vetting_level"),
                ScenarioHarness.row(h.s2, "name;photo;rank;vetting_level"), ScenarioHarness.row(h.t1, "name;photo;rank"),
                ScenarioHarness.row(h.t2, "name;photo;rank"), ScenarioHarness.row(h.t3, "name;photo;rank"),
                ScenarioHarness.row(h.t4, "name;photo;rank"));
        h.ingest(key);
        h.takeBatches().forEach(b -> h.score(b, false));
        List<ReleaseRequest> requests = h.takeReleaseRequests();
        assertFalse(requests.isEmpty(), "everything is released automatically under this policy");
        String incidentId = requests.getFirst().incidentId();

        disk.full = true;
        disk.room = 1; // the round has claimed everyone; its second letter fails
        assertThrows(UncheckedIOException.class, () -> requests.forEach(r -> h.pipeline().release().publishReleased(r)));
        List<PersonNotice> stillClaimed = new ArrayList<>();
        persons.forEach(incidentId, p -> p.notices().stream().filter(PersonNotice::claimedUnpublished)
                .forEach(stillClaimed::add));
        assertEquals(List.of(), stillClaimed, "the failed round gave its claims back");

        disk.full = false; // space again: the same clock, well inside the claim lease
        h.pipeline().release().publishReleased(ReleaseRequest.forIncident(incidentId));

        List<IncidentPerson> people = new ArrayList<>();
        persons.forEach(incidentId, people::add);
        long planned = people.stream().flatMap(p -> p.notices().stream()).filter(n -> !n.withdrawn()).count();
        assertTrue(planned >= 4, "enough notices to claim several in the failed round: " + planned);
        assertTrue(people.stream().flatMap(p -> p.notices().stream()).filter(n -> !n.withdrawn())
                .allMatch(PersonNotice::published), "every notice went out on the next attempt");
        assertEquals(planned, h.personNotices(), "each exactly once");
    }
}
