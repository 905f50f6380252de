package io.eventflow.simulator.random;

/**
 * Retry backoff: fixed or exponential base delay, capped at {@code max}, with jitter none, full, equal or
 * decorrelated (the AWS architecture blog's definitions).
 */
public record Backoff(boolean exponential, long initial, long max, double multiplier, Jitter jitter) {
    public enum Jitter {
        NONE,
        FULL,
        EQUAL,
        DECORRELATED
    }

    public Backoff {
        if (initial < 0 || max < initial || multiplier < 1) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max and multiplier >= 1");
        }
    }

    public static Backoff fixed(long delay) {
        return new Backoff(false, delay, delay, 1, Jitter.NONE);
    }

    /** The un-jittered delay before retry number {@code attempt} (1 = the first retry). */
    public long base(int attempt) {
        if (!exponential) {
            return initial;
        }
        double d = initial * Math.pow(multiplier, Math.max(0, attempt - 1));
        return d >= max ? max : (long) d;
    }

    /**
     * The delay before retry number {@code attempt}. {@code previous} is the delay used before the previous retry
     * (0 for the first), needed by decorrelated jitter. Draws from {@code rng} only when jitter is on.
     */
    public long delay(int attempt, long previous, SplitMix64 rng) {
        long base = base(attempt);
        switch (jitter) {
            case NONE:
                return base;
            case FULL:
                return Math.round(base * (1.0 - rng.nextDouble()));
            case EQUAL:
                return base / 2 + Math.round((base - base / 2) * (1.0 - rng.nextDouble()));
            case DECORRELATED:
                long prev = Math.max(initial, previous);
                long hi = Math.max(initial, prev * 3);
                long d = initial + Math.round((hi - initial) * (1.0 - rng.nextDouble()));
                return Math.min(max, d);
            default:
                throw new IllegalStateException();
        }
    }
}
