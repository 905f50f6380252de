package io.eventflow.simulator.internal;

import io.eventflow.simulator.kernel.Event;
import io.eventflow.simulator.random.SplitMix64;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.Collection;
import java.util.List;

/**
 * What a broker runtime sees of the run it takes part in: the clock and the event queue, the trace, the fate of
 * messages, the consumer side and the network. The engine ({@link Engine}) implements it; a runtime gets it from
 * {@link io.eventflow.simulator.internal.BrokerKindProvider#create} and reaches nothing else of the engine.
 */
public interface BrokerContext {
    // --- time and events

    /** The simulated time, in nanoseconds. */
    long now();

    /** Schedules {@code event} at {@code time} with {@code arg}. */
    void at(long time, Event event, long arg);

    /** Registers an event fired often, for {@link #at(long, int, long)}; returns its handle. */
    int register(Event event);

    /** Schedules the event registered as {@code handler} at {@code time} with {@code arg}. */
    void at(long time, int handler, long arg);

    /** The seeded random stream named {@code name}: the same name gives the same draws in every run of a seed. */
    SplitMix64 stream(String name);

    // --- trace

    /** True when someone listens to the trace: build trace events only then. */
    boolean tracing();

    void emit(TraceEvent event);

    // --- the fate of messages

    /**
     * A new message from {@code producer}, counted as published ({@code correlationId} -1 starts a new
     * conversation, {@code key} -1 for none). The runtime makes it owed and stores it itself.
     */
    Msg newMessage(Producer producer, long correlationId, long key);

    /** Sends (or re-sends) a message over its producer's link to its broker, as a producer would. */
    void send(Msg msg);

    /** Marks the message lost, with {@code cause}, for every group still waiting for it; traced at {@code where}. */
    void lose(Msg msg, String cause, String where);

    /** Marks the message lost for one group if it is still waiting for it. */
    void lose(SimGroup group, Msg msg, String cause);

    /**
     * {@code msg} arrives on {@code channel} other than by its publisher's send (a topic's copy for a subscribed queue,
     * a copy an exchange routes to another bound queue, a last will the broker publishes): a {@code tamper} fault on
     * that channel alters it as it alters what is published there. Call it once per arrival, with the copy the channel
     * keeps.
     */
    void tamperOn(SimChannel channel, Msg msg);

    /** Hands back a message nothing references any more, for reuse (see {@link Msg}). */
    void recycle(Msg msg);

    /** True when consumed messages must stay in logs (a replay may read them again). */
    boolean keepConsumed();

    /**
     * True when logs may move kept records that no reader changes any more to their compact archive ({@link MsgLog}):
     * the same records, less memory. Off only to measure the difference.
     */
    boolean archiveConsumed();

    // --- the consumer side

    /** Hands {@code msg} to the member's free worker {@code worker}: it crosses the link, then is processed. */
    void deliver(Member member, Worker worker, Msg msg, boolean replay, boolean redelivered);

    /** Puts {@code msg} on its way into the member's prefetch buffer (no free worker). */
    void toBuffer(Member member, Msg msg);

    /** The member may take more work: its buffer first, then the broker's {@link BrokerRuntime#pull}. */
    void next(Member member);

    /** Returned by {@link #ackDelay} when the network loses the acknowledgement. */
    long ACK_LOST = -1;

    /**
     * An acknowledgement (ack, commit, delete) leaves {@code member} for its broker over the consumer → broker link.
     * Returns when it arrives: 0 at once, a positive delay, or {@link #ACK_LOST} when the link loses it.
     */
    long ackDelay(Member member);

    /**
     * Sends {@code msg} to a dead-letter channel, or drops it when there is none: processing failures ({@code
     * rejected}) go to the subscription's dead-letter channel first, expiry and overflow to the channel's.
     * {@code group} may be null for a queue nobody consumes.
     */
    void deadLetter(SimChannel channel, SimGroup group, Msg msg, String reason);

    // --- the network

    /** The directed link between two elements (broker, service ids), created on first use. */
    Link link(String from, String to);

    /** Removes and returns the deliveries on their way to {@code member}'s buffer (its connection closed). */
    List<Msg> takeTravellingTo(Member member);

    /** The messages on their way to {@code member}, left where they are. */
    List<Msg> travellingTo(Member member);

    // --- the design as run

    /** Every group of the run, in the order they were built. */
    List<SimGroup> groups();

    /** The channel {@code id}, or null. */
    SimChannel channel(String id);

    /** Every channel of the run, in the order they were built. */
    Collection<SimChannel> channels();
}
