package org.breachtriage.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use during one phase, three ways:
 * <ul>
 *   <li><b>live set</b> (the figure that matters): every {@code probeEvery} a probe thread forces a
 *       full collection and reads what is left. That is exactly what the program holds at that
 *       moment, and what would grow if a manifest were held in memory. It is a sample, and the
 *       probe's pauses are part of the phase: their count and time are reported with it.</li>
 *   <li><b>peak used</b>: the sum of each heap pool's peak. An upper bound that includes garbage:
 *       the young generation fills to whatever size the collector chose, so it follows -Xmx.</li>
 *   <li><b>max after GC</b>: the largest occupancy after any collection. With G1 this still counts
 *       old-generation garbage that no young collection reclaims (the first trial run showed
 *       900 MB "after GC" under -Xmx2g while a heap histogram found 60 MB live), so it is kept
 *       only as a secondary figure.</li>
 * </ul>
 */
final class HeapMonitor implements AutoCloseable {
    private final List<MemoryPoolMXBean> heapPools;
    private final Set<String> heapPoolNames;
    private final List<GarbageCollectorMXBean> collectors;
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong notifications = new AtomicLong();
    private final List<Registration> registrations = new ArrayList<>();
    private final long probeEveryMillis;
    private final AtomicLong maxLive = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private final AtomicLong probeNanos = new AtomicLong();
    private final Object probeLock = new Object();
    private boolean probing; // guarded by probeLock
    private long phaseEpoch; // guarded by probeLock: a probe started in one phase never lands in the next
    private final Thread probe;
    private long gcCountAtReset;
    private long gcPauseMillisAtReset;

    private record Registration(NotificationEmitter emitter, NotificationListener listener) {
    }

    /**
     * @param liveSetBytes     largest heap occupancy found by the probe's full collections during the
     *                         phase, or at its very end (after the work, outside the timed window)
     * @param probes           full collections the probe forced within the phase
     * @param probeMillis      time they took (inside the phase's wall time)
     * @param liveAtEndBytes   what was still held once the phase had finished
     * @param peakUsedBytes    sum of the heap pools' peaks (see class comment)
     * @param maxAfterGcBytes  largest heap occupancy after any collection; 0 if no collection ran
     * @param collections      collections that ran (young, mixed, full and concurrent cycles, probes included)
     * @param gcPauseMillis    time in stop-the-world collections, as the JVM reports it (probes included)
     * @param maxHeapBytes     the -Xmx in force
     */
    record Reading(long liveSetBytes, long probes, long probeMillis, long liveAtEndBytes, long peakUsedBytes,
                   long maxAfterGcBytes, long collections, long gcPauseMillis, long maxHeapBytes) {
    }

    /** @param probeEverySeconds how often the probe forces a full collection within a phase; 0 for never */
    HeapMonitor(double probeEverySeconds) {
        probeEveryMillis = (long) (probeEverySeconds * 1000);
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
        collectors = ManagementFactory.getGarbageCollectorMXBeans();
        for (GarbageCollectorMXBean collector : collectors) {
            if (collector instanceof NotificationEmitter emitter) {
                NotificationListener listener = this::onNotification;
                emitter.addNotificationListener(listener, null, null);
                registrations.add(new Registration(emitter, listener));
            }
        }
        probe = Thread.ofPlatform().name("heap-probe").daemon().unstarted(this::probeLoop);
        if (probeEveryMillis > 0) {
            probe.start();
        }
    }

    /** Collects garbage, then starts a new phase: peaks, counters and probing from here on. */
    void reset() {
        System.gc();
        settle();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        maxAfterGc.set(0);
        maxLive.set(0);
        probes.set(0);
        probeNanos.set(0);
        gcCountAtReset = totalCollections();
        gcPauseMillisAtReset = totalPauseMillis();
        synchronized (probeLock) {
            probing = true;
            phaseEpoch++;
            probeLock.notifyAll();
        }
    }

    /** Ends the phase: call right after the timed work. */
    Reading read() {
        synchronized (probeLock) {
            probing = false; // waits for a probe in progress: it holds the lock while collecting
            probeLock.notifyAll();
        }
        settle(); // GC notifications arrive on another thread, shortly after the collection
        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            peak += pool.getPeakUsage().getUsed();
        }
        long collections = totalCollections() - gcCountAtReset;
        long pauses = totalPauseMillis() - gcPauseMillisAtReset;
        long afterGc = maxAfterGc.get();
        long liveAtEnd = collectAndMeasure();
        return new Reading(Math.max(maxLive.get(), liveAtEnd), probes.get(), probeNanos.get() / 1_000_000, liveAtEnd,
                peak, afterGc, collections, pauses, Runtime.getRuntime().maxMemory());
    }

    /**
     * Probes {@code probeEveryMillis} after a phase starts and every period after that while it lasts.
     * Holds the lock while collecting, so {@link #read} never ends a phase in the middle of a probe.
     */
    private void probeLoop() {
        synchronized (probeLock) {
            try {
                while (true) {
                    while (!probing) {
                        probeLock.wait();
                    }
                    long epoch = phaseEpoch;
                    long due = System.nanoTime() + probeEveryMillis * 1_000_000;
                    for (long wait = probeEveryMillis; probing && phaseEpoch == epoch && wait > 0;
                            wait = (due - System.nanoTime()) / 1_000_000) {
                        probeLock.wait(wait);
                    }
                    if (probing && phaseEpoch == epoch) {
                        long start = System.nanoTime();
                        maxLive.accumulateAndGet(collectAndMeasure(), Math::max);
                        probeNanos.addAndGet(System.nanoTime() - start);
                        probes.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long collectAndMeasure() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    String collectorNames() {
        return collectors.stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long live = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPoolNames.contains(pool.getKey())) {
                live += pool.getValue().getUsed();
            }
        }
        maxAfterGc.accumulateAndGet(live, Math::max);
        notifications.incrementAndGet();
    }

    private long totalCollections() {
        return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
    }

    /** Concurrent cycles run beside the program, so their time is not a pause and is left out. */
    private long totalPauseMillis() {
        return collectors.stream().filter(c -> !c.getName().contains("Concurrent"))
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(n -> n > 0).sum();
    }

    private static void settle() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        probe.interrupt();
        for (Registration registration : registrations) {
            try {
                registration.emitter().removeNotificationListener(registration.listener());
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone: nothing to undo
            }
        }
    }
}
