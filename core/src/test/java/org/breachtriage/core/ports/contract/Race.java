package org.breachtriage.core.ports.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same task on several threads released at one instant, so conditional writes really
 * contend, and returns what each returned (in thread order). One per test; close it to stop its threads.
 */
final class Race implements AutoCloseable {

    @FunctionalInterface
    interface Task<T> {
        T run(int thread) throws Exception;
    }

    private final int threads;
    private final ExecutorService pool;

    Race(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    <T> List<T> run(Task<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int thread = i;
            futures.add(pool.submit(() -> {
                start.await();
                return task.run(thread);
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "worker threads did not stop");
    }
}
