package io.eventflow.live;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A running broker for a live run: an embedded server this process started, or a connection to the user's. It
 * creates the run's topology, makes the clients and reads state back through the kind's admin API. Every method may
 * be called from any thread; clients it makes are used by one thread each.
 */
public interface LiveServer extends AutoCloseable {
    /** For messages and the report: what it is and where, never credentials (e.g. "embedded Kafka 4.4.0, 3 nodes"). */
    String describe();

    /** True when this process started the server (it stops with {@link #close()}). */
    boolean embedded();

    /**
     * Creates what {@code channels} need (topics, queues, exchanges, bindings, dead-letter routes) under their
     * {@link LiveChannel#name()}s. Refuses (naming the channel) to use anything that exists already and was not made by
     * this run, unless the channel maps to an existing name on purpose ({@link LiveChannel#existing()}).
     */
    void createTopology(List<LiveChannel> channels) throws LiveException;

    /** Deletes what {@link #createTopology} created, and nothing else. */
    void deleteTopology() throws LiveException;

    /** A producer for one service instance. */
    LiveProducer producer(ProducerSpec spec) throws LiveException;

    /**
     * A consumer for one service instance in its group. It starts reading at {@link LiveConsumer#start()} and hands
     * every delivery to {@code handler} on its own thread.
     */
    LiveConsumer consumer(ConsumerSpec spec, DeliveryHandler handler) throws LiveException;

    /**
     * Admin read-back: messages stored on {@code channel} and not yet committed/acked by {@code group} (its lag or
     * queue depth). Cheap enough to sample a few times a second; -1 when the kind cannot tell.
     */
    long depth(LiveChannel channel, String group) throws LiveException;

    /**
     * Admin read-back at the end of a run, with the group's consumers closed: the message ids still on the broker for
     * {@code group} (not committed, not acked, not deleted).
     */
    Set<Long> pending(LiveChannel channel, String group) throws LiveException;

    /**
     * Admin read-back at the end of a run: owed message ids the broker itself dropped for {@code group} on
     * {@code channel}, each with the report's loss cause ({@code notSubscribed}, {@code overflow}, {@code trimmed},
     * {@code notListening}, {@code qos0}, ...), as far as the kind can tell. The run uses them to explain messages
     * that are neither processed, dead-lettered nor pending. The default knows of none.
     */
    default Map<Long, String> losses(LiveChannel channel, String group) throws LiveException {
        return Map.of();
    }

    /**
     * A scenario {@code replay}: moves {@code group}'s position on {@code channel} once for the whole group.
     * {@code consumers} are the group's consumers on the channel now. The default tells each consumer to move what it
     * holds ({@link LiveConsumer#seek}: a Kafka consumer its assigned partitions); a kind whose position belongs to
     * the group on the broker (Redis streams: XGROUP SETID) sets it once. Only called on channels the kind's
     * connector calls {@link LiveConnector#replayable}.
     */
    default void replay(LiveChannel channel, String group, LiveConsumer.Seek to, java.util.List<LiveConsumer> consumers)
            throws LiveException {
        consumers.forEach(c -> c.seek(to));
    }

    /**
     * At the end of a run: messages the broker itself removed from {@code channel} (Redis: entries MAXLEN trimmed,
     * read or not: the report's {@code channels.C.evicted}); -1 when the kind has no such thing or cannot tell.
     */
    default long evicted(LiveChannel channel) throws LiveException {
        return -1;
    }

    /**
     * Figures of the report this kind cannot measure for {@code channels} although the design makes them possible,
     * one sentence each naming the channel and the figure (e.g. TTL expiry without a dead-letter exchange, which
     * RabbitMQ reports to no client). The run adds them to its notes, so that a 0 in the report is not read as
     * measured. Empty by default.
     */
    default List<String> unmeasured(List<LiveChannel> channels) {
        return List.of();
    }

    /**
     * Reads what is stored on {@code channel} (a dead-letter channel at the end of a run, or for a re-drive), in
     * order. Logs (Kafka, streams) read without removing; queues may remove what they return (then a re-drive is a
     * move). Only messages carrying {@link LiveHeaders#MESSAGE_ID} are returned.
     */
    List<Envelope> readBack(LiveChannel channel) throws LiveException;

    /**
     * The fault proxy's links between the design's service {@code service} and this server, one per node (see
     * {@link LiveConnector#start(io.eventflow.model.design.Broker, Endpoint, LiveOptions, List)}); empty when the
     * service's clients connect directly.
     */
    default List<io.eventflow.live.proxy.ProxyLink> links(String service) {
        return List.of();
    }

    /**
     * Crashes node {@code node} (0-based) of a server this run started: it stops abruptly, clients see their
     * connections to it fail. Kinds that cannot say so ({@link LiveConnector#crashesNodes()} false).
     */
    default void crashNode(int node) throws LiveException {
        throw new LiveException(describe() + ": broker crashes are not run live on this kind");
    }

    /** Starts a node crashed by {@link #crashNode} again, with what it had stored. */
    default void restartNode(int node) throws LiveException {
        throw new LiveException(describe() + ": broker crashes are not run live on this kind");
    }

    /** Stops an embedded server, or disconnects the admin client from the user's; never deletes topology. */
    @Override
    void close();
}
