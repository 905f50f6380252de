package io.eventflow.model.design;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as people write it ({@code 250ms}, {@code 5s}, {@code 1.5min}, {@code 7d}), kept with its original text so
 * that a design is written back the way it was typed.
 *
 * @param nanos the duration in nanoseconds, never negative
 * @param text the text it was written as
 */
public record TimeSpan(long nanos, String text) implements Comparable<TimeSpan> {
    private static final Pattern FORMAT =
            Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*(ns|us|µs|ms|s|sec|m|min|h|d|w)?\\s*");

    public static final TimeSpan ZERO = new TimeSpan(0, "0s");

    public TimeSpan {
        if (nanos < 0) {
            throw new IllegalArgumentException("a duration cannot be negative: " + text);
        }
        Objects.requireNonNull(text, "text");
    }

    /**
     * Parses a duration such as {@code 250ms}, {@code 5s}, {@code 2min}, {@code 1h}, {@code 7d}. A bare number means
     * seconds.
     *
     * @throws IllegalArgumentException with a message saying what is accepted
     */
    public static TimeSpan parse(String text) {
        if (text != null && text.strip().startsWith("-")) {
            throw new IllegalArgumentException("a duration cannot be negative: '" + text.strip() + "'");
        }
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration: write a number and a unit, e.g. 250ms, 5s, 2min, 1h, 7d");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double factor =
                switch (unit) {
                    case "ns" -> 1;
                    case "us", "µs" -> 1e3;
                    case "ms" -> 1e6;
                    case "s", "sec" -> 1e9;
                    case "m", "min" -> 60e9;
                    case "h" -> 3600e9;
                    case "d" -> 86400e9;
                    case "w" -> 7 * 86400e9;
                    default -> throw new IllegalArgumentException("unknown unit " + unit);
                };
        double nanos = value * factor;
        if (nanos > Long.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return new TimeSpan(Math.round(nanos), text.trim());
    }

    /** A duration of whole milliseconds, written as {@code Nms} or a larger unit when exact. */
    public static TimeSpan ofMillis(long millis) {
        return ofNanos(millis * 1_000_000L);
    }

    /** A duration in the largest unit that keeps it exact. */
    public static TimeSpan ofNanos(long nanos) {
        return new TimeSpan(nanos, format(nanos));
    }

    public static TimeSpan ofSeconds(double seconds) {
        return ofNanos(Math.round(seconds * 1e9));
    }

    /** Formats nanoseconds in the largest unit that divides them exactly, e.g. {@code 5s}, {@code 250ms}. */
    public static String format(long nanos) {
        long[] sizes = {86400_000_000_000L, 3600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        String[] units = {"d", "h", "min", "s", "ms", "us"};
        for (int i = 0; i < sizes.length; i++) {
            if (nanos != 0 && nanos % sizes[i] == 0) {
                return (nanos / sizes[i]) + units[i];
            }
        }
        if (nanos == 0) {
            return "0s";
        }
        if (nanos >= 1_000_000L) {
            // Exact decimal milliseconds, e.g. 1.5ms or 2.000001ms.
            return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + "ms";
        }
        return nanos + "ns";
    }

    public double seconds() {
        return nanos / 1e9;
    }

    public double millis() {
        return nanos / 1e6;
    }

    @Override
    public int compareTo(TimeSpan o) {
        return Long.compare(nanos, o.nanos);
    }

    @Override
    public String toString() {
        return text;
    }
}
