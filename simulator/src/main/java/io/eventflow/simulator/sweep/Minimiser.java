package io.eventflow.simulator.sweep;

import io.eventflow.simulator.sweep.Setting.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the smallest value of one varied setting that meets the sweep's goal in at least the stated share of seeds,
 * for each combination of the other varied settings. By bisection (assuming that if a value meets the goal, every
 * larger one does too: more instances, partitions or nodes do not make things worse), trying about log2(values) + 1
 * values; or by trying every value.
 */
public final class Minimiser {
    /** How to search. */
    public enum Search {
        /** Bisection over the values, for a goal that holds from some value up. */
        BISECTION,
        /** Every value, for a goal that is not monotone in the setting. */
        SCAN
    }

    /**
     * The answer for one combination of the other settings.
     *
     * @param others the other settings' values, as a label ({@code (none)} when only one setting is varied)
     * @param answer the smallest value that meets the goal, with its summary; null when no value does
     * @param below the largest value tried below the answer that does not meet it (null when none), its evidence
     * @param tried every value tried, in the order tried
     */
    public record Answer(
            String others, CombinationResult answer, CombinationResult below, List<CombinationResult> tried) {
        public Answer {
            tried = List.copyOf(tried);
        }
    }

    /**
     * The result of the search.
     *
     * @param variation the minimised setting
     * @param search how it searched
     * @param answers one per combination of the other settings
     * @param sweep every run made (the combinations tried)
     */
    public record Result(Variation variation, Search search, List<Answer> answers, SweepResult sweep) {}

    private Minimiser() {}

    /**
     * Searches. The spec must have a goal, and {@code name} must be one of its variations.
     *
     * @throws SweepException when there is no goal or the setting is not varied
     */
    public static Result minimise(SweepRunner runner, String name, Search search, SweepRunner.Listener listener) {
        SweepSpec spec = runner.spec();
        if (spec.goal() == null) {
            throw new SweepException("--minimise needs a --goal");
        }
        int m = indexOf(spec.variations(), name);
        Variation variation = spec.variations().get(m);
        Map<String, List<Combination>> groups = new LinkedHashMap<>();
        for (Combination c : spec.combinations()) {
            groups.computeIfAbsent(othersLabel(spec.variations(), c, m), k -> new ArrayList<>())
                    .add(c);
        }
        List<Answer> answers = new ArrayList<>();
        List<CombinationResult> all = new ArrayList<>();
        long[] runs = {0, 0};
        double[] wall = {0};
        for (Map.Entry<String, List<Combination>> g : groups.entrySet()) {
            if (runner.cancelled()) {
                break;
            }
            Probe probe = new Probe(runner, g.getValue(), listener, runs, wall);
            answers.add(search == Search.SCAN ? scan(g.getKey(), probe) : bisect(g.getKey(), probe));
            all.addAll(probe.tried);
        }
        return new Result(variation, search, answers, new SweepResult(spec, all, runs[0], runs[1], wall[0]));
    }

    private static Answer bisect(String others, Probe p) {
        int n = p.combinations.size();
        int lo = -1; // the largest index known to fail (or none)
        int hi = n - 1;
        CombinationResult top = p.at(hi);
        if (top == null || !p.meets(top)) {
            return new Answer(others, null, top, p.tried);
        }
        CombinationResult best = top;
        CombinationResult below = null;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            CombinationResult r = p.at(mid);
            if (r == null) {
                break; // cancelled
            }
            if (p.meets(r)) {
                hi = mid;
                best = r;
            } else {
                lo = mid;
                below = r;
            }
        }
        return new Answer(others, best, below, p.tried);
    }

    private static Answer scan(String others, Probe p) {
        CombinationResult below = null;
        for (int i = 0; i < p.combinations.size(); i++) {
            CombinationResult r = p.at(i);
            if (r == null) {
                break;
            }
            if (p.meets(r)) {
                return new Answer(others, r, below, p.tried);
            }
            below = r;
        }
        return new Answer(others, null, below, p.tried);
    }

    /** Runs one value's combination for every seed, on demand. */
    private static final class Probe {
        final SweepRunner runner;
        final List<Combination> combinations;
        final SweepRunner.Listener listener;
        final long[] runs;
        final double[] wall;
        final List<CombinationResult> tried = new ArrayList<>();
        SweepResult last;

        Probe(SweepRunner runner, List<Combination> combinations, SweepRunner.Listener l, long[] runs, double[] wall) {
            this.runner = runner;
            this.combinations = combinations;
            this.listener = l;
            this.runs = runs;
            this.wall = wall;
        }

        /** The summary of the i-th value, or null when the sweep was cancelled before it finished. */
        CombinationResult at(int i) {
            long before = runs[0];
            SweepResult r = runner.run(
                    List.of(combinations.get(i)),
                    listener == null ? null : (done, total) -> listener.runDone(before + done, -1));
            runs[0] += r.runsDone();
            runs[1] += r.runsPlanned();
            wall[0] += r.wallSeconds();
            last = r;
            CombinationResult c = r.combinations().get(0);
            tried.add(c);
            return r.complete() ? c : null;
        }

        boolean meets(CombinationResult c) {
            return last.meetsGoal(c);
        }
    }

    private static int indexOf(List<Variation> variations, String name) {
        for (int i = 0; i < variations.size(); i++) {
            if (variations.get(i).name().equals(name)) {
                return i;
            }
        }
        List<String> names = variations.stream().map(Variation::name).toList();
        throw new SweepException("--minimise " + name + ": it is not varied; add --vary " + name
                + "=VALUES (the values to search)" + (names.isEmpty() ? "" : "; varied: " + String.join(", ", names)));
    }

    private static String othersLabel(List<Variation> variations, Combination c, int skip) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < variations.size(); i++) {
            if (i != skip) {
                Value v = c.values().get(i);
                b.append(b.isEmpty() ? "" : ", ")
                        .append(variations.get(i).name())
                        .append('=')
                        .append(v.text());
            }
        }
        return b.isEmpty() ? "(none)" : b.toString();
    }
}
