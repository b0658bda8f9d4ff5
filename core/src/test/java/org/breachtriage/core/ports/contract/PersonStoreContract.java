package org.breachtriage.core.ports.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.incident.NoticeState;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.ports.PersonStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PersonStore} must do: write a person's first record once, replace only a known
 * version, keep every field, walk an incident's people in pay-number order, and mark a notice
 * published once while moving the version on, so that two manifests scored at the same moment can
 * never both plan (or both publish) the same notice.
 */
public abstract class PersonStoreContract {
    private static final int THREADS = 8;

    protected abstract PersonStore newPersonStore() throws Exception;

    private PersonStore store;
    private Race race;
    private String incident;

    @BeforeEach
    void setUpStore() throws Exception {
        store = newPersonStore();
        race = new Race(THREADS);
        incident = ContractData.uniqueId("incident");
    }

    @AfterEach
    void stopRace() throws InterruptedException {
        race.close();
    }

    @Test
    void theFirstRecordIsWrittenOnceAndALaterPutGetsTheStoredOne() {
        IncidentPerson first = ContractData.matchedPerson(incident, "MP000001", 0);
        IncidentPerson other = ContractData.unmatchedPerson(incident, "MP000001", 0);

        assertEquals(Optional.empty(), store.putIfAbsent(first));
        assertEquals(Optional.of(first), store.putIfAbsent(other));
        assertEquals(Optional.of(first), store.find(incident, "MP000001"));
    }

    @Test
    void concurrentFirstWritesLeaveExactlyOneRecord() throws Exception {
        List<Optional<IncidentPerson>> outcomes = race.run(i -> store.putIfAbsent(i % 2 == 0
                ? ContractData.matchedPerson(incident, "MP000002", 0)
                : ContractData.unmatchedPerson(incident, "MP000002", 0)));

        assertEquals(1, outcomes.stream().filter(Optional::isEmpty).count(), "exactly one writer wins");
        IncidentPerson stored = store.find(incident, "MP000002").orElseThrow();
        outcomes.stream().flatMap(Optional::stream).forEach(o -> assertEquals(stored, o));
    }

    @Test
    void aVictimIsKeptApartFromTheSamePayNumberAndKeepsItsSubjectTypeAndRestriction() {
        IncidentPerson staff = ContractData.unmatchedPerson(incident, "12345", 0);
        IncidentPerson victim = ContractData.restrictedVictim(incident, "12345", 0);
        assertEquals(Optional.empty(), store.putIfAbsent(staff));
        assertEquals(Optional.empty(), store.putIfAbsent(victim), "victim 12345 is not pay number 12345");

        assertEquals(Optional.of(staff), store.find(incident, "12345"));
        IncidentPerson found = store.find(incident, "VICTIM:12345").orElseThrow();
        assertEquals(victim, found);
        assertEquals(org.breachtriage.core.model.SubjectType.VICTIM, found.changes().getFirst().after().subjectType());
        assertEquals(org.breachtriage.core.incident.S68Restriction.CRIME, found.hold().restriction());
        List<String> keys = new ArrayList<>();
        store.forEach(incident, p -> keys.add(p.payNumber()));
        assertEquals(List.of("12345", "VICTIM:12345"), keys);
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        IncidentPerson full = ContractData.matchedPerson(incident, "MP000003", 4);
        IncidentPerson sparse = ContractData.unmatchedPerson(incident, "MP000004", 0);
        store.putIfAbsent(full);
        store.putIfAbsent(sparse);

        assertEquals(Optional.of(full), store.find(incident, "MP000003"));
        assertEquals(Optional.of(sparse), store.find(incident, "MP000004"));
        assertEquals(Optional.empty(), store.find(incident, "MP999999"));
        assertEquals(Optional.empty(), store.find(ContractData.uniqueId("other"), "MP000003"));
    }

    @Test
    void replaceSucceedsOnlyFromTheExpectedVersion() {
        store.putIfAbsent(ContractData.unmatchedPerson(incident, "MP000005", 0));
        IncidentPerson v1 = ContractData.matchedPerson(incident, "MP000005", 1);

        assertFalse(store.replace(v1, 3));
        assertTrue(store.replace(v1, 0));
        assertEquals(Optional.of(v1), store.find(incident, "MP000005"));
        assertFalse(store.replace(ContractData.matchedPerson(incident, "MP000005", 1), 0), "stale writer loses");
        assertFalse(store.replace(ContractData.matchedPerson(incident, "MP000006", 1), 0), "no such person");
        assertEquals(Optional.empty(), store.find(incident, "MP000006"), "a failed replace invents nothing");
    }

    @Test
    void markingANoticePublishedHappensOnceAndMovesTheVersionOn() {
        IncidentPerson person = ContractData.matchedPerson(incident, "MP000007", 2);
        store.putIfAbsent(person);
        String planned = person.notices().get(2).noticeId();
        String alreadyPublished = person.notices().get(1).noticeId();
        Instant at = Instant.parse("2024-03-01T10:15:30.123456789Z");

        assertTrue(store.markPublished(incident, "MP000007", planned, at));
        assertFalse(store.markPublished(incident, "MP000007", planned, at.plusSeconds(1)), "already published");
        assertFalse(store.markPublished(incident, "MP000007", alreadyPublished, at), "was published before");
        assertFalse(store.markPublished(incident, "MP000007", incident + "-notice-MP000007-initial-LOW", at),
                "no such notice");
        assertFalse(store.markPublished(incident, "MP999998", planned, at), "no such person");

        IncidentPerson after = store.find(incident, "MP000007").orElseThrow();
        assertEquals(3, after.version(), "the mark moves the version on");
        PersonNotice marked = after.notice(planned).orElseThrow();
        assertEquals(NoticeState.PUBLISHED, marked.state());
        assertEquals(at, marked.publishedAt());
        assertFalse(store.replace(person, 2), "a writer holding the copy before the mark must re-read");
        assertEquals(person.withPublished(planned, at), after, "nothing else changed");
    }

