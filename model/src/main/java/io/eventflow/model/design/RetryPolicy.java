package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * How failed work is retried. Fields are {@code null} when the design does not set them.
 *
 * @param maxAttempts attempts in all, the first one included (3)
 * @param backoff fixed or exponential (exponential)
 * @param initial the first wait (100ms)
 * @param max the longest wait (30s)
 * @param multiplier growth factor of exponential backoff (2)
 * @param jitter how waits are randomised (none)
 * @param extensions {@code x-} keys kept verbatim
 */
public record RetryPolicy(
        Integer maxAttempts,
        Backoff backoff,
        TimeSpan initial,
        TimeSpan max,
        Double multiplier,
        Jitter jitter,
        Map<String, JsonNode> extensions) {
    /** Nothing set: every component at its default. */
    public static final RetryPolicy EMPTY = new RetryPolicy(null, null, null, null, null, null, null);

    public RetryPolicy {
        extensions = Extensions.copy(extensions);
        if (maxAttempts != null && maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts cannot be negative");
        }
    }

    public RetryPolicy(
            Integer maxAttempts, Backoff backoff, TimeSpan initial, TimeSpan max, Double multiplier, Jitter jitter) {
        this(maxAttempts, backoff, initial, max, multiplier, jitter, Map.of());
    }

    public int attempts() {
        return maxAttempts == null ? 3 : maxAttempts;
    }

    public Backoff backoffOrDefault() {
        return backoff == null ? Backoff.EXPONENTIAL : backoff;
    }

    public TimeSpan initialOrDefault() {
        return initial == null ? TimeSpan.ofMillis(100) : initial;
    }

    public TimeSpan maxOrDefault() {
        return max == null ? TimeSpan.ofSeconds(30) : max;
    }

    public double multiplierOrDefault() {
        return multiplier == null ? 2.0 : multiplier;
    }

    public Jitter jitterOrDefault() {
        return jitter == null ? Jitter.NONE : jitter;
    }

    /** A copy with {@code maxAttempts} set. */
    public RetryPolicy withMaxAttempts(Integer newMaxAttempts) {
        return new RetryPolicy(newMaxAttempts, backoff, initial, max, multiplier, jitter, extensions);
    }

    /** A copy with {@code backoff} set. */
    public RetryPolicy withBackoff(Backoff newBackoff) {
        return new RetryPolicy(maxAttempts, newBackoff, initial, max, multiplier, jitter, extensions);
    }

    /** A copy with {@code initial} set. */
    public RetryPolicy withInitial(TimeSpan newInitial) {
        return new RetryPolicy(maxAttempts, backoff, newInitial, max, multiplier, jitter, extensions);
    }

    /** A copy with {@code max} set. */
    public RetryPolicy withMax(TimeSpan newMax) {
        return new RetryPolicy(maxAttempts, backoff, initial, newMax, multiplier, jitter, extensions);
    }

    /** A copy with {@code jitter} set. */
    public RetryPolicy withJitter(Jitter newJitter) {
        return new RetryPolicy(maxAttempts, backoff, initial, max, multiplier, newJitter, extensions);
    }
}
