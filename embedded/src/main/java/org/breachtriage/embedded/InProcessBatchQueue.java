package org.breachtriage.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.ports.BatchQueue;

/**
 * {@link BatchQueue} for one machine: a bounded queue drained by worker threads that hand each
 * batch to a consumer (the scorer). The bound gives ingest back-pressure, so however long the
 * manifest, at most {@code capacity} batches wait in memory.
 *
 * <p>Failure: the first exception a worker meets is kept; from then on workers drain the queue
 * without processing (the run has failed; a re-run is idempotent), and the failure is thrown to the
 * producer as a {@link BatchProcessingException} by the next {@link #send}, by {@link #awaitDrained},
 * or, if neither has reported it yet, by {@link #close}. A producer never blocks forever on a queue
 * whose workers have stopped.
 */
public final class InProcessBatchQueue implements BatchQueue, AutoCloseable {
    public static final int DEFAULT_CAPACITY = 64;
    private static final long FAILURE_CHECK_MILLIS = 100;

    /** Tells a worker to stop; compared by identity. */
    private static final RowBatch STOP = new RowBatch("", null, -1, null, List.of());

    private final BlockingQueue<RowBatch> queue;
    private final Consumer<RowBatch> consumer;
    private final List<Thread> workers = new ArrayList<>();
    private final Object progress = new Object();
    private long outstanding; // guarded by progress: sent but not yet finished
    private long processed; // guarded by progress
    private Failure failure; // guarded by progress
    private boolean failureReported; // guarded by progress
    private volatile boolean closed;

    private record Failure(String caseId, long batchNo, Throwable cause) {
        BatchProcessingException toException() {
            return new BatchProcessingException(caseId, batchNo, cause);
        }
    }

    /** @param consumer called from {@code workers} threads at once, so it must be thread-safe */
    public InProcessBatchQueue(int workers, Consumer<RowBatch> consumer) {
        this(workers, DEFAULT_CAPACITY, consumer);
    }

    public InProcessBatchQueue(int workers, int capacity, Consumer<RowBatch> consumer) {
        if (workers < 1) {
            throw new IllegalArgumentException("need at least one worker, got " + workers);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, got " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        for (int i = 0; i < workers; i++) {
            // Daemon: if the producer dies without closing, the JVM can still exit (the failed run is re-run).
            Thread worker = Thread.ofPlatform().name("triage-batch-worker-" + i).daemon().unstarted(this::work);
            this.workers.add(worker);
        }
        this.workers.forEach(Thread::start);
    }

    /** Queues the batches, blocking while the queue is full; throws a worker's failure if there was one. */
    @Override
    public void send(List<RowBatch> batches) {
        if (closed) {
            throw new IllegalStateException("batch queue is closed");
        }
        for (RowBatch batch : batches) {
            Objects.requireNonNull(batch, "batch");
            throwFailureIfAny();
            synchronized (progress) {
                outstanding++;
            }
            boolean queued = false;
            try {
                while (!queue.offer(batch, FAILURE_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    throwFailureIfAny();
                }
                queued = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while queueing batch " + batch.batchNo(), e);
            } finally {
                if (!queued) {
                    finished(false);
                }
            }
        }
        throwFailureIfAny();
    }

    /** Waits until every batch sent so far has been processed, then throws a worker's failure if there was one. */
    public void awaitDrained() {
        waitUntilIdle();
        throwFailureIfAny();
    }

    /** Batches workers have taken off the queue and finished with so far (processed, failed or skipped). */
    public long processedCount() {
        synchronized (progress) {
            return processed;
        }
    }

    /** Waits for all work, stops the workers, and throws a worker's failure not yet reported to the producer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            waitUntilIdle();
        } finally {
            stopWorkers();
        }
        synchronized (progress) {
            if (failure != null && !failureReported) {
                failureReported = true;
                throw failure.toException();
            }
        }
    }

    private void work() {
        while (true) {
            RowBatch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == STOP) {
                return;
            }
            try {
                if (!hasFailed()) {
                    consumer.accept(batch);
                }
            } catch (Throwable t) {
                synchronized (progress) {
                    if (failure == null) {
                        failure = new Failure(batch.caseId(), batch.batchNo(), t);
                    }
                }
            } finally {
                finished(true);
            }
        }
    }

    private void finished(boolean taken) {
        synchronized (progress) {
            outstanding--;
            if (taken) {
                processed++;
            }
            if (outstanding == 0) {
                progress.notifyAll();
            }
        }
    }

    private boolean hasFailed() {
        synchronized (progress) {
            return failure != null;
        }
    }

    private void throwFailureIfAny() {
        synchronized (progress) {
            if (failure != null) {
                failureReported = true;
                throw failure.toException();
            }
        }
    }

    private void waitUntilIdle() {
        synchronized (progress) {
            while (outstanding > 0) {
                try {
                    progress.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + outstanding + " batches", e);
                }
            }
        }
    }

    private void stopWorkers() {
        for (Thread worker : workers) {
            if (!queue.offer(STOP)) {
                worker.interrupt(); // queue full only if we were interrupted while work was pending
            }
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                workers.forEach(Thread::interrupt);
                return;
            }
        }
    }
}
