package io.eventflow.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.simulator.random.SplitMix64;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyBucketsTest {
    private static final long MAX = 3_600_000_000_000L;

    @Test
    void foldsToTheSameHistogramAsRecordingEachValue() {
        Histogram direct = new Histogram(MAX, 2);
        LatencyBuckets buckets = new LatencyBuckets(new Histogram(MAX, 2));
        SplitMix64 rng = new SplitMix64(42);
        long[] fixed = {0, 1, 127, 128, 255, 256, 257, 1_000_000, MAX - 1, MAX, MAX + 5, -3};
        for (long v : fixed) {
            record(direct, buckets, v);
        }
        for (int i = 0; i < 200_000; i++) {
            // log-uniform over 0 .. 2^42, the range of simulated latencies in nanoseconds
            record(direct, buckets, rng.nextLong() >>> (22 + rng.nextInt(42)));
        }
        Histogram folded = buckets.histogram();
        assertSame(folded, direct);
        record(direct, buckets, 5_000_000);
        assertSame(buckets.histogram(), direct);
    }

    @Test
    void indexAndValueAgreeOnEveryBucket() {
        int last = LatencyBuckets.index(MAX);
        for (int i = 0; i <= last; i++) {
            assertThat(LatencyBuckets.index(LatencyBuckets.valueAt(i))).isEqualTo(i);
        }
    }

    private static void record(Histogram direct, LatencyBuckets buckets, long v) {
        direct.recordValue(Math.min(Math.max(v, 0), MAX));
        buckets.record(v);
    }

    private static void assertSame(Histogram a, Histogram b) {
        assertThat(a).isEqualTo(b);
        assertThat(a.getTotalCount()).isEqualTo(b.getTotalCount());
        assertThat(a.getMaxValue()).isEqualTo(b.getMaxValue());
        assertThat(a.getMinNonZeroValue()).isEqualTo(b.getMinNonZeroValue());
        assertThat(a.getMean()).isEqualTo(b.getMean());
        for (double p : new double[] {0, 1, 50, 90, 95, 99, 99.9, 100}) {
            assertThat(a.getValueAtPercentile(p)).as("p%s", p).isEqualTo(b.getValueAtPercentile(p));
        }
    }
}
