package dev.stowage.store;

import java.time.Duration;

/**
 * How {@link RetryingObjectStore} retries: exponential backoff with full jitter, bounded both in
 * attempts and in total time, so a dead endpoint fails a run in minutes rather than never.
 *
 * @param maxAttempts attempts in all, the first included (1 means no retry)
 * @param baseDelay   the backoff ceiling after the first failure; it doubles after each further one
 * @param maxDelay    the backoff ceiling never grows past this
 * @param maxElapsed  no retry starts once this much time has passed since the first attempt
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxElapsed) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || maxElapsed.isNegative()) {
            throw new IllegalArgumentException("invalid retry delays: base " + baseDelay + ", max " + maxDelay
                    + ", total " + maxElapsed);
        }
    }

    /**
     * Ten attempts, 0.5 s doubling to at most 30 s, at most 5 minutes: rides out a B2 SlowDown burst
     * or a MinIO restart on a NAS, and still fails a run whose endpoint is gone.
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /** One attempt only. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The backoff ceiling before attempt {@code failedAttempts + 1}: base × 2^(failures − 1), capped. */
    Duration ceiling(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 30);
        long millis = baseDelay.toMillis() << doublings;
        return millis < 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }
}
