package io.eventflow.live;

import java.util.Map;
import java.util.Objects;

/**
 * A message as it travels: the ids and publish time that every kind carries in headers (see {@link LiveHeaders}),
 * the key, the payload, other headers, and where it was read from.
 *
 * @param messageId the run's message id (unique in the run; copies keep it)
 * @param correlationId the conversation's id, carried on by chained publications
 * @param publishedAtMicros wall-clock time of the first publish, microseconds since the epoch
 * @param key record key or routing key, or null
 * @param payload the body (JSON generated from the message's schema)
 * @param headers other headers, e.g. {@link LiveHeaders#POISON}, {@link LiveHeaders#DEAD_LETTER_GROUP}
 * @param partition where it was read from (Kafka partition), -1 when not read or not partitioned
 * @param offset its offset or sequence where read, -1 when unknown
 */
public record Envelope(
        long messageId,
        long correlationId,
        long publishedAtMicros,
        String key,
        byte[] payload,
        Map<String, String> headers,
        int partition,
        long offset) {
    public Envelope {
        Objects.requireNonNull(payload, "payload");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A message to send (not read from anywhere yet). */
    public static Envelope outgoing(
            long messageId,
            long correlationId,
            long publishedAtMicros,
            String key,
            byte[] payload,
            Map<String, String> headers) {
        return new Envelope(messageId, correlationId, publishedAtMicros, key, payload, headers, -1, -1);
    }

    /** The same message read at {@code partition}/{@code offset}. */
    public Envelope at(int newPartition, long newOffset) {
        return new Envelope(
                messageId, correlationId, publishedAtMicros, key, payload, headers, newPartition, newOffset);
    }

    public String header(String name) {
        return headers.get(name);
    }

    /**
     * Every header to put on the wire: the ids and time ({@link LiveHeaders}) plus {@link #headers()}, as text.
     */
    public Map<String, String> wireHeaders() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(LiveHeaders.MESSAGE_ID, Long.toString(messageId));
        m.put(LiveHeaders.CORRELATION_ID, Long.toString(correlationId));
        m.put(LiveHeaders.PUBLISHED_AT, Long.toString(publishedAtMicros));
        m.putAll(headers);
        return m;
    }

    /**
     * Reads a message from its wire headers (as {@link #wireHeaders()} wrote them); null when the ids are missing or
     * not numbers (a message this run did not send).
     */
    public static Envelope fromWire(Map<String, String> wire, String key, byte[] payload, int partition, long offset) {
        try {
            String id = wire.get(LiveHeaders.MESSAGE_ID);
            if (id == null) {
                return null;
            }
            long messageId = Long.parseLong(id);
            long corr = Long.parseLong(wire.getOrDefault(LiveHeaders.CORRELATION_ID, id));
            long at = Long.parseLong(wire.getOrDefault(LiveHeaders.PUBLISHED_AT, "0"));
            Map<String, String> rest = new java.util.LinkedHashMap<>(wire);
            rest.remove(LiveHeaders.MESSAGE_ID);
            rest.remove(LiveHeaders.CORRELATION_ID);
            rest.remove(LiveHeaders.PUBLISHED_AT);
            return new Envelope(
                    messageId, corr, at, key, payload == null ? new byte[0] : payload, rest, partition, offset);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
