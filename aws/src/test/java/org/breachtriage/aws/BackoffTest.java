package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private final Backoff backoff = new Backoff(8, Duration.ofMillis(50), Duration.ofSeconds(2));

    @ParameterizedTest
    @CsvSource({"1, 50", "2, 100", "3, 200", "6, 1600", "7, 2000", "8, 2000", "60, 2000", "2000, 2000"})
    void fullJitterStaysWithinTheExponentialCeiling(int retry, long ceilingMillis) {
        long max = 0;
        for (int i = 0; i < 2000; i++) {
            Duration d = backoff.delayBeforeRetry(retry);
            assertFalse(d.isNegative());
            assertTrue(d.toMillis() <= ceilingMillis, retry + ": " + d);
            max = Math.max(max, d.toMillis());
        }
        assertTrue(max > ceilingMillis / 2, "jitter spreads over the whole range, max seen " + max);
    }

    @Test
    void zeroBaseMeansNoWait() {
        assertEquals(Duration.ZERO, new Backoff(3, Duration.ZERO, Duration.ZERO).delayBeforeRetry(2));
    }

    @Test
    void atLeastOneAttempt() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, Duration.ZERO, Duration.ZERO));
    }
}
