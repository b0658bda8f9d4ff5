package org.breachtriage.core.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed table of values with relative weights, picked by one uniform draw in constant time
 * (Walker's alias method). Generating a million manifest rows makes several picks per row from
 * tables of up to 300 entries, so a scan or binary search per pick is measurable.
 */
final class Weighted<T> {
    private final List<T> values;
    /** Chance that a draw landing in column i keeps value i rather than taking {@code alias[i]}. */
    private final double[] keep;
    private final int[] alias;

    private Weighted(List<T> values, double[] keep, int[] alias) {
        this.values = values;
        this.keep = keep;
        this.alias = alias;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    T pick(SplittableRandom rng) {
        double scaled = rng.nextDouble() * keep.length;
        int column = Math.min((int) scaled, keep.length - 1);
        return values.get(scaled - column < keep[column] ? column : alias[column]);
    }

    List<T> values() {
        return values;
    }

    static final class Builder<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder<T> add(double weight, T value) {
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight must be positive and finite: " + weight + " for " + value);
            }
            values.add(value);
            weights.add(weight);
            return this;
        }

        Weighted<T> build() {
            int n = values.size();
            if (n == 0) {
                throw new IllegalStateException("a weighted table needs at least one value");
            }
            double total = 0;
            for (double weight : weights) {
                total += weight;
            }
            // Vose's construction: pair each under-full column with an over-full one that tops it up.
            double[] scaled = new double[n];
            int[] small = new int[n];
            int[] large = new int[n];
            int smallCount = 0;
            int largeCount = 0;
            for (int i = 0; i < n; i++) {
                scaled[i] = weights.get(i) * n / total;
                if (scaled[i] < 1.0) {
                    small[smallCount++] = i;
                } else {
                    large[largeCount++] = i;
                }
            }
            double[] keep = new double[n];
            int[] alias = new int[n];
            while (smallCount > 0 && largeCount > 0) {
                int under = small[--smallCount];
                int over = large[--largeCount];
                keep[under] = scaled[under];
                alias[under] = over;
                scaled[over] = scaled[over] + scaled[under] - 1.0;
                if (scaled[over] < 1.0) {
                    small[smallCount++] = over;
                } else {
                    large[largeCount++] = over;
                }
            }
            // What is left is full up to rounding error.
            while (largeCount > 0) {
                int full = large[--largeCount];
                keep[full] = 1.0;
                alias[full] = full;
            }
            while (smallCount > 0) {
                int full = small[--smallCount];
                keep[full] = 1.0;
                alias[full] = full;
            }
            return new Weighted<>(List.copyOf(values), keep, alias);
        }
    }
}
