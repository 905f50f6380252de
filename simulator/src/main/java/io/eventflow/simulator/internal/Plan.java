package io.eventflow.simulator.internal;

import io.eventflow.simulator.random.Backoff;
import io.eventflow.simulator.random.Delay;
import java.util.List;

/**
 * The design, resolved for running: ids checked, durations in nanoseconds, distributions as {@link Delay}s. Built
 * from a design by {@link DesignCompiler}; tests may also build one directly.
 */
public record Plan(String name, List<Broker> brokers, List<Channel> channels, List<Service> services) {
    public static final long NONE = Long.MAX_VALUE;

    public enum Acks {
        NONE,
        LEADER,
        ALL
    }

    public enum Guarantee {
        AT_MOST_ONCE,
        AT_LEAST_ONCE,
        EXACTLY_ONCE
    }

    public enum CommitMode {
        /** Commit the consumed position every {@code commitInterval}. */
        AUTO,
        /** Commit (or ack) after each processed message. */
        AFTER_PROCESSING
    }

    public enum Arrival {
        POISSON,
        CONSTANT
    }

    /**
     * A broker cluster; {@code kind} is the design's broker kind (its design-file word). {@code source} is the design's
     * broker (null when a test builds the plan), for kind-specific settings.
     */
    public record Broker(
            String id,
            String kind,
            int nodes,
            long failoverTime,
            long replicationLag,
            io.eventflow.model.design.Broker source) {}

    /**
     * A channel of the design on a broker the simulator runs. {@code source} is the design's channel: each broker
     * kind's runtime reads its own settings from it (its settings record).
     */
    public record Channel(
            String id, String broker, String deadLetterChannel, io.eventflow.model.design.Channel source) {}

    public record Retry(int maxAttempts, Backoff backoff) {
        public static final Retry NONE = new Retry(1, Backoff.fixed(0));
    }

    public record Producer(Acks acks, boolean idempotent, Retry retry, long requestTimeout) {
        public static final Producer DEFAULT = new Producer(Acks.ALL, false, Retry.NONE, 30_000_000_000L);
    }

    /**
     * {@code source} is the design's publication (null for replies and requests): broker kinds read their own settings
     * from it. A publication: either on its own ({@code perProcessed} false; rate per instance, per second) or one message
     * per processed message of the service (a chain carrying the correlation id on).
     */
    public record Publication(
            String channel,
            String message,
            boolean perProcessed,
            String from,
            double ratePerSecond,
            Arrival arrival,
            int keys,
            String routingKey,
            int sizeBytes,
            Shape shape,
            io.eventflow.model.design.Publication source,
            Signed signed) {}

    /**
     * The signing cost of a publication's messages (its message's signing on its channel): nanoseconds its producer
     * spends signing one, and a verifying consumer verifying one, at the type's size; {@code signing} gives the cost at
     * another size (messages carrying encoded examples). Null on a publication of unsigned messages.
     */
    public record Signed(long signNanos, long verifyNanos, io.eventflow.model.design.Signing signing) {}

    /** Time-varying rate: bursts (on for {@code on}, off for {@code off}) or a ramp to {@code rampTo}/s. */
    public record Shape(long on, long off, double rampTo, long rampOver) {
        public static final Shape STEADY = new Shape(0, 0, -1, 0);
    }

    public record Subscription(
            String channel,
            String group,
            Delay processing,
            int concurrency,
            int prefetch,
            Guarantee guarantee,
            boolean transactional,
            CommitMode commitMode,
            long commitInterval,
            Retry retry,
            String deadLetter,
            boolean startEarliest,
            long rebalancePause,
            String replyChannel,
            long dedupWindow,
            io.eventflow.model.design.Subscription source) {}

    /** Request/reply: send on {@code channel}, await the answer on {@code replyChannel}, retry on timeout. */
    public record Request(
            String channel,
            String replyChannel,
            double ratePerSecond,
            Arrival arrival,
            long timeout,
            Retry retry,
            int sizeBytes) {}

    public record Service(
            String id,
            int instances,
            List<Publication> publishes,
            List<Subscription> subscribes,
            Producer producer,
            List<Request> requests) {}

    public Channel channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    public Broker broker(String id) {
        return brokers.stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
    }
}
