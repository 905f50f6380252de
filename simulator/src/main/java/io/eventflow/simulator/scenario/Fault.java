package io.eventflow.simulator.scenario;

/** A fault injected at time {@code at()} (nanoseconds); {@code duration} is -1 when it lasts to the end. */
public sealed interface Fault {
    long at();

    /** The scenario-file kind, e.g. {@code broker-crash}. */
    String kind();

    /** Consumer instance crash; {@code instance} null crashes every instance; {@code restartAfter} -1: never. */
    record Crash(long at, String target, Integer instance, long restartAfter) implements Fault {
        public String kind() {
            return "crash";
        }
    }

    /** Broker node crash (a partitioned log: leader failover; others: broker down). */
    record BrokerCrash(long at, String target, int node, long restartAfter) implements Fault {
        public String kind() {
            return "broker-crash";
        }
    }

    /** Network partition between two elements, both directions. */
    record Partition(long at, String a, String b, long duration) implements Fault {
        public String kind() {
            return "partition";
        }
    }

    /** Extra delay with uniform jitter (±jitter) on the directed link {@code from → to}. */
    record Latency(long at, String from, String to, long delay, long jitter, long duration) implements Fault {
        public String kind() {
            return "latency";
        }
    }

    /** A bandwidth limit in bytes per second on a directed link: messages queue behind each other. */
    record Bandwidth(long at, String from, String to, double bytesPerSecond, long duration) implements Fault {
        public String kind() {
            return "bandwidth";
        }
    }

    /** Drops {@code percent} % of the messages on a directed link. */
    record Drop(long at, String from, String to, double percent, long duration) implements Fault {
        public String kind() {
            return "drop";
        }
    }

    /** Delivers {@code percent} % of the messages on a directed link twice. */
    record Duplicate(long at, String from, String to, double percent, long duration) implements Fault {
        public String kind() {
            return "duplicate";
        }
    }

    /** Holds back {@code percent} % of the messages on a directed link by {@code window}, so later ones overtake. */
    record Reorder(long at, String from, String to, double percent, long window, long duration) implements Fault {
        public String kind() {
            return "reorder";
        }
    }

    /** Multiplies a service's processing times by {@code factor}; {@code instance} null: all instances. */
    record Slow(long at, String target, Integer instance, double factor, long duration) implements Fault {
        public String kind() {
            return "slow";
        }
    }

    /** Makes {@code percent} % of the messages published on a channel poison: their processing always fails. */
    record Poison(long at, String target, double percent, long duration) implements Fault {
        public String kind() {
            return "poison";
        }
    }

    /**
     * Alters {@code percent} % of the messages published on channel {@code target}, or sent over the directed link
     * {@code from → to} (then {@code target} is null): consumers that verify signed messages reject them, the others
     * process them as if nothing happened.
     */
    record Tamper(long at, String target, String from, String to, double percent, long duration) implements Fault {
        public String kind() {
            return "tamper";
        }
    }

    /** Retention pressure: the channel's log may hold at most {@code bytes}; the oldest are evicted. */
    record DiskLimit(long at, String target, long bytes, long duration) implements Fault {
        public String kind() {
            return "retention";
        }
    }
}
