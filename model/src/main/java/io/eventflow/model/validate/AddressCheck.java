package io.eventflow.model.validate;

import io.eventflow.model.design.LintSettings;
import java.util.regex.Pattern;

/**
 * Checks channel addresses against the naming convention (EF012) without letting user text crash or hang the lint:
 * the default convention is checked by hand (no regular expression, so no recursion on long input); a user's pattern
 * runs on a character sequence that counts its reads and stops the match after {@link #MAX_STEPS} of them
 * (catastrophic backtracking), and on addresses of at most {@link #MAX_LENGTH} characters.
 */
final class AddressCheck {
    /** The longest address checked against a pattern; longer ones break the convention by their length alone. */
    static final int MAX_LENGTH = 1000;
    /** The most characters a user's pattern may read while matching one address. */
    static final long MAX_STEPS = 1_000_000;

    /** The outcome of one check. */
    enum Outcome {
        MATCHES,
        DOES_NOT_MATCH,
        TOO_LONG,
        TOO_COSTLY
    }

    private AddressCheck() {}

    static Outcome check(Pattern pattern, String address) {
        if (address.length() > MAX_LENGTH) {
            return Outcome.TOO_LONG;
        }
        if (pattern.pattern().equals(LintSettings.DEFAULT_ADDRESS_PATTERN)) {
            return matchesDefault(address) ? Outcome.MATCHES : Outcome.DOES_NOT_MATCH;
        }
        try {
            return pattern.matcher(new Budgeted(address, MAX_STEPS)).matches()
                    ? Outcome.MATCHES
                    : Outcome.DOES_NOT_MATCH;
        } catch (BudgetExceeded | StackOverflowError e) {
            return Outcome.TOO_COSTLY;
        }
    }

    /**
     * {@link LintSettings#DEFAULT_ADDRESS_PATTERN} by hand: lower-case words separated by {@code . _ / -}, starting
     * with a letter, a digit or a placeholder, with {@code {parameter}} placeholders ({@code [A-Za-z_][A-Za-z0-9_]*}).
     */
    static boolean matchesDefault(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int i = 0;
        boolean first = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '{') {
                int end = placeholderEnd(s, i);
                if (end < 0) {
                    return false;
                }
                i = end;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                i++;
            } else if (!first && (c == '.' || c == '_' || c == '/' || c == '-')) {
                i++;
            } else {
                return false;
            }
            first = false;
        }
        return true;
    }

    /** The index after a placeholder starting at {@code open}, or -1 when there is none. */
    private static int placeholderEnd(String s, int open) {
        int i = open + 1;
        if (i >= s.length() || !(Character.isLetter(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == '_')) {
            return -1;
        }
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!word) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /** Thrown when a match has read more characters than its budget. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("regular expression step budget exceeded", null, false, false);
        }
    }

    /** A character sequence that counts its reads and throws {@link BudgetExceeded} past a budget. */
    static final class Budgeted implements CharSequence {
        private final String s;
        private final long[] left;

        Budgeted(String s, long budget) {
            this(s, new long[] {budget});
        }

        private Budgeted(String s, long[] left) {
            this.s = s;
            this.left = left;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new BudgetExceeded();
            }
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(s.substring(start, end), left);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
