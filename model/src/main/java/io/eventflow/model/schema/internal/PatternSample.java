package io.eventflow.model.schema.internal;

/**
 * A string matching a simple regular expression: literals, escapes, character classes and quantifiers, with
 * anchors. Groups and alternations are not handled (null).
 */
final class PatternSample {
    private PatternSample() {}

    static String of(String pattern) {
        return of(pattern, 0);
    }

    /**
     * As {@link #of(String)}, repeating the last repeatable unit ({@code *}, {@code +}, {@code {m,n}}) until the
     * string is at least {@code minLength} long where the quantifier allows it.
     */
    static String of(String pattern, int minLength) {
        String base = sample(pattern, 0);
        if (base == null || base.length() >= minLength) {
            return base;
        }
        return sample(pattern, minLength - base.length());
    }

    private static String sample(String pattern, int extra) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            String unit;
            if (c == '^' || c == '$') {
                i++;
                continue;
            } else if (c == '(' || c == ')' || c == '|') {
                return null;
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 2);
                if (end < 0) {
                    return null;
                }
                unit = classSample(pattern.substring(i + 1, end));
                i = end + 1;
            } else if (c == '\\' && i + 1 < n) {
                unit = escape(pattern.charAt(i + 1));
                i += 2;
            } else if (c == '.') {
                unit = "a";
                i++;
            } else {
                unit = String.valueOf(c);
                i++;
            }
            if (unit == null) {
                return null;
            }
            int times = 1;
            int most = 1;
            if (i < n && (pattern.charAt(i) == '*' || pattern.charAt(i) == '?')) {
                times = 0;
                most = pattern.charAt(i) == '*' ? Integer.MAX_VALUE : 1;
                i++;
            } else if (i < n && pattern.charAt(i) == '+') {
                most = Integer.MAX_VALUE;
                i++;
            } else if (i < n && pattern.charAt(i) == '{') {
                int end = pattern.indexOf('}', i);
                if (end < 0) {
                    return null;
                }
                String[] range = pattern.substring(i + 1, end).split(",", -1);
                try {
                    times = Integer.parseInt(range[0].trim());
                    most = range.length == 1
                            ? times
                            : range[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(range[1].trim());
                } catch (NumberFormatException e) {
                    return null;
                }
                i = end + 1;
            }
            int more = (int) Math.min((long) most - times, extra);
            extra -= more;
            times += more;
            out.append(unit.repeat(times));
        }
        return out.toString();
    }

    private static String escape(char e) {
        return switch (e) {
            case 'd' -> "1";
            case 'w' -> "a";
            case 's' -> " ";
            case 'D', 'W', 'S' -> "-";
            default -> String.valueOf(e);
        };
    }

    private static String classSample(String cls) {
        if (cls.startsWith("^")) {
            return "~".equals(cls.substring(1)) ? "a" : "~";
        }
        char c = cls.charAt(0);
        if (c == '\\' && cls.length() > 1) {
            return escape(cls.charAt(1));
        }
        return String.valueOf(c);
    }
}
