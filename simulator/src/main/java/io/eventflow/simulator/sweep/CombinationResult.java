package io.eventflow.simulator.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The summary of one combination's runs so far: every figure's distribution over seeds and the goal's share. */
public final class CombinationResult {
    private final Combination combination;
    private final String label;
    private final Map<String, FigureSummary> figures = new LinkedHashMap<>();
    private long runs;
    private long goalMet;
    private long violations;

    CombinationResult(Combination combination, String label) {
        this.combination = combination;
        this.label = label;
    }

    void add(RunResult r, Goal goal) {
        runs++;
        r.figures().forEach((path, v) -> figures.computeIfAbsent(path, p -> new FigureSummary(Figures.isMillis(p)))
                .add(v));
        if (goal != null && goal.test(r.figures())) {
            goalMet++;
        }
        if (!r.ok()) {
            violations++;
        }
    }

    public Combination combination() {
        return combination;
    }

    /** {@code billing.instances=3, orders.partitions=6}. */
    public String label() {
        return label;
    }

    /** Runs summarised. */
    public long runs() {
        return runs;
    }

    /** Runs whose figures met the goal. */
    public long goalMet() {
        return goalMet;
    }

    /** The share of runs that met the goal (0 when none ran). */
    public double goalShare() {
        return runs == 0 ? 0 : (double) goalMet / runs;
    }

    /** Runs in which an invariant (conservation) did not hold. */
    public long violations() {
        return violations;
    }

    /** The figure paths, in the order of the report. */
    public Set<String> figureNames() {
        return figures.keySet();
    }

    /** The distribution of a figure over the runs, or null when no run reported it. */
    public Stats stats(String path) {
        FigureSummary s = figures.get(path);
        return s == null ? null : s.stats(runs);
    }
}
