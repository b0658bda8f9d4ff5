package org.breachtriage.core.ports.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.ports.BatchQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BatchQueue} must do: every batch sent is delivered intact, in any order, none
 * lost. Delivery may be at least once (SQS), so duplicates are tolerated here; an adapter that
 * promises exactly once tests that itself. Case ids are unique per test, so a shared queue works:
 * batches of other tests seen by {@link #receiveAll} are ignored.
 */
public abstract class BatchQueueContract {

    /** A queue to test, with its consumer side ready to receive. */
    protected abstract BatchQueue newQueue() throws Exception;

    /**
     * Everything delivered from {@code queue} so far, cumulative over the test, in any order. May
     * return before deliveries in flight arrive: the contract polls for up to {@link #deliveryTimeout()}.
     */
    protected abstract Collection<RowBatch> receiveAll(BatchQueue queue) throws Exception;

    protected Duration deliveryTimeout() {
        return Duration.ofSeconds(20);
    }

    private BatchQueue queue;
    private String caseId;

    @BeforeEach
    void setUpQueue() throws Exception {
        queue = newQueue();
        caseId = ContractData.uniqueId("case");
    }

    @Test
    void everySentBatchIsDeliveredIntact() throws Exception {
        List<RowBatch> sent = new ArrayList<>();
        long batchNo = 0;
        for (int callSize : new int[] {1, 10, 27}) { // 27: more than one SQS SendMessageBatch (10)
            List<RowBatch> call = new ArrayList<>();
            for (int i = 0; i < callSize; i++, batchNo++) {
                call.add(batch(batchNo, (int) (batchNo % 7) + 1));
            }
            queue.send(call);
            sent.addAll(call);
        }

        assertDeliveredExactly(sent);
    }

    @Test
    void aFullBatchOfLongRowsIsDeliveredIntact() throws Exception {
        List<ManifestRow> rows = new ArrayList<>();
        for (int i = 1; i <= RowBatch.MAX_ROWS; i++) {
            rows.add(new ManifestRow(i, "MP" + "0".repeat(20) + i, EnumSet.allOf(DataCategory.class),
                    "Wolfeschlegelsteinhausenbergerdorff-Ó Súilleabháin", "Anne-Marie Zoë Nguyễn",
                    "Detective Chief Superintendent", "NPPV3"));
        }
        RowBatch full = new RowBatch(caseId, "IN-00000000000000aa", 0, ContractData.incident(), rows);

        queue.send(List.of(full));

        assertDeliveredExactly(List.of(full));
    }

    @Test
    void sendingNothingDeliversNothing() throws Exception {
        queue.send(List.of());
        RowBatch marker = batch(0, 1);
        queue.send(List.of(marker)); // something to wait for, so "nothing else" is checked after delivery

        assertDeliveredExactly(List.of(marker));
    }

    @Test
    void batchesFromSeveralProducersAreAllDelivered() throws Exception {
        int producers = 4;
        int perProducer = 12;
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        List<RowBatch> sent = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int p = 0; p < producers; p++) {
                List<RowBatch> own = new ArrayList<>();
                for (int i = 0; i < perProducer; i++) {
                    own.add(batch((long) p * perProducer + i, 2));
                }
                sent.addAll(own);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (RowBatch b : own) {
                        queue.send(List.of(b));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertDeliveredExactly(sent);
    }

    /** Even batch numbers carry a full incident, odd ones a bare one; rows vary in every optional field. */
    private RowBatch batch(long batchNo, int rows) {
        return new RowBatch(caseId, batchNo % 2 == 0 ? "IN-0000000000000b01" : null, batchNo, batchNo % 2 == 0 ? ContractData.incident() : ContractData.bareIncident(),
                ContractData.rows(batchNo * 100 + 1, rows, "MP-" + batchNo + "-"));
    }

    /** Every sent batch arrived, equal in every field, and nothing else of this test's case arrived. */
    private void assertDeliveredExactly(List<RowBatch> sent) {
        Map<Long, RowBatch> expected = new HashMap<>();
        sent.forEach(b -> expected.put(b.batchNo(), b));
        Map<Long, List<RowBatch>> delivered = ContractData.eventually(
                this::deliveredForThisCase,
                seen -> seen.keySet().containsAll(expected.keySet()),
                deliveryTimeout());

        assertEquals(expected.keySet(), delivered.keySet(), "batch numbers delivered");
        delivered.forEach((batchNo, copies) -> copies.forEach(copy ->
                assertEquals(expected.get(batchNo), copy, "batch " + batchNo + " arrived changed")));
    }

    private Map<Long, List<RowBatch>> deliveredForThisCase() {
        Map<Long, List<RowBatch>> byBatch = new HashMap<>();
        try {
            for (RowBatch b : receiveAll(queue)) {
                if (caseId.equals(b.caseId())) {
                    byBatch.computeIfAbsent(b.batchNo(), n -> new ArrayList<>()).add(b);
                }
            }
        } catch (Exception e) {
            throw new AssertionError("receiving from the queue failed", e);
        }
        return byBatch;
    }
}
