package io.eventflow.app.inspector;

import io.eventflow.model.design.DataSize;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.TimeSpan;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * How form fields turn text into values. Each parser throws {@link IllegalArgumentException} with a message fit to
 * show under the field; blank text means "not set" (null).
 */
public final class Parsers {
    private Parsers() {}

    public static final Function<String, Object> TEXT = s -> s;

    public static final Function<String, Object> ID = s -> {
        if (!s.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("use letters, digits, '.', '_' and '-' (no spaces)");
        }
        return s;
    };

    /** An id that no other element of the design has. */
    public static Function<String, Object> uniqueId(io.eventflow.model.design.Design design, String currentId) {
        return s -> {
            ID.apply(s);
            if (!s.equals(currentId) && design.elementIds().anyMatch(s::equals)) {
                throw new IllegalArgumentException("'" + s + "' is already the id of another element");
            }
            return s;
        };
    }

    public static final Function<String, Object> POSITIVE_INT = s -> {
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

    public static final Function<String, Object> NON_NEGATIVE_INT = s -> {
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

    public static final Function<String, Object> QOS = s -> {
        Object v = NON_NEGATIVE_INT.apply(s);
        if ((Integer) v > 2) {
            throw new IllegalArgumentException("MQTT QoS is 0, 1 or 2");
        }
        return v;
    };

    public static final Function<String, Object> DURATION = TimeSpan::parse;

    /** A duration from {@code min} to {@code max}; the message names the limit, e.g. "at most 12h". */
    public static Function<String, Object> durationWithin(TimeSpan min, TimeSpan max) {
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
    public static Function<String, Object> intWithin(int min, int max) {
        return s -> {
            Object v = NON_NEGATIVE_INT.apply(s);
            if ((Integer) v < min || (Integer) v > max) {
                throw new IllegalArgumentException("from " + min + " to " + max);
            }
            return v;
        };
    }

    /** A percentage, 0 to 100, with or without a {@code %} sign. */
    public static final Function<String, Object> PERCENT = s -> {
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

    public static final Function<String, Object> RATE = Rate::parse;
    public static final Function<String, Object> SIZE = DataSize::parse;

    /** A regular expression (Java syntax); the message names what is wrong and where. */
    public static final Function<String, Object> REGEX = s -> {
        try {
            java.util.regex.Pattern.compile(s);
            return s;
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " at character " + (e.getIndex() + 1), e);
        }
    };

    public static final Function<String, Object> ID_LIST = s -> {
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
    public static Object parse(Function<String, Object> parser, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return parser.apply(text.trim());
    }

    /** The error message for {@code text}, or null when it parses. */
    public static String error(Function<String, Object> parser, String text) {
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
