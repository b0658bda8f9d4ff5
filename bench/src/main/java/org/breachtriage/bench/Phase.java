package org.breachtriage.bench;

import java.lang.management.ManagementFactory;

/**
 * One measured stretch of work.
 *
 * @param wallMillis      elapsed time
 * @param cpuMillis       CPU time of the whole process over the phase (all threads, GC and JIT included):
 *                        more than the wall time means the phase used both cores
 * @param allocatedMb     bytes allocated on the heap by all threads, in MiB (-1 if the JVM cannot tell)
 * @param heap            heap use, see {@link HeapMonitor}
 * @param loadBefore      one-minute system load average when the phase started
 * @param loadAfter       the same when it ended
 */
record Phase(String name, double wallMillis, double cpuMillis, double allocatedMb, HeapMonitor.Reading heap,
             double loadBefore, double loadAfter) {

    interface Work<T> {
        T run() throws Exception;
    }

    record Timed<T>(T value, Phase phase) {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Runs the work once, after a GC and a reset of the heap peaks, and measures it. */
    static <T> Timed<T> measure(String name, HeapMonitor heap, Work<T> work) throws Exception {
        heap.reset();
        double loadBefore = OS.getSystemLoadAverage();
        long allocatedBefore = allocatedBytes();
        long cpuBefore = OS.getProcessCpuTime();
        long start = System.nanoTime();
        T value = work.run();
        long wall = System.nanoTime() - start;
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        long allocatedAfter = allocatedBytes();
        HeapMonitor.Reading reading = heap.read();
        double allocatedMb = allocatedBefore < 0 || allocatedAfter < 0 ? -1
                : (allocatedAfter - allocatedBefore) / (1024.0 * 1024.0);
        return new Timed<>(value, new Phase(name, wall / 1e6, cpu / 1e6, allocatedMb, reading, loadBefore,
                OS.getSystemLoadAverage()));
    }

    private static long allocatedBytes() {
        try {
            return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled()
                    ? THREADS.getTotalThreadAllocatedBytes() : -1;
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }
}
