package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
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
import java.util.stream.LongStream;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.aws.testing.TestData;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.ports.CaseStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(EmulatorStackExtension.class)
class DynamoCaseStoreTest {

    private static final int THREADS = 8;

    private final EmulatorStack stack;
    private final CaseStore store;
    private final String caseId = TestData.uniqueId("case");

    DynamoCaseStoreTest(EmulatorStack stack) {
        this.stack = stack;
        this.store = new DynamoCaseStore(stack.clients().dynamoDb(), stack.names().caseTable(), Backoff.DEFAULT, 3);
    }

    private CaseRecord openCase() {
        return store.open(TestData.newCase(caseId, Instant.parse("2023-08-26T10:00:00Z"))).stored();
    }

    @Test
    void openCreatesOnceAndReturnsTheStoredCaseAfterwards() {
        CaseRecord first = TestData.newCase(caseId, Instant.parse("2023-08-26T10:00:00.123456789Z"));
        CaseStore.OpenOutcome created = store.open(first);
        assertTrue(created.created());
        assertEquals(first, created.stored());

        CaseRecord other = TestData.newCase(caseId, Instant.parse("2024-01-01T00:00:00Z"));
        CaseStore.OpenOutcome again = store.open(other);
        assertFalse(again.created());
        assertEquals(first, again.stored(), "the stored case, not the new candidate");
        assertEquals(Optional.of(first), store.find(caseId));
        assertEquals(Optional.empty(), store.find(TestData.uniqueId("absent")));
    }

    @Test
    void transitionMovesOnlyFromTheExpectedStatusAndOnlyOnce() throws Exception {
        openCase();
        assertFalse(store.transition(caseId, CaseStatus.SCORING, CaseStatus.SCORED, null), "case is INGESTING");

        List<Boolean> outcomes = concurrently(() -> store.transition(caseId, CaseStatus.INGESTING, CaseStatus.FAILED,
                "manifest unreadable"));

        assertEquals(1, outcomes.stream().filter(b -> b).count(), "exactly one of " + THREADS + " threads moves it");
        CaseRecord stored = store.find(caseId).orElseThrow();
        assertEquals(CaseStatus.FAILED, stored.status());
        assertEquals("manifest unreadable", stored.failureReason());

        assertTrue(store.transition(caseId, CaseStatus.FAILED, CaseStatus.INGESTING, null));
        assertNull(store.find(caseId).orElseThrow().failureReason(), "a move without a reason clears the old one");
        assertFalse(store.transition(TestData.uniqueId("absent"), CaseStatus.INGESTING, CaseStatus.SCORING, null));
    }

    @Test
    void finishIngestSetsTotalsAndMovesToScoringOnce() {
        openCase();
        CaseRecord after = store.finishIngest(caseId, 1000, 990, 10, 10).orElseThrow();
        assertEquals(CaseStatus.SCORING, after.status());
        assertEquals(1000, after.counter(Counters.ROWS_READ));
        assertEquals(990, after.counter(Counters.ROWS_ACCEPTED));
        assertEquals(10, after.counter(Counters.ROWS_REJECTED));
        assertEquals(10, after.batchesQueued());

        assertEquals(Optional.empty(), store.finishIngest(caseId, 1000, 990, 10, 10), "no longer INGESTING");
        assertEquals(after, store.find(caseId).orElseThrow());
    }

    @Test
    void completeBatchCountsEachBatchExactlyOnceUnderConcurrentRedelivery() throws Exception {
        openCase();
        int batchCount = 10;
        store.finishIngest(caseId, batchCount * 100L, batchCount * 100L, 0, batchCount);
        Map<String, Long> deltas = Map.of(
                Counters.PERSONS_TOTAL, 100L,
                Counters.band(Band.HIGH), 7L,
                Counters.staffTypeBand(StaffType.OFFICER, Band.HIGH), 3L,
                Counters.band(Band.LOW), 0L);

        // Every thread delivers every batch, as SQS may under at-least-once delivery.
        List<List<Optional<CaseRecord>>> perThread = concurrently(() -> {
            List<Optional<CaseRecord>> results = new ArrayList<>();
            for (long b = 0; b < batchCount; b++) {
                results.add(store.completeBatch(caseId, b, deltas));
            }
            return results;
        });

        List<CaseRecord> counted = perThread.stream().flatMap(List::stream).flatMap(Optional::stream).toList();
        assertEquals(batchCount, counted.size(), "each batch counted by exactly one delivery");
        Set<Long> doneValues = new HashSet<>();
        counted.forEach(c -> doneValues.add(c.counter(Counters.BATCHES_DONE)));
        assertEquals(LongStream.rangeClosed(1, batchCount).boxed().collect(java.util.stream.Collectors.toSet()), doneValues,
                "each counting update saw its own atomic result");
        assertEquals(1, counted.stream().filter(CaseRecord::allBatchesDone).count(), "exactly one caller sees the last batch land");

        CaseRecord stored = store.find(caseId).orElseThrow();
        assertEquals(batchCount * 100L, stored.counter(Counters.PERSONS_TOTAL));
        assertEquals(batchCount * 7L, stored.counter(Counters.band(Band.HIGH)));
        assertEquals(batchCount * 3L, stored.counter(Counters.staffTypeBand(StaffType.OFFICER, Band.HIGH)));
        assertEquals(batchCount, stored.counter(Counters.BATCHES_DONE));
        assertTrue(stored.allBatchesDone());
        assertEquals(batchCount * 100L, stored.counter(Counters.ROWS_READ), "ingest totals untouched by batch counting");

        AttributeValue raw = stack.clients().dynamoDb().getItem(b -> b.tableName(stack.names().caseTable())
                .key(Map.of("pk", AttributeValue.fromS("CASE#" + caseId), "sk", AttributeValue.fromS("META"))))
                .item().get("counter." + Counters.PERSONS_TOTAL);
        assertNotNull(raw.n(), "counters are stored as DynamoDB numbers");
        assertEquals(Optional.empty(), store.completeBatch(caseId, 0, deltas), "a re-delivered batch adds nothing");
    }

