package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchRangesTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2023})
    void agreesWithASortedSetForAnyInsertionOrder(long seed) {
        Random random = new Random(seed);
        List<Long> numbers = new ArrayList<>();
        for (long n = 0; n < 300; n++) {
            if (random.nextInt(4) != 0) {
                numbers.add(n);
            }
        }
        Collections.shuffle(numbers, random);
        TreeSet<Long> expected = new TreeSet<>();
        BatchRanges ranges = BatchRanges.EMPTY;
        for (long n : numbers) {
            expected.add(n);
            ranges = ranges.with(n);
            if (random.nextInt(10) == 0) {
                ranges = ranges.with(n); // adding twice changes nothing
            }
        }
        for (long n = -1; n <= 301; n++) {
            assertEquals(expected.contains(n), ranges.contains(n), "contains " + n);
        }
        assertEquals(expected.size(), ranges.size());
        assertEquals(ranges, BatchRanges.ofBounds(ranges.bounds()));
    }

    @Test
    void batchesDoneInOrderCollapseToOneRange() {
        BatchRanges ranges = BatchRanges.EMPTY;
        for (long n = 0; n < 10_000; n++) {
            ranges = ranges.with(n);
        }
        assertEquals(1, ranges.rangeCount());
        assertEquals("[0..9999]", ranges.toString());
    }

    @Test
    void fillingAGapJoinsTheNeighbours() {
        BatchRanges ranges = BatchRanges.EMPTY.with(1).with(2).with(4).with(5);
        assertEquals("[1..2, 4..5]", ranges.toString());
        assertEquals("[1..5]", ranges.with(3).toString());
        assertEquals("[0..2, 4..5, 7..7]", ranges.with(0).with(7).toString());
        assertSame(ranges, ranges.with(4));
    }

    @Test
    void corruptBoundsAreRefused() {
        assertThrows(IllegalStateException.class, () -> BatchRanges.ofBounds(new long[] {5, 3}));
        assertThrows(IllegalStateException.class, () -> BatchRanges.ofBounds(new long[] {0, 3, 3, 4}));
    }
}
