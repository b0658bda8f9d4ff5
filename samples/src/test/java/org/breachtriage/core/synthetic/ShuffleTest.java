package org.breachtriage.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShuffleTest {

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 2, 3, 5, 16, 17, 1_000, 4_097, 65_536, 250_000})
    void isABijectionOfTheRange(int n) {
        Shuffle shuffle = new Shuffle(n, 42);
        boolean[] hit = new boolean[n];
        for (int i = 0; i < n; i++) {
            int item = shuffle.at(i);
            assertFalse(hit[item], "item " + item + " came up twice");
            hit[item] = true;
        }
        assertEquals(shuffle.at(0), shuffle.at(n), "positions wrap round");
    }

    @Test
    void keyChangesTheOrderAndTheSameKeyRepeatsIt() {
        assertEquals(order(1_000, 1), order(1_000, 1));
        assertNotEquals(order(1_000, 1), order(1_000, 2));
        assertNotEquals(order(1_000, 1).subList(0, 10), List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void refusesAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> new Shuffle(0, 1));
    }

    private static List<Integer> order(int n, long key) {
        Shuffle shuffle = new Shuffle(n, key);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(shuffle.at(i));
        }
        return order;
    }
}
