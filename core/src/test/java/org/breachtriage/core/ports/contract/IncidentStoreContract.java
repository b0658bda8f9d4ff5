package org.breachtriage.core.ports.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.incident.IncidentManifest;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.Reminder;
import org.breachtriage.core.ports.IncidentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IncidentStore} must do: create once, keep every field, list newest first, and
 * replace only a known version, so that concurrent writers (two manifests joining, two reports
 * reserving numbers, two clock runs) never lose each other's change.
 */
public abstract class IncidentStoreContract {
    private static final int THREADS = 8;

    protected abstract IncidentStore newIncidentStore() throws Exception;

    private IncidentStore store;
    private Race race;

    @BeforeEach
    void setUpStore() throws Exception {
        store = newIncidentStore();
        race = new Race(THREADS);
    }

    @AfterEach
    void stopRace() throws InterruptedException {
        race.close();
    }

    private static String newId() {
        return ContractData.uniqueId("incident");
    }

    @Test
    void createWritesOnceAndThenReturnsTheStoredIncident() {
        String id = newId();
        IncidentRecord first = ContractData.incidentRecord(id, Instant.parse("2024-01-01T10:00:00Z"));
        IncidentRecord other = ContractData.bareIncidentRecord(id, Instant.parse("2024-01-02T10:00:00Z"));

        IncidentStore.CreateOutcome created = store.create(first);
        IncidentStore.CreateOutcome again = store.create(other);

        assertTrue(created.created());
        assertFalse(again.created());
        assertEquals(first, again.stored(), "the stored incident, not the new candidate");
        assertEquals(Optional.of(first), store.find(id));
    }

    @Test
    void concurrentCreatesCreateExactlyOnce() throws Exception {
        String id = newId();
        List<IncidentStore.CreateOutcome> outcomes = race.run(i -> store.create(
                ContractData.bareIncidentRecord(id, Instant.parse("2024-01-01T10:00:00Z").plusSeconds(i))));

        assertEquals(1, outcomes.stream().filter(IncidentStore.CreateOutcome::created).count());
        IncidentRecord winner = outcomes.stream().filter(IncidentStore.CreateOutcome::created).findFirst().orElseThrow().stored();
        outcomes.forEach(o -> assertEquals(winner, o.stored()));
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        IncidentRecord full = ContractData.incidentRecord(newId(), ContractData.AWARE_AT);
        IncidentRecord bare = ContractData.bareIncidentRecord(newId(), ContractData.AWARE_AT);
        store.create(full);
        store.create(bare);

        assertEquals(Optional.of(full), store.find(full.incidentId()));
        assertEquals(Optional.of(bare), store.find(bare.incidentId()));
        assertEquals(Optional.empty(), store.find(newId()));
    }

    @Test
    void listShowsIncidentsNewestFirst() {
        Instant base = Instant.now().plus(Duration.ofDays(3650)); // far future: ours sort before other tests'
        List<String> ids = new ArrayList<>();
        for (int offset : new int[] {5, 1, 9, 3}) {
            String id = newId();
            ids.add(id);
            store.create(ContractData.bareIncidentRecord(id, base.plusSeconds(offset)));
        }

        List<IncidentRecord> ours = store.list().stream().filter(i -> ids.contains(i.incidentId())).toList();

        assertEquals(List.of(ids.get(2), ids.get(0), ids.get(3), ids.get(1)),
                ours.stream().map(IncidentRecord::incidentId).toList());
        assertEquals(store.find(ids.get(2)).orElseThrow(), ours.get(0), "list returns whole records");
    }

    @Test
    void replaceSucceedsOnlyFromTheExpectedVersion() {
        String id = newId();
        IncidentRecord v0 = ContractData.bareIncidentRecord(id, ContractData.AWARE_AT);
        store.create(v0);
        IncidentRecord v1 = v0.withManifest(new IncidentManifest("BT-00000000000000c9", "manifests/later.csv",
                ContractData.AWARE_AT.minusSeconds(60), ContractData.AWARE_AT, null));

        assertFalse(store.replace(v1, 7), "wrong expected version");
        assertEquals(Optional.of(v0), store.find(id));
        assertTrue(store.replace(v1, 0));
        assertEquals(Optional.of(v1), store.find(id));
        assertEquals(1, store.find(id).orElseThrow().version());
        assertFalse(store.replace(v1, 0), "a second writer holding version 0 must fail");
        assertFalse(store.replace(ContractData.bareIncidentRecord(newId(), ContractData.AWARE_AT).withReminder(
                new Reminder(Reminder.Threshold.OVERDUE, Reminder.State.PLANNED, ContractData.AWARE_AT)), 0),
                "no such incident");
    }

    @Test
    void concurrentCompareAndSetLoopsKeepEveryChange() throws Exception {
        String id = newId();
        store.create(ContractData.bareIncidentRecord(id, ContractData.AWARE_AT));

        race.run(i -> {
            IncidentManifest mine = new IncidentManifest(String.format("BT-%016x", 0xd000 + i), "manifests/" + i + ".csv",
                    ContractData.AWARE_AT.plusSeconds(i), ContractData.AWARE_AT, null);
            while (true) {
                IncidentRecord current = store.find(id).orElseThrow();
                if (store.replace(current.withManifest(mine), current.version())) {
                    return true;
                }
            }
        });

        IncidentRecord after = store.find(id).orElseThrow();
        assertEquals(1 + THREADS, after.manifests().size(), "every joining manifest kept: " + after.manifests());
        assertEquals(THREADS, after.version());
    }

    @Test
    void decisionsComeBackInAppendOrder() {
        String id = newId();
        store.create(ContractData.bareIncidentRecord(id, ContractData.AWARE_AT));
        List<DecisionEntry> entries = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            DecisionEntry entry = new DecisionEntry(ContractData.AWARE_AT, "incident", "decision " + i, "reason " + i);
            entries.add(entry);
            store.appendDecision(id, entry);
        }

        assertEquals(entries, store.decisions(id));
        assertEquals(List.of(), store.decisions(newId()));
    }

    @Test
    void aDecisionForAnUnknownIncidentIsRefused() {
        assertThrows(IllegalStateException.class, () -> store.appendDecision(newId(),
                new DecisionEntry(ContractData.AWARE_AT, "incident", "x", "y")));
    }
}
