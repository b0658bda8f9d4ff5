package org.breachtriage.bench.cold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from Linux's /proc, in seconds (clock ticks of 1/100 s): of a live process (all its
 * threads), and of this process's reaped children. Why: on 2 cores shared with other builds, wall time
 * moves with load; the CPU a JVM spent to its first answer moves much less.
 */
final class CpuTime {
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** utime + stime of a live process; NaN if /proc cannot say. */
    static double of(long pid) {
        long[] fields = fields(Path.of("/proc", Long.toString(pid), "stat"));
        return fields == null ? Double.NaN : (fields[10] + fields[11]) / TICKS_PER_SECOND;
    }

    /** cutime + cstime of this process: the CPU of every child it has waited for. */
    static double ofReapedChildren() {
        long[] fields = fields(Path.of("/proc/self/stat"));
        return fields == null ? Double.NaN : (fields[12] + fields[13]) / TICKS_PER_SECOND;
    }

    /** The numeric fields after "pid (comm) state", index 0 being field 4 (ppid). */
    private static long[] fields(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] parts = text.substring(text.lastIndexOf(')') + 2).trim().split("\\s+");
            long[] values = new long[parts.length - 1];
            for (int i = 1; i < parts.length && i <= values.length; i++) {
                values[i - 1] = parseOrZero(parts[i]);
            }
            return values;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long parseOrZero(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
