package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmallCountsTest {

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "0     | 0     | 0",
            "1     | <5    | <5",
            "4     | <5    | <5",
            "5     | 5     | 5",
            "2514  | 2514  | 2,514",
            "47123 | 47123 | 47,123"})
    void smallCountsAreSuppressedAndZeroIsNot(long count, String plain, String grouped) {
        assertEquals(plain, SmallCounts.show(count));
        assertEquals(grouped, SmallCounts.showGrouped(count));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "0     | 0",
            "3     | <5",
            "5     | 5",
            "99    | 99",
            "100   | about 100",
            "112   | about 110",
            "995   | about 1,000",
            "2514  | about 2,500",
            "47123 | about 47,000"})
    void approximateNumbersForTheIco(long count, String expected) {
        assertEquals(expected, SmallCounts.approximate(count));
    }

    @Test
    void negativeCountsAreABug() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SmallCounts.show(-1));
        assertEquals("a count cannot be negative, got -1", e.getMessage());
    }
}
