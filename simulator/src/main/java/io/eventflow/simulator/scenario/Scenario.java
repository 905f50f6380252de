package io.eventflow.simulator.scenario;

import java.util.List;

/**
 * A scenario: timed faults and actions at exact simulated times (nanoseconds), plus the run's seed and duration.
 *
 * @param design the design file named by the scenario (relative to the scenario file), or null
 * @param seed the seed, or null to take it from the command line (default 1)
 * @param duration simulated duration in nanoseconds, or null (default 60 s)
 */
public record Scenario(String design, Long seed, Long duration, List<Fault> faults, List<Action> actions) {
    public Scenario {
        faults = faults == null ? List.of() : List.copyOf(faults);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public static final Scenario EMPTY = new Scenario(null, null, null, List.of(), List.of());

    /** True when some action replays a group (then consumed messages must be kept). */
    public boolean replays() {
        return actions.stream().anyMatch(a -> a instanceof Action.Replay);
    }
}
