package io.eventflow.simulator.sweep;

import java.util.List;

/**
 * What a sweep found: one summary per combination, in the order of the combinations.
 *
 * @param spec what was run
 * @param combinations the summaries (combinations that were to run, possibly with fewer runs when cancelled)
 * @param runsDone runs summarised
 * @param runsPlanned runs the sweep was to make
 * @param wallSeconds wall-clock time taken
 */
public record SweepResult(
        SweepSpec spec, List<CombinationResult> combinations, long runsDone, long runsPlanned, double wallSeconds) {
    public SweepResult {
        combinations = List.copyOf(combinations);
    }

    /** Whether every planned run finished (false after a cancel). */
    public boolean complete() {
        return runsDone == runsPlanned;
    }

    /** Whether the combination meets the goal: at least the spec's share of its seeds met it (false without goal). */
    public boolean meetsGoal(CombinationResult c) {
        return spec.goal() != null && c.runs() > 0 && c.goalMet() >= Math.ceil(spec.share() * c.runs() - 1e-9);
    }

    /** Runs in which an invariant did not hold, over all combinations. */
    public long violations() {
        return combinations.stream().mapToLong(CombinationResult::violations).sum();
    }
}
