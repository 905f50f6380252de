package io.eventflow.model.design;

import java.util.regex.Pattern;

/**
 * The one rule for element ids, used by the reader, the validator and every rename: letters, digits, {@code .},
 * {@code _} and {@code -}, starting with a letter or digit. It keeps {@code :} and {@code >} out of ids, which edge
 * keys ({@link EdgeId#key()}) use as separators, and spaces out of what ends up in addresses and AsyncAPI keys.
 */
public final class ElementId {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The id the reader gives an element written without one; the reader reports that, the validator skips it. */
    public static final String MISSING = "(no id)";

    private ElementId() {}

    /** Whether {@code id} is a valid element id. */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** What is wrong with {@code id}, fit to show under a field or in a problem; null when it is valid. */
    public static String problem(String id) {
        if (id == null || id.isBlank()) {
            return "an id cannot be empty";
        }
        return isValid(id) ? null : "use letters, digits, '.', '_' and '-' (no spaces)";
    }

    /**
     * A valid id made from free text (an AsyncAPI key, a title): {@code text} itself when it is valid, otherwise with
     * every run of other characters turned into {@code -} and leading ones dropped; {@code fallback} when nothing is
     * left.
     */
    public static String fromText(String text, String fallback) {
        if (isValid(text)) {
            return text;
        }
        String t = text == null
                ? ""
                : text.trim().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        t = t.replaceAll("-+$", "");
        return t.isEmpty() ? fallback : t;
    }

    /** {@code id} when it is valid; otherwise an {@link IllegalArgumentException} with {@link #problem}. */
    public static String require(String id) {
        String p = problem(id);
        if (p != null) {
            throw new IllegalArgumentException(p);
        }
        return id;
    }
}
