package io.eventflow.app.inspector;

import io.eventflow.model.design.DataSize;
import io.eventflow.model.design.ElementId;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.edit.DesignEdits;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * How form fields turn text into values. Each parser throws {@link IllegalArgumentException} with a message fit to
 * show under the field; blank text means "not set" (null).
 */
public final class Parsers {
    private Parsers() {}

    public static final Function<String, String> TEXT = s -> s;

    /** An id by the model's one rule ({@link ElementId}). */
    public static final Function<String, String> ID = ElementId::require;

    /** An id that no other element of the design has. */
    public static Function<String, String> uniqueId(io.eventflow.model.design.Design design, String currentId) {
        return s -> {
            String problem = DesignEdits.renameProblem(design, currentId, s);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return s;
        };
    }

    public static final Function<String, Integer> POSITIVE_INT = s -> {
        try {
            int v = Integer.parseInt(s.trim());
            if (v < 1) {
                throw new IllegalArgumentException("must be 1 or more");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a whole number");
        }
    };

    public static final Function<String, Integer> NON_NEGATIVE_INT = s -> {
        try {
            int v = Integer.parseInt(s.trim());
            if (v < 0) {
                throw new IllegalArgumentException("cannot be negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a whole number");
        }
    };

    public static final Function<String, TimeSpan> DURATION = TimeSpan::parse;

    /** A duration from {@code min} to {@code max}; the message names the limit, e.g. "at most 12h". */
    public static Function<String, TimeSpan> durationWithin(TimeSpan min, TimeSpan max) {
        return s -> {
            TimeSpan t = TimeSpan.parse(s);
            if (t.nanos() > max.nanos()) {
                throw new IllegalArgumentException("at most " + max + " (the broker refuses longer)");
            }
            if (t.nanos() < min.nanos()) {
                throw new IllegalArgumentException("at least " + min);
            }
            return t;
        };
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Function<String, Integer> intWithin(int min, int max) {
        return s -> {
            int v = NON_NEGATIVE_INT.apply(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException("from " + min + " to " + max);
            }
            return v;
        };
    }

    /** A percentage, 0 to 100, with or without a {@code %} sign. */
    public static final Function<String, Double> PERCENT = s -> {
        String t = s.endsWith("%") ? s.substring(0, s.length() - 1).trim() : s;
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number: write a percentage, e.g. 5 or 2.5%");
        }
        if (!(v >= 0 && v <= 100)) {
            throw new IllegalArgumentException("a percentage is from 0 to 100");
        }
        return v;
    };

    public static final Function<String, Rate> RATE = Rate::parse;
    public static final Function<String, DataSize> SIZE = DataSize::parse;

    /** A regular expression (Java syntax); the message names what is wrong and where. */
    public static final Function<String, String> REGEX = s -> {
        try {
            java.util.regex.Pattern.compile(s);
            return s;
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " at character " + (e.getIndex() + 1), e);
        }
    };

    public static final Function<String, List<String>> ID_LIST = s -> {
        List<String> ids = Arrays.stream(s.split(","))
                .map(String::trim)
                .filter(x -> !x.isEmpty())
                .toList();
        for (String id : ids) {
            ID.apply(id);
        }
        return ids;
    };

    /** Parses {@code text}: null for blank, else the parser's value. */
    public static <T> T parse(Function<String, ? extends T> parser, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return parser.apply(text.trim());
    }

    /** The error message for {@code text}, or null when it parses. */
    public static String error(Function<String, ?> parser, String text) {
        try {
            parse(parser, text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** How a value is shown in a field. */
    public static String show(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> l) {
            return String.join(", ", l.stream().map(String::valueOf).toList());
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }
}
