package org.breachtriage.embedded;

import java.util.Arrays;

/**
 * An immutable set of batch numbers held as sorted, disjoint, non-adjacent ranges
 * {@code [start, end)}. Batches finish roughly in queue order, so the set of finished batches of a
 * case stays a handful of ranges (one range once all are done) and can live inside the case value;
 * that is what lets "count this batch once and add its counters" be a single atomic write.
 */
final class BatchRanges {
    static final BatchRanges EMPTY = new BatchRanges(new long[0]);

    /** start0, end0, start1, end1, … */
    private final long[] bounds;

    private BatchRanges(long[] bounds) {
        this.bounds = bounds;
    }

    static BatchRanges ofBounds(long[] bounds) {
        for (int i = 0; i < bounds.length; i += 2) {
            boolean ordered = bounds[i] < bounds[i + 1] && (i == 0 || bounds[i - 1] < bounds[i]);
            if (!ordered) {
                throw new IllegalStateException("stored batch ranges are not sorted and disjoint: "
                        + Arrays.toString(bounds));
            }
        }
        return new BatchRanges(bounds.clone());
    }

    long[] bounds() {
        return bounds.clone();
    }

    int rangeCount() {
        return bounds.length / 2;
    }

    long size() {
        long size = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            size += bounds[i + 1] - bounds[i];
        }
        return size;
    }

    boolean contains(long n) {
        int range = rangeAtOrBefore(n);
        return range >= 0 && n < bounds[2 * range + 1];
    }

    /** This set with {@code n} added (itself if {@code n} is already in). */
    BatchRanges with(long n) {
        if (n == Long.MAX_VALUE) {
            throw new IllegalArgumentException("batch number out of range: " + n);
        }
        if (contains(n)) {
            return this;
        }
        int before = rangeAtOrBefore(n); // range starting at or before n, -1 if none
        int after = before + 1; // first range starting after n
        int ranges = rangeCount();
        boolean joinsBefore = before >= 0 && bounds[2 * before + 1] == n;
        boolean joinsAfter = after < ranges && bounds[2 * after] == n + 1;
        long[] next;
        if (joinsBefore && joinsAfter) {
            next = new long[bounds.length - 2];
            System.arraycopy(bounds, 0, next, 0, 2 * before + 1);
            System.arraycopy(bounds, 2 * after + 1, next, 2 * before + 1, bounds.length - (2 * after + 1));
        } else if (joinsBefore) {
            next = bounds.clone();
            next[2 * before + 1] = n + 1;
        } else if (joinsAfter) {
            next = bounds.clone();
            next[2 * after] = n;
        } else {
            next = new long[bounds.length + 2];
            System.arraycopy(bounds, 0, next, 0, 2 * after);
            next[2 * after] = n;
            next[2 * after + 1] = n + 1;
            System.arraycopy(bounds, 2 * after, next, 2 * after + 2, bounds.length - 2 * after);
        }
        return new BatchRanges(next);
    }

    /** Index of the last range whose start is ≤ n, or -1. */
    private int rangeAtOrBefore(long n) {
        int lo = 0;
        int hi = rangeCount() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (bounds[2 * mid] <= n) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchRanges other && Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < bounds.length; i += 2) {
            sb.append(i == 0 ? "" : ", ").append(bounds[i]).append("..").append(bounds[i + 1] - 1);
        }
        return sb.append(']').toString();
    }
}
