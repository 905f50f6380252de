package io.eventflow.model.design;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate of messages as people write it ({@code 200/s}, {@code 12000/min}, {@code 5/h}), kept with its text.
 *
 * @param perSecond messages per second, never negative
 * @param text the text it was written as
 */
public record Rate(double perSecond, String text) {
    private static final Pattern FORMAT =
            Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*(?:/\\s*(ms|s|sec|m|min|h|d))?\\s*");

    public Rate {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate cannot be negative: " + text);
        }
        Objects.requireNonNull(text, "text");
    }

    /**
     * Parses {@code 200/s}, {@code 12000/min}, {@code 3/h}, {@code 1/d}; a bare number means per second.
     *
     * @throws IllegalArgumentException with a message saying what is accepted
     */
    public static Rate parse(String text) {
        if (text != null && text.strip().startsWith("-")) {
            throw new IllegalArgumentException("a rate cannot be negative: '" + text.strip() + "'");
        }
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a rate: write a count per unit, e.g. 200/s, 12000/min, 5/h");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double perSecond =
                switch (unit) {
                    case "ms" -> value * 1000;
                    case "s", "sec" -> value;
                    case "m", "min" -> value / 60;
                    case "h" -> value / 3600;
                    case "d" -> value / 86400;
                    default -> throw new IllegalArgumentException("unknown unit " + unit);
                };
        if (perSecond > Limits.MAX_RATE_PER_SECOND) {
            throw new IllegalArgumentException("'" + text.trim() + "' is more than the highest rate accepted, "
                    + Limits.format(Limits.MAX_RATE_PER_SECOND) + "/s");
        }
        return new Rate(perSecond, text.trim());
    }

    public static Rate perSecond(double perSecond) {
        String text = perSecond == Math.rint(perSecond) ? ((long) perSecond) + "/s" : perSecond + "/s";
        return new Rate(perSecond, text);
    }

    /** Mean time between two messages, in nanoseconds ({@code Long.MAX_VALUE} for a zero rate). */
    public double intervalNanos() {
        return perSecond == 0 ? Double.POSITIVE_INFINITY : 1e9 / perSecond;
    }

    @Override
    public String toString() {
        return text;
    }
}
