package io.eventflow.simulator.sweep;

import java.math.BigInteger;
import java.util.Arrays;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.IntCountsHistogram;

/**
 * One figure summarised over the runs of a combination as they arrive, in memory that does not grow with the runs:
 * the first {@value #EXACT} values are kept (exact percentiles), after that an HdrHistogram with 3 significant digits
 * holds them all (percentiles within 0.1%). Minimum, maximum and mean are always exact: values are whole numbers of
 * the figure's unit (counts; microseconds for times in milliseconds) and sums are exact integers, so the result does
 * not depend on the order the runs arrive in.
 */
final class FigureSummary {
    static final int EXACT = 256;
    private final long scale;
    private long n;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private BigInteger sum = BigInteger.ZERO;
    private BigInteger sumOfSquares = BigInteger.ZERO;
    private long[] exact = new long[8];
    private IntCountsHistogram histogram;

    /** @param millis whether the figure is a time in milliseconds (kept in microseconds) rather than a count */
    FigureSummary(boolean millis) {
        this.scale = millis ? 1000 : 1;
    }

    void add(double value) {
        long v = Math.round(value * scale);
        if (v < 0) {
            throw new IllegalStateException("a report figure is negative: " + value);
        }
        min = Math.min(min, v);
        max = Math.max(max, v);
        BigInteger b = BigInteger.valueOf(v);
        sum = sum.add(b);
        sumOfSquares = sumOfSquares.add(b.multiply(b));
        if (histogram != null) {
            histogram.recordValue(v);
        } else if (n < EXACT) {
            if (n == exact.length) {
                exact = Arrays.copyOf(exact, exact.length * 2);
            }
            exact[(int) n] = v;
        } else {
            histogram = new IntCountsHistogram(3);
            histogram.setAutoResize(true);
            for (int i = 0; i < n; i++) {
                histogram.recordValue(exact[i]);
            }
            histogram.recordValue(v);
            exact = null;
        }
        n++;
    }

    /**
     * The distribution over {@code runs} runs; runs that did not report this figure count as 0 (a figure such as a
     * loss cause appears only in some reports).
     */
    Stats stats(long runs) {
        long zeros = Math.max(0, runs - n);
        long total = n + zeros;
        if (total == 0) {
            return new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        long[] sorted = exact == null ? null : Arrays.copyOf(exact, (int) n);
        if (sorted != null) {
            Arrays.sort(sorted);
        }
        double lo = zeros > 0 ? 0 : min;
        double hi = n > 0 ? max : 0;
        double mean = sum.doubleValue() / total;
        double half = 0;
        if (total > 1) {
            // variance = (N * sum(x^2) - sum(x)^2) / (N (N - 1)), exact up to the final division
            BigInteger nb = BigInteger.valueOf(total);
            double var = sumOfSquares.multiply(nb).subtract(sum.multiply(sum)).doubleValue()
                    / ((double) total * (total - 1));
            half = Stats.t975(total - 1) * Math.sqrt(Math.max(0, var) / total);
        }
        return new Stats(
                total,
                lo / scale,
                rank(5, total, zeros, sorted) / scale,
                rank(50, total, zeros, sorted) / scale,
                rank(95, total, zeros, sorted) / scale,
                hi / scale,
                mean / scale,
                (mean - half) / scale,
                (mean + half) / scale);
    }

    /** Nearest rank: the smallest value with at least {@code p}% of the values at or below it. */
    private double rank(double p, long total, long zeros, long[] sorted) {
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total - 1e-9));
        if (rank <= zeros) {
            return 0;
        }
        long r = rank - zeros;
        if (sorted != null) {
            return sorted[(int) r - 1];
        }
        for (HistogramIterationValue x : histogram.recordedValues()) {
            if (x.getTotalCountToThisValue() >= r) {
                return Math.max(min, Math.min(max, histogram.highestEquivalentValue(x.getValueIteratedTo())));
            }
        }
        return max;
    }
}
