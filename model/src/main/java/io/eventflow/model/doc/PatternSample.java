package io.eventflow.model.doc;

/**
 * A string matching a simple regular expression: literals, escapes, character classes and quantifiers, with
 * anchors. Groups and alternations are not handled (null).
 */
final class PatternSample {
    private PatternSample() {}

    static String of(String pattern) {
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
            if (i < n && (pattern.charAt(i) == '*' || pattern.charAt(i) == '?')) {
                times = 0;
                i++;
            } else if (i < n && pattern.charAt(i) == '+') {
                i++;
            } else if (i < n && pattern.charAt(i) == '{') {
                int end = pattern.indexOf('}', i);
                if (end < 0) {
                    return null;
                }
                String[] range = pattern.substring(i + 1, end).split(",");
                times = Integer.parseInt(range[0].trim());
                i = end + 1;
            }
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
