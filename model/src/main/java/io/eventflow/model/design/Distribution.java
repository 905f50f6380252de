package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A distribution of durations, e.g. processing times: {@code {distribution: exponential, mean: 4ms}}.
 *
 * @param kind the shape (constant when null)
 * @param mean the mean (for constant: the value)
 * @param stddev standard deviation (normal, lognormal)
 * @param min lower bound (uniform)
 * @param max upper bound (uniform)
 * @param extensions {@code x-} keys kept verbatim
 */
public record Distribution(
        DistributionKind kind,
        TimeSpan mean,
        TimeSpan stddev,
        TimeSpan min,
        TimeSpan max,
        Map<String, JsonNode> extensions) {
    /** Nothing set: every component at its default. */
    public static final Distribution EMPTY = new Distribution(null, null, null, null, null, null);

    public Distribution {
        extensions = Extensions.copy(extensions);
    }

    public Distribution(DistributionKind kind, TimeSpan mean, TimeSpan stddev, TimeSpan min, TimeSpan max) {
        this(kind, mean, stddev, min, max, Map.of());
    }

    public static Distribution constant(TimeSpan value) {
        return new Distribution(DistributionKind.CONSTANT, value, null, null, null);
    }

    public static Distribution exponential(TimeSpan mean) {
        return new Distribution(DistributionKind.EXPONENTIAL, mean, null, null, null);
    }

    public DistributionKind kindOrDefault() {
        return kind == null ? DistributionKind.CONSTANT : kind;
    }

    /** The mean in nanoseconds, from {@code mean} or, for uniform, the midpoint of min and max. */
    public double meanNanos() {
        if (mean != null) {
            return mean.nanos();
        }
        if (min != null && max != null) {
            return (min.nanos() + max.nanos()) / 2.0;
        }
        return 0;
    }

    /** A copy with {@code kind} set. */
    public Distribution withKind(DistributionKind newKind) {
        return new Distribution(newKind, mean, stddev, min, max, extensions);
    }

    /** A copy with {@code mean} set. */
    public Distribution withMean(TimeSpan newMean) {
        return new Distribution(kind, newMean, stddev, min, max, extensions);
    }

    /** A copy with {@code stddev} set. */
    public Distribution withStddev(TimeSpan newStddev) {
        return new Distribution(kind, mean, newStddev, min, max, extensions);
    }
}
