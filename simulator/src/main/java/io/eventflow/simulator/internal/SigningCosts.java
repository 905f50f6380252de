package io.eventflow.simulator.internal;

import io.eventflow.model.design.Signing;
import io.eventflow.model.design.SigningAlgorithm;

/**
 * Default sign and verify times per message, from the JDK's implementations measured on the development machine by
 * {@code simulator/src/test/.../bench/SigningBench.java} (CPU µs per operation at 256 B, 1 KiB and 16 KiB; the command
 * and the figures are in docs/performance.md). Between the measured sizes the time is interpolated linearly; below
 * 256 B it is the 256 B figure; above 16 KiB it grows with the size as between 1 KiB and 16 KiB (the hash over the
 * bytes), or stays at the 16 KiB figure where that was not larger.
 */
final class SigningCosts {
    private static final int[] SIZES = {256, 1024, 16 * 1024};

    /**
     * Nanoseconds at SIZES, per algorithm (in {@link SigningAlgorithm} order): each the lower of two runs of the benchmark
     * (2026-12-07, JDK 17.0.15, 2 shared cores; docs/performance.md).
     */
    private static final long[][] SIGN = {
        {2_120, 2_270, 11_440}, // HMAC-SHA256
        {3_020, 3_470, 21_840}, // HMAC-SHA512
        {660_510, 621_460, 733_580}, // Ed25519
        {512_920, 465_120, 483_280}, // ECDSA-P256
        {968_280, 978_530, 966_520}, // RSA-PSS-2048
    };

    private static final long[][] VERIFY = {
        {1_870, 2_510, 11_980}, // HMAC-SHA256
        {2_690, 3_490, 21_780}, // HMAC-SHA512
        {868_330, 794_380, 587_640}, // Ed25519
        {943_970, 873_790, 859_500}, // ECDSA-P256
        {29_060, 31_060, 38_580}, // RSA-PSS-2048
    };

    private SigningCosts() {}

    /** The time to sign one message of {@code bytes} as {@code s} says: its own {@code signTime}, else measured. */
    static long signNanos(Signing s, int bytes) {
        return s.signTime() != null
                ? s.signTime().nanos()
                : at(SIGN[s.algorithmOrDefault().ordinal()], bytes);
    }

    /** The time to verify one message of {@code bytes} as {@code s} says: its own {@code verifyTime}, else measured. */
    static long verifyNanos(Signing s, int bytes) {
        return s.verifyTime() != null
                ? s.verifyTime().nanos()
                : at(VERIFY[s.algorithmOrDefault().ordinal()], bytes);
    }

    static long at(long[] nanos, int bytes) {
        if (bytes <= SIZES[0]) {
            return nanos[0];
        }
        int i = bytes <= SIZES[1] ? 0 : 1;
        double slope = (nanos[i + 1] - nanos[i]) / (double) (SIZES[i + 1] - SIZES[i]);
        if (bytes > SIZES[2]) {
            // a measured figure lower at 16 KiB than at 1 KiB is noise: larger messages cost no less than 16 KiB
            return Math.round(nanos[2] + Math.max(0, slope) * (bytes - SIZES[2]));
        }
        return Math.round(nanos[i] + slope * (bytes - SIZES[i]));
    }
}
