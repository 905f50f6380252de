package io.eventflow.live.amqp;

import io.eventflow.live.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a message travels on RabbitMQ: the run's headers as AMQP headers (text), the key in {@code ef-key}. */
final class AmqpWire {
    /** The record key (routing uses the channel's routing key). */
    static final String KEY = "ef-key";
    /** The publisher's confirm sequence number (to match a basic.return with its send). */
    static final String SEQUENCE = "ef-publish-seq";

    private AmqpWire() {}

    static Map<String, Object> headers(Envelope message) {
        Map<String, Object> headers = new LinkedHashMap<>(message.wireHeaders());
        if (message.key() != null) {
            headers.put(KEY, message.key());
        }
        return headers;
    }

    /** The message from a delivery's headers; null for one this run did not send. */
    static Envelope read(Map<String, Object> amqpHeaders, byte[] body, long sequence) {
        if (amqpHeaders == null) {
            return null;
        }
        Map<String, String> wire = new LinkedHashMap<>();
        amqpHeaders.forEach((k, v) -> {
            if (v != null && !k.equals(SEQUENCE) && !k.startsWith("x-")) {
                wire.put(k, v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v.toString());
            }
        });
        String key = wire.remove(KEY);
        // dead-lettered by the broker (TTL, max length): the latest x-death entry says from which queue and why
        if (amqpHeaders.get("x-death") instanceof java.util.List<?> deaths
                && !deaths.isEmpty()
                && deaths.get(0) instanceof Map<?, ?> death) {
            Object queue = death.get("queue");
            Object reason = death.get("reason");
            if (queue != null) {
                wire.put(io.eventflow.live.LiveHeaders.BROKER_DEAD_LETTER_QUEUE, queue.toString());
                wire.put(
                        io.eventflow.live.LiveHeaders.BROKER_DEAD_LETTER_REASON,
                        reason == null ? "" : reason.toString());
            }
        }
        return Envelope.fromWire(wire, key, body, -1, sequence);
    }
}