    @Test
    void concurrentCompareAndSetLoopsKeepEveryNotice() throws Exception {
        store.putIfAbsent(ContractData.unmatchedPerson(incident, "MP000008", 0));

        race.run(i -> {
            Band band = Band.values()[i % Band.values().length];
            PersonNotice mine = PersonNotice.planned(incident + "-notice-MP000008-test-" + i, NoticeKind.ESCALATION,
                    band, ContactChannel.LETTER, "tpl-" + i, true, "BT-00000000000000e" + i, i, ContractData.AWARE_AT, 1,
                    false);
            while (true) {
                IncidentPerson current = store.find(incident, "MP000008").orElseThrow();
                List<PersonNotice> notices = new ArrayList<>(current.notices());
                notices.add(mine);
                IncidentPerson next = new IncidentPerson(current.incidentId(), current.payNumber(), current.matched(),
                        current.staffType(), current.force(), current.exposed(), current.assessment(),
                        current.manifests(), notices, current.changes(), current.reviewNotes(), current.hold(),
                        current.version() + 1);
                if (store.replace(next, current.version())) {
                    return true;
                }
            }
        });

        IncidentPerson after = store.find(incident, "MP000008").orElseThrow();
        assertEquals(THREADS, after.notices().size(), "no writer's notice lost");
        assertEquals(THREADS, after.version());
    }

    @Test
    void anIncidentsPeopleComeBackInPayNumberOrderAndOnlyTheirs() {
        List<String> payNumbers = new ArrayList<>();
        for (int i = 30; i > 0; i--) {
            String pay = String.format("MP%06d", i * 7);
            payNumbers.add(pay);
            store.putIfAbsent(i % 3 == 0 ? ContractData.matchedPerson(incident, pay, 0)
                    : ContractData.unmatchedPerson(incident, pay, 0));
        }
        store.putIfAbsent(ContractData.unmatchedPerson(ContractData.uniqueId("other"), "MP000007", 0));

        List<String> seen = new ArrayList<>();
        store.forEach(incident, p -> seen.add(p.payNumber()));

        assertEquals(payNumbers.stream().sorted().toList(), seen);
        List<String> none = new ArrayList<>();
        store.forEach(ContractData.uniqueId("empty"), p -> none.add(p.payNumber()));
        assertEquals(List.of(), none);

        List<String> anyOrder = new ArrayList<>();
        store.forEachAnyOrder(incident, p -> anyOrder.add(p.payNumber()));
        assertEquals(payNumbers.stream().sorted().toList(), anyOrder.stream().sorted().toList(),
                "the walk in the store's own order names each person once, and only the incident's");
        store.forEachAnyOrder(ContractData.uniqueId("empty"), p -> none.add(p.payNumber()));
        assertEquals(List.of(), none);
    }

    @Test
    void theWalkInTheStoresOwnOrderSeesEachPersonsLatestWrite() {
        store.putIfAbsent(ContractData.unmatchedPerson(incident, "MP000020", 0));
        store.putIfAbsent(ContractData.unmatchedPerson(incident, "MP000010", 0));
        IncidentPerson changed = ContractData.matchedPerson(incident, "MP000020", 1);
        assertTrue(store.replace(changed, 0));

        List<IncidentPerson> seen = new ArrayList<>();
        store.forEachAnyOrder(incident, seen::add);

        assertEquals(2, seen.size());
        assertTrue(seen.contains(changed), "the replaced record, not the first one");
    }

    /**
     * More people than one DynamoDB BatchGetItem takes (100), asked for out of order, with repeats, people
     * the incident does not have and one of another incident's: each stored one comes back once, as last
     * written, in the order first asked.
     */
    @Test
    void manyPeopleAreReadAtOnceInTheOrderAskedEachOnce() {
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            String pay = String.format("MP%06d", 9000 - i);
            stored.add(pay);
            store.putIfAbsent(ContractData.unmatchedPerson(incident, pay, 0));
        }
        IncidentPerson replaced = ContractData.matchedPerson(incident, stored.get(5), 1);
        assertTrue(store.replace(replaced, 0));
        store.putIfAbsent(ContractData.unmatchedPerson(ContractData.uniqueId("other"), "MP999999", 0));
        List<String> asked = new ArrayList<>();
        asked.add("MP999999");
        asked.addAll(stored.reversed());
        asked.add(stored.get(7));
        asked.add("MP000000");

        List<IncidentPerson> found = store.findAll(incident, asked);

        assertEquals(stored.reversed(), found.stream().map(IncidentPerson::payNumber).toList());
        assertEquals(replaced, found.get(found.size() - 6), "the latest write");
        assertEquals(List.of(), store.findAll(incident, List.of()));
    }
}
