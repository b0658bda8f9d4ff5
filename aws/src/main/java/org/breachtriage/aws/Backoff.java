package org.breachtriage.aws;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and full jitter (wait a random time between 0 and
 * {@code min(cap, base × 2^retry)}), for the parts of a batch that AWS hands back unprocessed. The
 * SDK already retries whole requests that fail (throttling, 5xx); this covers partial successes,
 * which arrive as an HTTP 200 the SDK does not retry.
 *
 * @param maxAttempts requests per batch including the first, at least 1
 */
public record Backoff(int maxAttempts, Duration base, Duration cap) {

    /** 8 attempts; at most about 6 s of waiting in all. */
    public static final Backoff DEFAULT = new Backoff(8, Duration.ofMillis(50), Duration.ofSeconds(2));

    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (base.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delayBeforeRetry(int retry) {
        long ceiling = base.toNanos() << Math.min(Math.max(retry - 1, 0), 30);
        if (ceiling < 0 || ceiling > cap.toNanos()) {
            ceiling = cap.toNanos();
        }
        return Duration.ofNanos(ceiling == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** Sleeps before retry number {@code retry}; an interrupt ends the wait and the batch. */
    public void pauseBeforeRetry(int retry) {
        Duration delay = delayBeforeRetry(retry);
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a partly processed batch", e);
        }
    }
}
