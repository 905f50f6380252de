package io.eventflow.simulator.random;

/** A distribution of durations in nanoseconds (never negative). */
public sealed interface Delay {
    /** Draws one duration from {@code rng}. */
    long sample(SplitMix64 rng);

    /** Mean duration in nanoseconds. */
    double mean();

    static Delay constant(long nanos) {
        return new Constant(nanos);
    }

    static Delay exponential(double meanNanos) {
        return new Exponential(meanNanos);
    }

    /** Always the same value. */
    record Constant(long nanos) implements Delay {
        public Constant {
            if (nanos < 0) {
                throw new IllegalArgumentException("negative duration " + nanos);
            }
        }

        @Override
        public long sample(SplitMix64 rng) {
            return nanos;
        }

        @Override
        public double mean() {
            return nanos;
        }
    }

    /** Exponential with the given mean (one draw). */
    record Exponential(double meanNanos) implements Delay {
        public Exponential {
            if (!(meanNanos > 0)) {
                throw new IllegalArgumentException("exponential mean must be > 0: " + meanNanos);
            }
        }

        @Override
        public long sample(SplitMix64 rng) {
            return Math.round(-Math.log(rng.nextDouble()) * meanNanos);
        }

        @Override
        public double mean() {
            return meanNanos;
        }
    }

    /** Uniform on [min, max] (one draw). */
    record Uniform(long min, long max) implements Delay {
        public Uniform {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("uniform needs 0 <= min <= max: " + min + ", " + max);
            }
        }

        @Override
        public long sample(SplitMix64 rng) {
            return min + Math.round((max - min) * (1.0 - rng.nextDouble()));
        }

        @Override
        public double mean() {
            return (min + max) / 2.0;
        }
    }

    /** Normal truncated at zero (two draws). */
    record Normal(double meanNanos, double sdNanos) implements Delay {
        public Normal {
            if (meanNanos < 0 || sdNanos < 0) {
                throw new IllegalArgumentException("normal needs mean, sd >= 0");
            }
        }

        @Override
        public long sample(SplitMix64 rng) {
            return Math.max(0L, Math.round(meanNanos + sdNanos * rng.gaussian()));
        }

        @Override
        public double mean() {
            return meanNanos;
        }
    }

    /** Log-normal given the mean and standard deviation of the duration itself (two draws). */
    record LogNormal(double meanNanos, double sdNanos) implements Delay {
        public LogNormal {
            if (!(meanNanos > 0) || sdNanos < 0) {
                throw new IllegalArgumentException("lognormal needs mean > 0, sd >= 0");
            }
        }

        @Override
        public long sample(SplitMix64 rng) {
            double cv2 = (sdNanos / meanNanos) * (sdNanos / meanNanos);
            double sigma2 = Math.log1p(cv2);
            double mu = Math.log(meanNanos) - sigma2 / 2;
            return Math.round(Math.exp(mu + Math.sqrt(sigma2) * rng.gaussian()));
        }

        @Override
        public double mean() {
            return meanNanos;
        }
    }
}
