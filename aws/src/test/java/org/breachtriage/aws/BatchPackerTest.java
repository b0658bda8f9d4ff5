package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchPackerTest {

    /** sizes: entry sizes; expected: entries per request. Limits: 10 entries, 100 bytes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                          | ''",
            "1                           | 1",
            "1 1 1 1 1 1 1 1 1 1 1       | 10 1",
            "60 40 1                     | 2 1",
            "60 41                       | 1 1",
            "100 100 1                   | 1 1 1",
            "150 1                       | 1 1",
            "10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 | 10 10 1"})
    void packsByEntryCountAndBytes(String sizes, String expected) {
        List<Integer> entries = sizes.isBlank() ? List.of()
                : Arrays.stream(sizes.trim().split(" +")).map(Integer::parseInt).toList();
        List<Integer> counts = BatchPacker.pack(entries, 10, 100, Integer::intValue).stream().map(List::size).toList();
        List<Integer> want = expected.isBlank() ? List.of()
                : Arrays.stream(expected.trim().split(" +")).map(Integer::parseInt).toList();
        assertEquals(want, counts);
    }
}