    @Test
    void completeBatchOnAnUnknownCaseFailsClearly() {
        String absent = TestData.uniqueId("absent");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.completeBatch(absent, 3, Map.of(Counters.PERSONS_TOTAL, 1L)));
        assertTrue(e.getMessage().contains("no case " + absent), e.getMessage());
        assertEquals(Optional.empty(), store.find(absent), "no half-made case item left behind");
    }

    @Test
    void rejectsComeBackInRowOrderWithSeveralPerRowAndRetriesDeduplicated() {
        openCase();
        List<RowRejection> rejects = new ArrayList<>();
        for (int row = 1; row <= 58; row++) {
            rejects.add(new RowRejection(row * 3L, "pay_number", "x" + row, "not a pay number"));
        }
        rejects.add(new RowRejection(9, "exposed_fields", "nme", "unknown category 'nme'"));
        rejects.add(new RowRejection(12000, "row", null, "too many fields"));
        List<RowRejection> shuffled = new ArrayList<>(rejects);
        Collections.shuffle(shuffled, new Random(3));
        shuffled.add(rejects.get(0)); // an ingest retry may add the same reject again

        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(counter)) {
            new DynamoCaseStore(clients.dynamoDb(), stack.names().caseTable()).addRejects(caseId, shuffled);
        }
        assertEquals(3, counter.calls("BatchWriteItem"), "60 distinct rejects in writes of at most 25");

        List<RowRejection> seen = new ArrayList<>();
        store.forEachReject(caseId, seen::add);
        List<RowRejection> expected = new ArrayList<>(rejects);
        expected.sort(java.util.Comparator.comparingLong(RowRejection::rowNumber).thenComparing(RowRejection::field));
        assertEquals(expected, seen);
    }

    @Test
    void decisionsReadBackInAppendOrderEvenWithEqualTimestamps() {
        openCase();
        Instant at = Instant.parse("2023-08-26T11:00:00Z");
        List<DecisionEntry> entries = List.of(
                new DecisionEntry(at, "case", "art33-required", "high risk to some officers"),
                new DecisionEntry(at, "case", "no-public-communication", "individual notices feasible"),
                new DecisionEntry(at.minusSeconds(60), "case", "late-entry", "clock of another host"),
                new DecisionEntry(at.plusSeconds(1), "batch 3", "retry", "throttled"));
        entries.forEach(e -> store.appendDecision(caseId, e));
        assertEquals(entries, store.decisions(caseId));

        assertThrows(IllegalStateException.class,
                () -> store.appendDecision(TestData.uniqueId("absent"), entries.get(0)));
    }

    @Test
    void listReturnsCasesNewestFirstAcrossPages() {
        Instant base = Instant.parse("2030-05-01T12:00:00Z");
        List<String> ids = List.of(TestData.uniqueId("old"), TestData.uniqueId("mid"), TestData.uniqueId("new"),
                TestData.uniqueId("newest"));
        // Whole seconds next to fractions: Instant.toString would sort "…00Z" after "…00.5Z".
        List<Instant> openedAt = List.of(base, base.plusMillis(500), base.plusSeconds(1), base.plusSeconds(1).plusNanos(1));
        for (int i = 0; i < ids.size(); i++) {
            store.open(TestData.newCase(ids.get(i), openedAt.get(i)));
        }
        List<String> listed = store.list().stream().map(CaseRecord::caseId).filter(ids::contains).toList();
        assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1), ids.get(0)), listed);
    }

    /** Runs the task on {@link #THREADS} threads released together; returns each thread's result. */
    private static <T> List<T> concurrently(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
