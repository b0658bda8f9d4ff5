package org.breachtriage.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeightedTest {

    @Test
    void picksInProportionToWeight() {
        Weighted<String> table = Weighted.<String>builder().add(60, "a").add(30, "b").add(9, "c").add(1, "d").build();
        Map<String, Integer> counts = new HashMap<>();
        SplittableRandom rng = new SplittableRandom(3);
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(table.pick(rng), 1, Integer::sum);
        }
        assertEquals(0.60, counts.get("a") / (double) draws, 0.005);
        assertEquals(0.30, counts.get("b") / (double) draws, 0.005);
        assertEquals(0.09, counts.get("c") / (double) draws, 0.003);
        assertEquals(0.01, counts.get("d") / (double) draws, 0.001);
    }

    @Test
    void aLongSkewedTableKeepsItsTail() {
        Weighted.Builder<Integer> builder = Weighted.builder();
        for (int k = 0; k < 300; k++) {
            builder.add(1.0 / (k + 11), k);
        }
        Weighted<Integer> table = builder.build();
        int[] counts = new int[300];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 300_000; i++) {
            counts[table.pick(rng)]++;
        }
        assertEquals(counts[0] / (double) counts[299], 310.0 / 11, 4.0, "head-to-tail ratio of 1/(k+11)");
    }

    @Test
    void aSingleValueIsAlwaysPicked() {
        Weighted<String> table = Weighted.<String>builder().add(0.001, "only").build();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            assertEquals("only", table.pick(rng));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesWeightsThatAreNotPositive(double weight) {
        assertThrows(IllegalArgumentException.class, () -> Weighted.<String>builder().add(weight, "x"));
    }

    @Test
    void refusesAnEmptyTable() {
        assertThrows(IllegalStateException.class, () -> Weighted.<String>builder().build());
    }
}
