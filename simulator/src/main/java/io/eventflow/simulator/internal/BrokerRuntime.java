package io.eventflow.simulator.internal;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * One broker kind's semantics: the broker contract. The kernel and the message bookkeeping never depend on a kind; a
 * new kind implements this interface (plus {@link Requeues} and {@link Seekable} if its protocol has them), sees the
 * run only through the {@link BrokerContext} it is created with, and registers a
 * {@link io.eventflow.simulator.internal.BrokerKindProvider}.
 */
public interface BrokerRuntime {
    /** Result of {@link #store}. */
    enum StoreResult {
        STORED,
        /** Already stored (idempotent producer): acknowledged, not stored again. */
        DUPLICATE_IGNORED,
        UNAVAILABLE,
        NOT_ENOUGH_REPLICAS,
        REJECTED_OVERFLOW
    }

    String id();

    /**
     * True when all subscriptions of {@code channel} compete for one queue (queue kinds); false when each group
     * gets every message (consumer groups of a log; topics).
     */
    default boolean oneQueuePerChannel(SimChannel channel) {
        return false;
    }

    /**
     * The routing key of a message published on {@code channel} whose publication names none (kinds that route by key
     * read it from {@link Msg#routingKey}); by default the channel's address.
     */
    default String defaultRoutingKey(SimChannel channel) {
        return channel.spec.source().effectiveAddress();
    }

    /** Called once per channel on this broker, before any group. */
    void attachChannel(SimChannel channel);

    /** Called once per group subscribing to a channel on this broker, after its members exist. */
    void attachGroup(SimGroup group);

    /** Called when every channel and group is attached, before the first event. */
    default void start() {}

    /**
     * The groups a message published on its channel is owed to (e.g. the queues whose binding matches). The list
     * may be cached and shared: do not modify it.
     */
    List<SimGroup> targetGroups(Msg msg);

    /**
     * True when a publish on {@code channel} is acknowledged, so a producer learns of a lost or refused send and may
     * retry it; false for fire and forget (QoS 0): then it is lost ({@code qos0}) whatever the retry policy says.
     */
    default boolean confirmsPublish(SimChannel channel) {
        return true;
    }

    /**
     * A {@code drop} on the producer's link lost one of its sends (the send fails as it would anyway). A kind whose
     * clients see a lossy link as a reset of their connection sets {@link Producer#offlineUntil}: its sends fail until
     * it is connected again.
     */
    default void publishDropped(Producer producer) {}

    /** Stores a message that reached the broker. */
    StoreResult store(Msg msg);

    /** A member has a free worker (or became active): hand it work if there is any. */
    void pull(Member member);

    /** The member's worker finished with its message (processed, dead-lettered or dropped): ack or commit. */
    void settled(Member member, Worker worker, Msg msg);

    /**
     * Messages this broker lost that were owed to no group (e.g. published to a fan-out topic no queue subscribes to),
     * by loss cause; they appear in the report's {@code lostByCause} only.
     */
    default Map<String, Long> unownedLosses() {
        return Map.of();
    }

    /** Returned by {@link #deliveryLost} when the broker deals with the lost delivery itself. */
    long TAKEN_BACK = -1;

    /**
     * The network lost a delivery of {@code msg} to {@code member} (a {@code drop} or {@code partition} on the broker →
     * consumer link): the consumer never got it. Each kind recovers the way its protocol does. Returns the delay after
     * which the same worker gets it again over the link, flagged redelivered (a log consumer re-fetches after the request
     * timeout), or {@link #TAKEN_BACK} when the broker deals with it: loses it, keeps it unacknowledged until it
     * redelivers it, or leaves it pending; the worker is then free. The extra copy of a {@code duplicate} fault
     * ({@link Msg#duplicateCopy}) is never passed here: losing it changes nothing.
     */
    long deliveryLost(Member member, Msg msg);

    /** The member's instance crashed (or was scaled in); {@code held} is what it was holding. */
    void memberDown(Member member, List<Msg> held, boolean crash);

    /**
     * The instance owning publication {@code producer} stopped: crashed ({@code crash}) or scaled in. Lets a kind act
     * for the client, e.g. publish a last will.
     */
    default void publisherDown(Producer producer, boolean crash) {}

    /** The member's instance (re)started or was scaled out. */
    void memberUp(Member member);

    /** Broker node crash ({@code up} false) or restart. */
    void node(int node, boolean up);

    /** Removes and returns the messages currently in a dead-letter channel, for a re-drive. */
    List<Msg> drain(SimChannel channel);

    /** Limits the channel's stored bytes (retention pressure), or lifts the limit with {@code Long.MAX_VALUE}. */
    default void diskLimit(SimChannel channel, long bytes) {}

    /** Adds the ids of messages physically held for the group (queued, in a partition unread) to {@code out}. */
    void collectHeld(SimGroup group, BitSet out);

    /** Depth per partition or per queue for snapshots. */
    long[] depths(SimChannel channel);

    /** The node leading each partition ({@code -1} while a partition is offline); empty for brokers without them. */
    default int[] leaders(SimChannel channel) {
        return new int[0];
    }

    /**
     * A kind whose consumers hand a failed message back to the broker (nack with requeue, pending
     * entries, a visibility timeout) instead of retrying it in place on the worker, which is what the other kinds do.
     */
    interface Requeues {
        /** The member failed processing and gives the message back to the queue, to be redelivered later. */
        void requeue(Member member, Msg msg);

        /**
         * True when a failed processing is simply not acknowledged and the broker redelivers the message by itself
         * later (after a visibility timeout) to {@code group}; the subscription's retry policy then does not
         * apply. The worker hands the message back through {@link #requeue} at once.
         */
        default boolean keepsFailed(SimGroup group) {
            return false;
        }
    }

    /** A kind with a log or stream a group can read again (a partitioned log, a stream): the target of a replay. */
    interface Seekable {
        /** Moves a group's read position. {@code mode} is earliest, latest, offset or time. */
        void seek(SimGroup group, String mode, long value);
    }
}
