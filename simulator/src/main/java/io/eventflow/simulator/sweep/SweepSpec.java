package io.eventflow.simulator.sweep;

import io.eventflow.model.design.Design;
import io.eventflow.simulator.scenario.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * What a sweep runs: a design (and scenario) for every seed of a range and every combination of the varied settings.
 *
 * @param design the design as it is
 * @param scenario faults and actions (null: none)
 * @param variations the varied settings (empty: the design as it is)
 * @param seeds the seeds
 * @param duration simulated nanoseconds per run (null: the scenario's, else the simulator's default)
 * @param messages stop publishing after this many messages (null: no limit)
 * @param goal what a run must meet (null: none)
 * @param share the share of seeds that must meet the goal for a combination to meet it (0 to 1)
 */
public record SweepSpec(
        Design design,
        Scenario scenario,
        List<Variation> variations,
        Seeds seeds,
        Long duration,
        Long messages,
        Goal goal,
        double share) {
    /** More runs than this is a typing mistake. */
    public static final long MAX_RUNS = 10_000_000;
    /** The share of seeds that must meet a goal unless told otherwise. */
    public static final double DEFAULT_SHARE = 0.95;

    public SweepSpec {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(seeds, "seeds");
        variations = List.copyOf(variations);
        if (!(share > 0 && share <= 1)) {
            throw new SweepException("the share of seeds that must meet the goal must be above 0% and at most 100%");
        }
    }

    /** Every combination of the variations. */
    public List<Combination> combinations() {
        List<Combination> all = Combination.expand(variations);
        if ((double) all.size() * seeds.count() > MAX_RUNS) {
            throw new SweepException(
                    all.size() + " combinations x " + seeds.count() + " seeds is more than " + MAX_RUNS + " runs");
        }
        return all;
    }

    /**
     * A range of seeds, both ends included.
     *
     * @param first first seed
     * @param last last seed
     */
    public record Seeds(long first, long last) {
        public Seeds {
            if (last < first) {
                throw new SweepException("the seed range " + first + ".." + last + " ends before it starts");
            }
            if (last - first >= MAX_RUNS) {
                throw new SweepException("more than " + MAX_RUNS + " seeds");
            }
        }

        public long count() {
            return last - first + 1;
        }

        /** Parses {@code 1..100} or a single seed {@code 42}. */
        public static Seeds parse(String text) {
            String s = text.strip();
            int range = s.indexOf("..");
            try {
                if (range < 0) {
                    long one = Long.parseLong(s);
                    return new Seeds(one, one);
                }
                return new Seeds(
                        Long.parseLong(s.substring(0, range).strip()),
                        Long.parseLong(s.substring(range + 2).strip()));
            } catch (NumberFormatException e) {
                throw new SweepException("'" + text + "' is not a seed or a range of seeds such as 1..100");
            }
        }

        @Override
        public String toString() {
            return first == last ? Long.toString(first) : first + ".." + last;
        }
    }
}
