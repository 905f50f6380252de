package io.eventflow.model.design;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size in bytes as people write it ({@code 512B}, {@code 64KiB}, {@code 1MiB}, {@code 10GB}, or a bare number of
 * bytes), kept with its text.
 *
 * @param bytes the size in bytes, never negative
 * @param text the text it was written as
 */
public record DataSize(long bytes, String text) {
    private static final Pattern FORMAT =
            Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(B|KB|kB|MB|GB|TB|KiB|MiB|GiB|TiB)?\\s*");

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + text);
        }
        Objects.requireNonNull(text, "text");
    }

    /**
     * Parses {@code 512B}, {@code 1.5KB}, {@code 64KiB}, {@code 1MiB}, {@code 10GB}; a bare number means bytes.
     *
     * @throws IllegalArgumentException with a message saying what is accepted
     */
    public static DataSize parse(String text) {
        if (text != null && text.strip().startsWith("-")) {
            throw new IllegalArgumentException("a size cannot be negative: '" + text.strip() + "'");
        }
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a size: write a number and a unit, e.g. 512B, 64KiB, 1MiB, 10GB");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        double factor =
                switch (unit) {
                    case "B" -> 1;
                    case "KB", "kB" -> 1e3;
                    case "MB" -> 1e6;
                    case "GB" -> 1e9;
                    case "TB" -> 1e12;
                    case "KiB" -> 1024;
                    case "MiB" -> 1024 * 1024;
                    case "GiB" -> 1024.0 * 1024 * 1024;
                    case "TiB" -> 1024.0 * 1024 * 1024 * 1024;
                    default -> throw new IllegalArgumentException("unknown unit " + unit);
                };
        double bytes = value * factor;
        if (bytes > Long.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("'" + text + "' is too large a size");
        }
        return new DataSize(Math.round(bytes), text.trim());
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes, Long.toString(bytes));
    }

    /** True when written as a bare number (then it is written back as a YAML number). */
    public boolean isPlainNumber() {
        return text.chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return text;
    }
}
