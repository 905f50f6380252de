package io.eventflow.simulator.scenario;

/** An operator action at time {@code at()} (nanoseconds). */
public sealed interface Action {
    long at();

    String kind();

    /**
     * Moves a group's position: {@code to} is earliest, latest, offset (then {@code value} is the offset in every
     * partition) or time (then {@code value} is a simulated time in nanoseconds).
     */
    record Replay(long at, String group, String channel, String to, long value) implements Action {
        public String kind() {
            return "replay";
        }
    }

    /** Moves the messages in a dead-letter channel back to a channel; they are owed again. */
    record Redrive(long at, String from, String to) implements Action {
        public String kind() {
            return "redrive";
        }
    }

    /** Sets the number of running instances of a service (consumers rebalance; producers publish more). */
    record Scale(long at, String target, int instances) implements Action {
        public String kind() {
            return "scale";
        }
    }

    /** Changes a service's publishing rate on a channel (per instance, messages per second). */
    record Rate(long at, String target, String channel, double perSecond) implements Action {
        public String kind() {
            return "rate";
        }
    }
}
