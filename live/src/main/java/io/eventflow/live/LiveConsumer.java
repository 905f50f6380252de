package io.eventflow.live;

/** A consumer client of one service instance in its group; it owns one thread. */
public interface LiveConsumer {
    /** Starts reading (subscribes and begins its poll or receive loop on its own thread). */
    void start() throws LiveException;

    /**
     * True once it can receive: joined its group with partitions assigned (Kafka), subscribed (MQTT, JMS topics),
     * listening (Postgres). The run starts publishing when every consumer is ready or a timeout passes.
     */
    boolean ready();

    /**
     * Closes cleanly: finishes the batch in hand, commits per its {@link ConsumerSpec.Ack}, leaves the group, and
     * returns when its thread has ended.
     */
    void close();

    /**
     * Dies abruptly (a crash): stops at once, no commit or ack of what it held, no leave-group or close handshake
     * where the client allows it. A delivery being processed is abandoned. Returns when its thread has ended.
     */
    void kill();

    /**
     * Replays its group's position (scenario {@code replay}) where positions belong to each consumer (Kafka: every
     * instance of the group is told; each moves the partitions it holds), through {@link LiveServer#replay}'s
     * default. Kinds whose connector is not {@link LiveConnector#replayable} never get here (the run refuses the
     * replay up front); the default throws {@link UnsupportedOperationException}.
     */
    default void seek(Seek to) {
        throw new UnsupportedOperationException("replay is not supported by this kind");
    }

    /**
     * The open transaction the processing of the batch in hand joins, for a consumer whose group is exactly-once with
     * {@code mechanism: transactional} on a kind that runs it (Kafka); null otherwise (the default).
     */
    default LiveTransaction transaction() {
        return null;
    }

    /**
     * Where a replay moves a group: {@code earliest}, {@code latest}, {@code offset} (every partition to
     * {@code value}) or {@code time} ({@code value}: epoch milliseconds).
     */
    record Seek(String to, long value) {}
}
