package io.eventflow.simulator.broker.internal;

/** Topic-exchange binding match: words separated by '.', '*' matches one word, '#' zero or more. */
final class TopicMatcher {
    private TopicMatcher() {}

    static boolean matches(String pattern, String key) {
        return match(pattern.split("\\.", -1), 0, key.split("\\.", -1), 0);
    }

    private static boolean match(String[] p, int i, String[] k, int j) {
        if (i == p.length) {
            return j == k.length;
        }
        if (p[i].equals("#")) {
            for (int s = j; s <= k.length; s++) {
                if (match(p, i + 1, k, s)) {
                    return true;
                }
            }
            return false;
        }
        if (j == k.length) {
            return false;
        }
        return (p[i].equals("*") || p[i].equals(k[j])) && match(p, i + 1, k, j + 1);
    }
}
