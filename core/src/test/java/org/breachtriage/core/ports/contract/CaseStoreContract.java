package org.breachtriage.core.ports.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.CaseStore.OpenOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CaseStore} must do: each Javadoc promise of the port, including the ones that
 * only show under concurrency (several scorers at once) and re-delivery (the same batch twice).
 * Case ids are unique per test, so a shared table works.
 */
public abstract class CaseStoreContract {
    private static final int THREADS = 8;

    protected abstract CaseStore newCaseStore() throws Exception;

    private CaseStore store;
    private ExecutorService pool;

    @BeforeEach
    void setUpStore() throws Exception {
        store = newCaseStore();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "worker threads did not stop");
    }

    // --- open, find, list -------------------------------------------------------------------

    @Test
    void openCreatesOnceAndThenReturnsTheStoredCase() {
        String caseId = ContractData.uniqueId("case");
        CaseRecord first = ContractData.caseRecord(caseId, Instant.parse("2024-01-01T10:00:00Z"));
        CaseRecord retry = ContractData.otherCaseRecord(caseId, Instant.parse("2024-01-02T10:00:00Z"));

        OpenOutcome created = store.open(first);
        OpenOutcome again = store.open(retry);

        assertTrue(created.created());
        assertEquals(first, created.stored());
        assertFalse(again.created());
        assertEquals(first, again.stored(), "a re-opened case is the stored one, not the new candidate");
        assertEquals(Optional.of(first), store.find(caseId));
    }

    @Test
    void concurrentOpensCreateExactlyOnce() throws Exception {
        String caseId = ContractData.uniqueId("case");
        List<OpenOutcome> outcomes = race(THREADS, i -> store.open(
                ContractData.caseRecord(caseId, Instant.parse("2024-01-01T10:00:00Z").plusSeconds(i))));

        assertEquals(1, outcomes.stream().filter(OpenOutcome::created).count());
        CaseRecord winner = outcomes.stream().filter(OpenOutcome::created).findFirst().orElseThrow().stored();
        outcomes.forEach(o -> assertEquals(winner, o.stored()));
        assertEquals(Optional.of(winner), store.find(caseId));
    }

    @Test
    void everyCaseFieldSurvivesTheRoundTrip() {
        CaseRecord full = ContractData.caseRecord(ContractData.uniqueId("case"), ContractData.AWARE_AT);
        CaseRecord sparse = ContractData.otherCaseRecord(ContractData.uniqueId("case"), ContractData.AWARE_AT);
        store.open(full);
        store.open(sparse);

        assertEquals(Optional.of(full), store.find(full.caseId()));
        assertEquals(Optional.of(sparse), store.find(sparse.caseId()));
    }

    @Test
    void findOfAnUnknownCaseIsEmpty() {
        assertEquals(Optional.empty(), store.find(ContractData.uniqueId("missing")));
    }

    @Test
    void listShowsCasesNewestFirst() {
        Instant base = Instant.now().plus(Duration.ofDays(3650)); // far future: ours sort before other tests' cases
        List<String> ids = new ArrayList<>();
        for (int offset : new int[] {5, 1, 9, 3}) {
            String caseId = ContractData.uniqueId("case");
            ids.add(caseId);
            store.open(ContractData.caseRecord(caseId, base.plusSeconds(offset)));
        }

        List<CaseRecord> ours = store.list().stream().filter(c -> ids.contains(c.caseId())).toList();

        assertEquals(List.of(ids.get(2), ids.get(0), ids.get(3), ids.get(1)),
                ours.stream().map(CaseRecord::caseId).toList());
        assertEquals(store.find(ids.get(2)).orElseThrow(), ours.get(0), "list returns whole records");
    }

    // --- status -----------------------------------------------------------------------------

    @Test
    void transitionMovesOnlyFromTheExpectedStatus() {
        String caseId = openCase();

        assertFalse(store.transition(caseId, CaseStatus.SCORING, CaseStatus.SCORED, null), "case is INGESTING");
        assertEquals(CaseStatus.INGESTING, store.find(caseId).orElseThrow().status());

        assertTrue(store.transition(caseId, CaseStatus.INGESTING, CaseStatus.FAILED, "manifest has no pay_number column"));
        CaseRecord failed = store.find(caseId).orElseThrow();
        assertEquals(CaseStatus.FAILED, failed.status());
        assertEquals("manifest has no pay_number column", failed.failureReason());

        assertFalse(store.transition(caseId, CaseStatus.INGESTING, CaseStatus.SCORING, null), "already moved");
        assertFalse(store.transition(ContractData.uniqueId("missing"), CaseStatus.INGESTING, CaseStatus.FAILED, "x"));
    }

    @Test
    void correctAwarenessReplacesTheDeadlineOnlyFromTheExpectedOne() {
        String caseId = openCase();
        store.finishIngest(caseId, 10, 9, 1, 1);
        CaseRecord opened = store.find(caseId).orElseThrow();
        Instant earlier = opened.incident().awareAt().minus(Duration.ofDays(2));
        IncidentMetadata corrected = opened.incident().withAwareAt(earlier);
        Instant deadline = earlier.plus(Duration.ofHours(72));

        assertFalse(store.correctAwareness(caseId, opened.art33Deadline().plusSeconds(1), corrected, deadline),
                "the stored deadline is not the one expected");
        assertEquals(opened, store.find(caseId).orElseThrow());
        assertTrue(store.correctAwareness(caseId, opened.art33Deadline(), corrected, deadline));
        assertEquals(opened.withAwareness(corrected, deadline), store.find(caseId).orElseThrow(),
                "incident and deadline replaced; status, counters and the rest kept");
        assertFalse(store.correctAwareness(caseId, opened.art33Deadline(), opened.incident(), opened.art33Deadline()),
                "a second writer holding the old deadline cannot move it back");
        assertFalse(store.correctAwareness(ContractData.uniqueId("missing"), opened.art33Deadline(), corrected, deadline));
    }

    @Test
    void concurrentAwarenessCorrectionsSucceedExactlyOnce() throws Exception {
        String caseId = openCase();
        CaseRecord opened = store.find(caseId).orElseThrow();

        List<Boolean> moved = race(THREADS, i -> {
            Instant earlier = opened.incident().awareAt().minus(Duration.ofHours(1 + i));
            return store.correctAwareness(caseId, opened.art33Deadline(), opened.incident().withAwareAt(earlier),
                    earlier.plus(Duration.ofHours(72)));
        });

        assertEquals(1, moved.stream().filter(Boolean::booleanValue).count(), moved.toString());
        CaseRecord after = store.find(caseId).orElseThrow();
        assertEquals(after.incident().awareAt().plus(Duration.ofHours(72)), after.art33Deadline(),
                "the winner's metadata and deadline, together");
    }

    @Test
    void concurrentTransitionsSucceedExactlyOnce() throws Exception {
        String caseId = openCase();
        store.finishIngest(caseId, 10, 10, 0, 1);

        List<Boolean> moved = race(THREADS, i -> store.transition(caseId, CaseStatus.SCORING, CaseStatus.SCORED, null));

        assertEquals(1, moved.stream().filter(b -> b).count());
        assertEquals(CaseStatus.SCORED, store.find(caseId).orElseThrow().status());
    }

    // --- ingest totals ----------------------------------------------------------------------

    @Test
    void finishIngestSetsTotalsAndMovesToScoringOnce() {
        String caseId = ContractData.uniqueId("case");
        CaseRecord opened = ContractData.caseRecord(caseId, ContractData.AWARE_AT); // has rows.read = 0
        store.open(new CaseRecord(caseId, opened.incidentId(), opened.source(), opened.sourceVersion(), opened.status(), null,
                opened.incident(), opened.regime(), opened.openedAt(), opened.art33Deadline(), opened.art33Required(),
                opened.art33Reasoning(), opened.policyVersion(), -1, Map.of(Counters.ROWS_READ, 5L)));

        CaseRecord after = store.finishIngest(caseId, 1000, 990, 10, 10).orElseThrow();

        assertEquals(CaseStatus.SCORING, after.status());
        assertEquals(10, after.batchesQueued());
        assertEquals(1000, after.counter(Counters.ROWS_READ), "SET, not ADD");
        assertEquals(990, after.counter(Counters.ROWS_ACCEPTED));
        assertEquals(10, after.counter(Counters.ROWS_REJECTED));
        assertEquals(Optional.of(after), store.find(caseId));

        assertEquals(Optional.empty(), store.finishIngest(caseId, 2000, 1990, 10, 20), "no longer INGESTING");
        assertEquals(Optional.of(after), store.find(caseId), "a late retry changes nothing");
        assertEquals(Optional.empty(), store.finishIngest(ContractData.uniqueId("missing"), 1, 1, 0, 1));
    }

    @Test
    void finishIngestKeepsCountersOfBatchesScoredWhileIngestWasRunning() {
        String caseId = openCase();
        store.completeBatch(caseId, 0, Map.of(Counters.band(Band.HIGH), 3L, Counters.PERSONS_TOTAL, 100L));

        CaseRecord after = store.finishIngest(caseId, 150, 150, 0, 2).orElseThrow();

        assertEquals(1, after.counter(Counters.BATCHES_DONE));
        assertEquals(3, after.counter(Counters.band(Band.HIGH)));
        assertEquals(100, after.counter(Counters.PERSONS_TOTAL));
        assertEquals(150, after.counter(Counters.ROWS_READ));
        assertFalse(after.allBatchesDone());
    }

    // --- rejects ----------------------------------------------------------------------------

    @Test
    void rejectsComeBackInRowOrderWithoutDuplicatesOnRetry() {
        String caseId = openCase();
        String otherCase = openCase();
        List<RowRejection> firstCall = List.of(
                reject(12, "pay_number"), reject(3, "exposed_fields"), reject(100, "row"), reject(7, "pay_number"));
        List<RowRejection> secondCall = List.of(reject(1000, "pay_number"), reject(1, "row"),
                new RowRejection(3, "pay_number", null, "pay number is empty"));

        store.addRejects(caseId, firstCall);
        store.addRejects(caseId, secondCall);
        store.addRejects(caseId, firstCall); // a retried ingest writes the same rejects again
        store.addRejects(otherCase, List.of(reject(2, "row")));
        store.addRejects(caseId, List.of());

        List<RowRejection> seen = new ArrayList<>();
        store.forEachReject(caseId, seen::add);

        assertEquals(List.of(1L, 3L, 3L, 7L, 12L, 100L, 1000L), seen.stream().map(RowRejection::rowNumber).toList());
        List<RowRejection> expected = new ArrayList<>(firstCall);
        expected.addAll(secondCall);
        assertEquals(expected.size(), seen.size());
        assertTrue(seen.containsAll(expected), "every field round-trips, including a null value: " + seen);
    }

    @Test
    void rejectsOfAnUnknownCaseAreNone() {
        List<RowRejection> seen = new ArrayList<>();
        store.forEachReject(ContractData.uniqueId("missing"), seen::add);
        assertEquals(List.of(), seen);
    }

    // --- batches ----------------------------------------------------------------------------

    @Test
    void completeBatchCountsEachBatchOnce() {
        String caseId = openCase();
        store.finishIngest(caseId, 250, 250, 0, 3);
        Map<String, Long> deltas = Map.of(Counters.PERSONS_TOTAL, 100L, Counters.band(Band.LOW), 90L,
                Counters.band(Band.HIGH), 10L);

        CaseRecord afterFirst = store.completeBatch(caseId, 0, deltas).orElseThrow();
        assertEquals(1, afterFirst.counter(Counters.BATCHES_DONE));
        assertEquals(100, afterFirst.counter(Counters.PERSONS_TOTAL));
        assertEquals(250, afterFirst.counter(Counters.ROWS_READ), "other counters untouched");

        assertEquals(Optional.empty(), store.completeBatch(caseId, 0, deltas), "a re-delivered batch adds nothing");
        assertEquals(Optional.of(afterFirst), store.find(caseId));

        CaseRecord afterSecond = store.completeBatch(caseId, 1, Map.of(Counters.PERSONS_TOTAL, 100L,
                Counters.band(Band.HIGH), 5L, Counters.NOTICES_PUBLISHED, 15L)).orElseThrow();
        assertEquals(2, afterSecond.counter(Counters.BATCHES_DONE));
        assertEquals(200, afterSecond.counter(Counters.PERSONS_TOTAL));
        assertEquals(90, afterSecond.counter(Counters.band(Band.LOW)));
        assertEquals(15, afterSecond.counter(Counters.band(Band.HIGH)));
        assertEquals(15, afterSecond.counter(Counters.NOTICES_PUBLISHED), "a new counter starts at its delta");
        assertFalse(afterSecond.allBatchesDone());

        CaseRecord afterLast = store.completeBatch(caseId, 2, Map.of()).orElseThrow();
        assertTrue(afterLast.allBatchesDone());
        assertEquals(Optional.of(afterLast), store.find(caseId));
    }

    @Test
    void concurrentBatchCompletionsCountEveryBatchExactlyOnce() throws Exception {
        String caseId = openCase();
        int batches = 40;
        int deliveriesPerBatch = 3; // every batch re-delivered: three scorers finish it at once
        store.finishIngest(caseId, batches * 100L, batches * 100L, 0, batches);
        List<Long> order = new ArrayList<>();
        for (long b = 0; b < batches; b++) {
            for (int d = 0; d < deliveriesPerBatch; d++) {
                order.add(b);
            }
        }
        Collections.shuffle(order, new Random(8));

        List<Optional<CaseRecord>> outcomes = race(order.size(), i -> store.completeBatch(caseId, order.get(i),
                Map.of(Counters.PERSONS_TOTAL, 100L, Counters.band(Band.MEDIUM), order.get(i) + 1)));

        List<CaseRecord> counted = outcomes.stream().flatMap(Optional::stream).toList();
        assertEquals(batches, counted.size(), "each batch counted by exactly one of its deliveries");
        CaseRecord end = store.find(caseId).orElseThrow();
        assertEquals(batches, end.counter(Counters.BATCHES_DONE));
        assertEquals(batches * 100L, end.counter(Counters.PERSONS_TOTAL));
        assertEquals((long) batches * (batches + 1) / 2, end.counter(Counters.band(Band.MEDIUM)));
        assertTrue(end.allBatchesDone());
        assertEquals(1, counted.stream().filter(CaseRecord::allBatchesDone).count(),
                "exactly one completion sees the last batch done, so exactly one flips the case to SCORED");
    }

    // --- decision log -----------------------------------------------------------------------

    @Test
    void decisionsComeBackInTheOrderAppended() {
        String caseId = openCase();
        String otherCase = openCase();
        Instant at = ContractData.AWARE_AT;
        List<DecisionEntry> entries = List.of(
                new DecisionEntry(at.plusSeconds(10), "case", "opened", "manifest received"),
                new DecisionEntry(at, "art33", "notify ICO", "high-risk roles exposed"),
                new DecisionEntry(at, "art34", "not notified", null),
                new DecisionEntry(at.plusNanos(1), "policy", "policy-2024.1", "loaded"),
                new DecisionEntry(at.minusSeconds(5), "art34:exemption", "public communication",
                        "disproportionate effort for 12 people with no contact details"));
        for (DecisionEntry entry : entries) {
            store.appendDecision(caseId, entry);
        }
        store.appendDecision(otherCase, entries.get(0));

        assertEquals(entries, store.decisions(caseId));
        assertEquals(List.of(entries.get(0)), store.decisions(otherCase));
        assertEquals(List.of(), store.decisions(ContractData.uniqueId("missing")));
    }

    // --- helpers ----------------------------------------------------------------------------

    private String openCase() {
        String caseId = ContractData.uniqueId("case");
        assertTrue(store.open(ContractData.caseRecord(caseId, ContractData.AWARE_AT)).created());
        return caseId;
    }

    private static RowRejection reject(long row, String field) {
        return new RowRejection(row, field, "x" + row, field + " is not valid in row " + row);
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code count} attempts on the pool, released together so they really overlap. */
    private <T> List<T> race(int count, Attempt<T> attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            Callable<T> task = () -> {
                start.await();
                return attempt.run(index);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
