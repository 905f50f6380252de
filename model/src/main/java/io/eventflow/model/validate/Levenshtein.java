package io.eventflow.model.validate;

/** Edit distance, for "did you mean" hints. */
public final class Levenshtein {
    private Levenshtein() {}

    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The candidate closest to {@code word}, for a "did you mean" hint, or null when none is close (more than a third
     * of the word, and more than 2 edits, away). Ties go to the alphabetically first candidate.
     *
     * @param ignoreCase compare without regard to case (keys), or exactly (ids)
     */
    public static String closest(String word, java.util.Collection<String> candidates, boolean ignoreCase) {
        String w = ignoreCase ? word.toLowerCase(java.util.Locale.ROOT) : word;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : new java.util.TreeSet<>(candidates)) {
            int d = distance(w, ignoreCase ? c.toLowerCase(java.util.Locale.ROOT) : c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= Math.max(2, word.length() / 3) ? best : null;
    }
}
