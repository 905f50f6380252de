package io.eventflow.live;

/** Header names every kind puts on its messages (as text values). */
public final class LiveHeaders {
    /** The run's message id, a decimal number. */
    public static final String MESSAGE_ID = "ef-message-id";
    /** The correlation id, a decimal number, carried on by chained publications. */
    public static final String CORRELATION_ID = "ef-correlation-id";
    /** Wall-clock publish time of the original message, microseconds since the epoch. */
    public static final String PUBLISHED_AT = "ef-published-at";
    /** "1" on a message the scenario's {@code poison} fault made poison: its processing always fails. */
    public static final String POISON = "ef-poison";
    /** On a dead-letter copy: the report key of the group that gave up on it. */
    public static final String DEAD_LETTER_GROUP = "ef-dead-letter-group";
    /** On a dead-letter copy: the design id of the channel it was read from. */
    public static final String DEAD_LETTER_FROM = "ef-dead-letter-from";
    /** On a dead-letter copy: why ({@code maxAttempts}). */
    public static final String DEAD_LETTER_REASON = "ef-dead-letter-reason";

    /**
     * Read side only: on a message the broker's own dead-lettering moved (RabbitMQ dead-letter exchange: TTL expiry,
     * max length), the broker-side name of the queue it left. A kind sets it when it reads such a message.
     */
    public static final String BROKER_DEAD_LETTER_QUEUE = "ef-broker-dead-letter-queue";
    /** Read side only: why the broker dead-lettered it ({@code expired}, {@code maxlen}, {@code rejected}, ...). */
    public static final String BROKER_DEAD_LETTER_REASON = "ef-broker-dead-letter-reason";

    private LiveHeaders() {}
}
