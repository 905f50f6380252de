package io.eventflow.simulator.internal;

import org.HdrHistogram.Histogram;

/**
 * Counts latencies per message with one array increment, in the bucket layout of an HdrHistogram with 2 significant
 * digits (unit 1), and folds them into a real {@link Histogram} when one is read. Every figure the histogram reports
 * (counts, percentiles, mean, min and max) depends only on the bucket of each value, so the result is the same as
 * recording each value in the histogram directly, at a fraction of the per-message cost.
 */
final class LatencyBuckets {
    /** 2 significant digits: sub-buckets of 256, half of 128 (HdrHistogram's layout). */
    private static final int HALF_MAGNITUDE = 7;

    private static final int HALF = 1 << HALF_MAGNITUDE;
    private static final long SUB_MASK = 2L * HALF - 1;
    private static final int LEADING_ZERO_BASE = 64 - HALF_MAGNITUDE - 1;

    private final Histogram target;
    private final long max;
    private final long[] counts;
    private boolean dirty;

    LatencyBuckets(Histogram target) {
        if (target.getNumberOfSignificantValueDigits() != 2 || target.getLowestDiscernibleValue() != 1) {
            throw new IllegalArgumentException("layout is for 2 significant digits and unit 1");
        }
        this.target = target;
        this.max = target.getHighestTrackableValue();
        this.counts = new long[index(max) + 1];
    }

    static int index(long value) {
        int bucket = LEADING_ZERO_BASE - Long.numberOfLeadingZeros(value | SUB_MASK);
        return ((bucket + 1) << HALF_MAGNITUDE) + ((int) (value >>> bucket) - HALF);
    }

    static long valueAt(int index) {
        int bucket = (index >> HALF_MAGNITUDE) - 1;
        int sub = (index & (HALF - 1)) + HALF;
        if (bucket < 0) {
            sub -= HALF;
            bucket = 0;
        }
        return (long) sub << bucket;
    }

    /** Counts one value, clamped to [0, highest trackable value]. */
    void record(long value) {
        long v = value < 0 ? 0 : Math.min(value, max);
        counts[index(v)]++;
        dirty = true;
    }

    /** The histogram with every value counted so far. */
    Histogram histogram() {
        if (dirty) {
            long[] c = counts;
            for (int i = 0; i < c.length; i++) {
                if (c[i] != 0) {
                    target.recordValueWithCount(valueAt(i), c[i]);
                    c[i] = 0;
                }
            }
            dirty = false;
        }
        return target;
    }
}
