package io.eventflow.simulator.sweep;

/**
 * The distribution of one figure over the seeds of a combination. Percentiles are nearest-rank; the interval is the
 * 95% confidence interval of the mean (Student's t), equal to the mean when there is one run.
 *
 * @param n runs
 * @param min smallest
 * @param p5 5th percentile
 * @param p50 median
 * @param p95 95th percentile
 * @param max largest
 * @param mean mean
 * @param meanLow lower end of the mean's 95% interval
 * @param meanHigh upper end of the mean's 95% interval
 */
public record Stats(
        long n,
        double min,
        double p5,
        double p50,
        double p95,
        double max,
        double mean,
        double meanLow,
        double meanHigh) {

    /** The statistic by name: {@code min p5 p50 p95 max mean}, or null for an unknown name. */
    public Double get(String name) {
        return switch (name) {
            case "min" -> min;
            case "p5" -> p5;
            case "p50" -> p50;
            case "p95" -> p95;
            case "max" -> max;
            case "mean" -> mean;
            default -> null;
        };
    }

    /** The two-sided 97.5% quantile of Student's t with {@code df} degrees of freedom. */
    static double t975(long df) {
        if (df <= 0) {
            return Double.NaN;
        }
        if (df <= T975.length) {
            return T975[(int) df - 1];
        }
        // Cornish-Fisher expansion around the normal quantile; within 1e-4 of the exact value for df > 30.
        double z = 1.959963984540054;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df);
    }

    private static final double[] T975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
    };
}
