package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.ports.BatchQueue;
import org.breachtriage.core.ports.contract.BatchQueueContract;
import org.breachtriage.core.ports.contract.ContractData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessBatchQueueTest extends BatchQueueContract {
    private final Queue<RowBatch> received = new ConcurrentLinkedQueue<>();
    private final List<InProcessBatchQueue> opened = new ArrayList<>();

    @Override
    protected BatchQueue newQueue() {
        return track(new InProcessBatchQueue(3, received::add));
    }

    @Override
    protected Collection<RowBatch> receiveAll(BatchQueue queue) {
        ((InProcessBatchQueue) queue).awaitDrained();
        return List.copyOf(received);
    }

    @Override
    protected Duration deliveryTimeout() {
        return Duration.ZERO; // awaitDrained has already waited for everything sent
    }

    @AfterEach
    void closeQueues() {
        opened.forEach(q -> {
            try {
                q.close();
            } catch (BatchProcessingException expectedInFailureTests) {
                // reported by the test that caused it
            }
        });
    }

    @Test
    void eachBatchIsProcessedExactlyOnce() {
        String caseId = ContractData.uniqueId("case");
        InProcessBatchQueue queue = track(new InProcessBatchQueue(4, 8, received::add));
        List<RowBatch> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sent.add(new RowBatch(caseId, "IN-00000000000000aa", i, ContractData.incident(), ContractData.rows(i, 1, "MP")));
        }
        queue.send(sent);
        queue.awaitDrained();

        assertEquals(500, received.size());
        assertEquals(sent.stream().map(RowBatch::batchNo).sorted().toList(),
                received.stream().map(RowBatch::batchNo).sorted().toList());
        assertEquals(500, queue.processedCount());
    }

    @Test
    void aFullQueueMakesTheProducerWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        InProcessBatchQueue queue = track(new InProcessBatchQueue(1, 2, batch -> {
            started.incrementAndGet();
            await(release);
        }));
        Thread producer = Thread.ofPlatform().start(() -> queue.send(batches(10)));

        // 1 batch in the worker + 2 waiting: the producer must be blocked on the 4th.
        while (started.get() == 0) {
            Thread.onSpinWait();
        }
        producer.join(300);
        assertTrue(producer.isAlive(), "producer should be held back by the bounded queue");
        release.countDown();
        producer.join(10_000);
        queue.awaitDrained();
        assertEquals(10, started.get());
    }

    @Test
    void aWorkerFailureReachesTheProducerOnAwaitDrained() {
        IllegalStateException boom = new IllegalStateException("staff table unreadable");
        CountDownLatch sent = new CountDownLatch(1); // fail only once send has returned, so awaitDrained reports it
        InProcessBatchQueue queue = track(new InProcessBatchQueue(2, batch -> {
            if (batch.batchNo() == 3) {
                await(sent);
                throw boom;
            }
        }));
        queue.send(batches(8));
        sent.countDown();

        BatchProcessingException e = assertThrows(BatchProcessingException.class, queue::awaitDrained);

        assertSame(boom, e.getCause());
        assertEquals(3, e.batchNo());
        assertTrue(e.getMessage().startsWith("batch 3 of case "), e.getMessage());
        assertThrows(BatchProcessingException.class, () -> queue.send(batches(1)), "no more work after a failure");
        queue.close(); // already reported: close does not throw it again
    }

    @Test
    void aWorkerFailureReachesAProducerBlockedOnAFullQueue() {
        CountDownLatch failNow = new CountDownLatch(1);
        InProcessBatchQueue queue = track(new InProcessBatchQueue(1, 1, batch -> {
            await(failNow);
            throw new IllegalStateException("disk full");
        }));
        Thread.ofPlatform().start(() -> {
            sleep(200);
            failNow.countDown();
        });

        BatchProcessingException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(BatchProcessingException.class, () -> queue.send(batches(1000))));
        assertEquals("disk full", e.getCause().getMessage());
    }

    @Test
    void anUnreportedFailureIsThrownByClose() {
        CountDownLatch sent = new CountDownLatch(1); // fail only once send has returned, so nothing reported it yet
        InProcessBatchQueue queue = new InProcessBatchQueue(1, batch -> {
            await(sent);
            throw new AssertionError("scorer bug");
        });
        queue.send(batches(1));
        sent.countDown();

        BatchProcessingException e = assertThrows(BatchProcessingException.class, queue::close);
        assertEquals("scorer bug", e.getCause().getMessage());
        assertThrows(IllegalStateException.class, () -> queue.send(batches(1)), "closed");
    }

    @Test
    void closeWaitsForAllWork() {
        AtomicInteger done = new AtomicInteger();
        InProcessBatchQueue queue = new InProcessBatchQueue(2, batch -> {
            sleep(2);
            done.incrementAndGet();
        });
        queue.send(batches(50));
        queue.close();
        assertEquals(50, done.get());
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new InProcessBatchQueue(0, b -> { }));
        assertThrows(IllegalArgumentException.class, () -> new InProcessBatchQueue(1, 0, b -> { }));
    }

    private InProcessBatchQueue track(InProcessBatchQueue queue) {
        opened.add(queue);
        return queue;
    }

    private static List<RowBatch> batches(int count) {
        String caseId = ContractData.uniqueId("case");
        List<RowBatch> batches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batches.add(new RowBatch(caseId, "IN-00000000000000aa", i, ContractData.bareIncident(), ContractData.rows(i * 10L, 2, "MP")));
        }
        return batches;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
