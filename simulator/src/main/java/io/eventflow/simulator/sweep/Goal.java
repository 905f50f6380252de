package io.eventflow.simulator.sweep;

import io.eventflow.model.validate.Levenshtein;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on one run's report figures, e.g. {@code latencyMs.p99 < 200 and groups.billing.lost == 0}: comparisons
 * ({@code < <= > >= == !=}) of a figure path (as in the JSON report, see {@link Figures}) with a number, joined by
 * {@code and}, {@code or} ({@code and} binds tighter) and parentheses.
 */
public final class Goal {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\\(|\\)|<=|>=|==|!=|<|>|[A-Za-z_][A-Za-z0-9_.@:\\-]*|[-+]?[0-9][0-9_]*(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)");
    private final String text;
    private final Node root;

    private Goal(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses a goal.
     *
     * @throws SweepException saying where the goal stops making sense
     */
    public static Goal parse(String text) {
        List<String> tokens = tokens(text);
        Parser p = new Parser(text, tokens);
        Node n = p.or();
        if (p.at < tokens.size()) {
            throw p.error("expected 'and', 'or' or the end, found '" + tokens.get(p.at) + "'");
        }
        return new Goal(text.strip(), n);
    }

    /** The goal as written. */
    @Override
    public String toString() {
        return text;
    }

    /** The figure paths the goal reads, in the order written. */
    public Set<String> paths() {
        Set<String> out = new LinkedHashSet<>();
        root.paths(out);
        return out;
    }

    /**
     * Checks that every path names a figure.
     *
     * @throws SweepException for the first unknown one, with "did you mean"
     */
    public void check(Collection<String> figures) {
        for (String path : paths()) {
            if (!figures.contains(path)) {
                String close = Levenshtein.closest(path, figures, false);
                throw new SweepException("the goal's '" + path + "' is not a figure of the report"
                        + (close != null ? ": did you mean '" + close + "'?" : " (see docs/simulator.md)"));
            }
        }
    }

    /**
     * One comparison of the goal.
     *
     * @param path the figure
     * @param op {@code < <= > >= == !=}
     * @param value the number compared with
     */
    public record Clause(String path, String op, double value) {}

    /** The goal's comparisons, in the order written (a chart draws their values as goal lines). */
    public List<Clause> clauses() {
        List<Clause> out = new ArrayList<>();
        root.clauses(out);
        return out;
    }

    /** Whether one run's figures meet the goal; a figure the run did not report counts as 0. */
    public boolean test(Map<String, Double> figures) {
        return root.test(figures);
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (text.substring(at).isBlank()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                throw new SweepException("goal '" + text.strip() + "': cannot read '"
                        + text.substring(at).strip()
                        + "' (write e.g. latencyMs.p99 < 200 and groups.billing.lost == 0)");
            }
            out.add(m.group(1));
            at = m.end();
        }
        if (out.isEmpty()) {
            throw new SweepException("the goal is empty (write e.g. latencyMs.p99 < 200)");
        }
        return out;
    }

    private sealed interface Node {
        boolean test(Map<String, Double> f);

        void paths(Set<String> out);

        void clauses(List<Clause> out);
    }

    private record And(Node a, Node b) implements Node {
        public boolean test(Map<String, Double> f) {
            return a.test(f) && b.test(f);
        }

        public void paths(Set<String> out) {
            a.paths(out);
            b.paths(out);
        }

        public void clauses(List<Clause> out) {
            a.clauses(out);
            b.clauses(out);
        }
    }

    private record Or(Node a, Node b) implements Node {
        public boolean test(Map<String, Double> f) {
            return a.test(f) || b.test(f);
        }

        public void paths(Set<String> out) {
            a.paths(out);
            b.paths(out);
        }

        public void clauses(List<Clause> out) {
            a.clauses(out);
            b.clauses(out);
        }
    }

    private record Compare(String path, String op, double value) implements Node {
        public boolean test(Map<String, Double> f) {
            double x = f.getOrDefault(path, 0.0);
            return switch (op) {
                case "<" -> x < value;
                case "<=" -> x <= value;
                case ">" -> x > value;
                case ">=" -> x >= value;
                case "==" -> x == value;
                default -> x != value;
            };
        }

        public void paths(Set<String> out) {
            out.add(path);
        }

        public void clauses(List<Clause> out) {
            out.add(new Clause(path, op, value));
        }
    }

    private static final class Parser {
        final String text;
        final List<String> tokens;
        int at;

        Parser(String text, List<String> tokens) {
            this.text = text;
            this.tokens = tokens;
        }

        Node or() {
            Node n = and();
            while (peek("or")) {
                at++;
                n = new Or(n, and());
            }
            return n;
        }

        Node and() {
            Node n = atom();
            while (peek("and")) {
                at++;
                n = new And(n, atom());
            }
            return n;
        }

        Node atom() {
            String t = next("a figure such as latencyMs.p99");
            if (t.equals("(")) {
                Node n = or();
                if (!")".equals(next("')'"))) {
                    throw error("expected ')'");
                }
                return n;
            }
            if (!Character.isLetter(t.charAt(0)) && t.charAt(0) != '_') {
                throw error("expected a figure such as latencyMs.p99, found '" + t + "'");
            }
            String op = next("a comparison (< <= > >= == !=) after '" + t + "'");
            if (!List.of("<", "<=", ">", ">=", "==", "!=").contains(op)) {
                throw error("expected a comparison (< <= > >= == !=) after '" + t + "', found '" + op + "'");
            }
            String number = next("a number after '" + t + " " + op + "'");
            try {
                return new Compare(t, op, Double.parseDouble(number.replace("_", "")));
            } catch (NumberFormatException e) {
                throw error("expected a number after '" + t + " " + op + "', found '" + number + "'");
            }
        }

        boolean peek(String word) {
            return at < tokens.size() && tokens.get(at).toLowerCase(Locale.ROOT).equals(word);
        }

        String next(String expected) {
            if (at >= tokens.size()) {
                throw error("expected " + expected + " at the end");
            }
            return tokens.get(at++);
        }

        SweepException error(String message) {
            return new SweepException("goal '" + text.strip() + "': " + message);
        }
    }
}
