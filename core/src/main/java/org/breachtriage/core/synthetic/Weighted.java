package org.breachtriage.core.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A fixed table of values with relative weights, picked by one uniform draw. */
final class Weighted<T> {
    private final List<T> values;
    private final double[] cumulative;

    private Weighted(List<T> values, double[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    T pick(SplittableRandom rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    List<T> values() {
        return values;
    }

    static final class Builder<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder<T> add(double weight, T value) {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("weight must be positive: " + weight + " for " + value);
            }
            values.add(value);
            weights.add(weight);
            return this;
        }

        Weighted<T> build() {
            if (values.isEmpty()) {
                throw new IllegalStateException("a weighted table needs at least one value");
            }
            double[] cumulative = new double[weights.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += weights.get(i);
                cumulative[i] = sum;
            }
            return new Weighted<>(List.copyOf(values), cumulative);
        }
    }
}
