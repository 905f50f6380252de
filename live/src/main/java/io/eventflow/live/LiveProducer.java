package io.eventflow.live;

/** A producer client of one service instance. One thread sends; callbacks may come on the client's own thread. */
public interface LiveProducer {
    /**
     * A send the broker answered with a refusal, as opposed to one that failed on the way. When the connector knows
     * the refusal is the channel's own limit (a full queue that rejects new messages) it says so with {@code
     * overflow}, and the run counts the message as lost by {@code overflow}, as the simulator does; otherwise as
     * {@code network}.
     */
    final class Refused extends java.io.IOException {
        private static final long serialVersionUID = 1L;
        private final boolean overflow;

        public Refused(String message, boolean overflow) {
            super(message);
            this.overflow = overflow;
        }

        /** The channel refused it because it is full (its length limit with a reject overflow policy). */
        public boolean overflow() {
            return overflow;
        }
    }

    /** Outcome of one send. */
    @FunctionalInterface
    interface SendCallback {
        /**
         * Called once per send: {@code error} null when the broker acknowledged it (or, where nothing acknowledges,
         * when it was written to the connection), else why it failed after the client's own retries.
         */
        void done(Envelope sent, Throwable error);
    }

    /**
     * Sends {@code message} to {@code channel} with its ids and publish time as headers ({@link LiveHeaders}) and
     * its key as the record key or routing key. Does not wait for the acknowledgement.
     */
    void send(LiveChannel channel, Envelope message, SendCallback callback);

    /**
     * Whether the run sends a failed send to {@code channel} again per the design's producer {@code retry} (the same
     * message after the policy's backoff, as the simulator does). True by default: the client reports each failure
     * and does not send again by itself. False where the client applies the policy itself (Kafka: its own retries)
     * and where nothing acknowledges a send on the channel, so that a lost one is never known (the simulator never
     * retries those either).
     */
    default boolean resendsFailed(LiveChannel channel) {
        return true;
    }

    /**
     * Gets ready to send to {@code channel} (Kafka: fetches its metadata) so that the first send of the run does not
     * wait; the run calls it before publishing starts. The default does nothing.
     */
    default void prepare(LiveChannel channel) {}

    /** Waits until every send so far has its callback. */
    void flush();

    /** Closes cleanly, after the sends in progress complete. */
    void close();

    /** Dies abruptly (a crash): sends not yet acknowledged fail or vanish, nothing is flushed. */
    void kill();
}
