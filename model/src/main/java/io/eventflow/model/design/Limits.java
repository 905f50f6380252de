package io.eventflow.model.design;

import java.util.Map;

/**
 * The largest values designs and scenarios may hold (documented in docs/design-format.md and
 * docs/scenario-format.md, and in the JSON schemas). They are far above what real systems use and keep a typing slip
 * (an extra digit, a {@code 1e300}) from making the simulator allocate until memory runs out.
 */
public final class Limits {
    /** The highest rate of one publication, request or scenario action, per second (per instance). */
    public static final double MAX_RATE_PER_SECOND = 1_000_000;
    /** The most messages a whole design may create per simulated second (all instances, all publications). */
    public static final double MAX_MESSAGES_PER_SECOND = 10_000_000;
    /** The longest duration: 2^62 ns, about 146 years. */
    public static final long MAX_DURATION_NANOS = Long.MAX_VALUE / 2;
    /** The largest size: 2^62 bytes, 4 EiB. */
    public static final long MAX_SIZE_BYTES = Long.MAX_VALUE / 2;

    /** The largest value of each whole-number key (by its name in the file). */
    public static final Map<String, Integer> MAX_COUNTS = Map.of(
            "nodes", 1_000,
            "partitions", 100_000,
            "replicationFactor", 1_000,
            "minInSyncReplicas", 1_000,
            "maxReceiveCount", 1_000,
            "instances", 10_000,
            "maxAttempts", 1_000_000,
            "concurrency", 10_000,
            "prefetch", 65_535,
            "receiveMaximum", 65_535);

    private Limits() {}

    /** {@code n} with thousands separators, as limits are written in messages. */
    public static String format(double n) {
        return n == Math.rint(n) && Math.abs(n) < 1e15
                ? String.format(java.util.Locale.ROOT, "%,d", (long) n)
                : String.format(java.util.Locale.ROOT, "%.3g", n);
    }
}
