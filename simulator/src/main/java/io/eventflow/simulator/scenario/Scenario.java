package io.eventflow.simulator.scenario;

import java.util.List;

/**
 * A scenario: timed faults and actions at exact simulated times (nanoseconds), plus the run's seed and duration.
 *
 * @param design the design file named by the scenario (relative to the scenario file), or null
 * @param seed the seed, or null to take it from the command line (default 1)
 * @param duration simulated duration in nanoseconds, or null (default 60 s)
 * @param payloads what the run's messages carry: {@link Payloads#FIXED} (the default) or {@link Payloads#ENCODED}
 */
public record Scenario(
        String design, Long seed, Long duration, List<Fault> faults, List<Action> actions, Payloads payloads) {
    /** What a simulated message carries (the scenario's {@code payloads} key). */
    public enum Payloads {
        /** Every message of a type has the type's one size ({@code sizeBytes}, else its example's, else 1 KiB). */
        FIXED,
        /**
         * Each message carries one of a pool of encoded examples of its type, drawn from the run's seed, so that
         * byte-based limits act on real, varying sizes.
         */
        ENCODED
    }

    public Scenario {
        faults = faults == null ? List.of() : List.copyOf(faults);
        actions = actions == null ? List.of() : List.copyOf(actions);
        payloads = payloads == null ? Payloads.FIXED : payloads;
    }

    /** A scenario whose messages have fixed sizes. */
    public Scenario(String design, Long seed, Long duration, List<Fault> faults, List<Action> actions) {
        this(design, seed, duration, faults, actions, Payloads.FIXED);
    }

    public static final Scenario EMPTY = new Scenario(null, null, null, List.of(), List.of());

    /** True when some action replays a group (then consumed messages must be kept). */
    public boolean replays() {
        return actions.stream().anyMatch(a -> a instanceof Action.Replay);
    }
}
