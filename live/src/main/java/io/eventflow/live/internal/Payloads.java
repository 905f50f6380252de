package io.eventflow.live.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.doc.ExampleGenerator;
import io.eventflow.model.schema.Example;
import io.eventflow.model.schema.PayloadSchemas;
import io.eventflow.model.schema.SchemaFormat;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Message bodies from the message types' schemas: one example per type ({@link ExampleGenerator}, valid against the
 * schema), with the publication's key field set to the message's key value; Avro and Protobuf types send the example
 * made from their schema, encoded as they are on the wire ({@link PayloadSchemas}). Thread-safe.
 */
final class Payloads {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Design design;
    private final Map<String, JsonNode> examples = new HashMap<>();
    /** Serialized examples for messages without a key field to set (shared: never modified). */
    private final Map<String, byte[]> plain = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Per message type, its Avro or Protobuf example's bytes, or {@link #NOT_ENCODED} for JSON: looked up once, not
     * per message (the design's message list was scanned and the schema checked on every send).
     */
    private final Map<String, byte[]> encodedByType = new java.util.concurrent.ConcurrentHashMap<>();

    private static final byte[] NOT_ENCODED = new byte[0];

    Payloads(Design design) {
        this.design = design;
    }

    /** The message type a publication sends: the one named, else the channel's first. */
    static String messageOf(Design d, String messageId, String channelId) {
        if (messageId != null) {
            return messageId;
        }
        return d.channel(channelId)
                .map(Channel::messages)
                .filter(m -> !m.isEmpty())
                .map(m -> m.get(0))
                .orElse(null);
    }

    private synchronized JsonNode example(String messageId) {
        return examples.computeIfAbsent(messageId, id -> {
            JsonNode schema = design.message(id).map(MessageType::payload).orElse(null);
            return schema == null ? JSON.createObjectNode() : ExampleGenerator.generate(schema);
        });
    }

    /**
     * The key value as text for key number {@code n} of {@code field}: a UUID where the schema says
     * {@code format: uuid}, the number where it is a number, else {@code key-n}.
     */
    String key(String messageId, String field, long n) {
        JsonNode prop = property(messageId, field);
        if (prop != null && "uuid".equals(prop.path("format").asText())) {
            return new UUID(0x0000_0000_0000_4000L, 0x8000_0000_0000_0000L | n).toString();
        }
        if (prop != null
                && ("integer".equals(prop.path("type").asText())
                        || "number".equals(prop.path("type").asText()))) {
            return Long.toString(n);
        }
        return "key-" + n;
    }

    private JsonNode property(String messageId, String field) {
        if (messageId == null || field == null) {
            return null;
        }
        JsonNode schema = design.message(messageId).map(MessageType::payload).orElse(null);
        return schema == null ? null : schema.path("properties").get(field);
    }

    /** The body: the type's example with {@code field} set to {@code key} (when both are given). */
    byte[] body(String messageId, String field, String key) {
        byte[] encoded = null;
        if (messageId != null) {
            encoded = encodedByType.computeIfAbsent(messageId, id -> {
                byte[] e = encoded(id);
                return e == null ? NOT_ENCODED : e;
            });
            if (encoded == NOT_ENCODED) {
                encoded = null;
            }
        }
        if (encoded != null) {
            return encoded; // Avro, Protobuf: the example's bytes as the format sends them (the key travels apart)
        }
        if (field == null || key == null) {
            return plain.computeIfAbsent(
                    messageId == null ? "" : messageId,
                    id -> serialize(messageId == null ? JSON.createObjectNode() : example(messageId)));
        }
        JsonNode ex = messageId == null ? JSON.createObjectNode() : example(messageId);
        JsonNode out = ex;
        if (field != null && key != null && ex instanceof ObjectNode o) {
            ObjectNode copy = o.deepCopy();
            JsonNode prop = property(messageId, field);
            if (prop != null && "integer".equals(prop.path("type").asText())) {
                copy.put(field, Long.parseLong(key));
            } else if (prop != null && "number".equals(prop.path("type").asText())) {
                copy.put(field, Double.parseDouble(key));
            } else {
                copy.put(field, key);
            }
            out = copy;
        }
        return serialize(out);
    }

    /** For Avro and Protobuf types, the encoded example made from the schema; null for JSON (built above). */
    private byte[] encoded(String messageId) {
        MessageType m = design.message(messageId).orElse(null);
        if (m == null) {
            return null;
        }
        SchemaFormat f = SchemaFormat.of(m);
        if (f != SchemaFormat.AVRO && f != SchemaFormat.PROTOBUF) {
            return null;
        }
        return PayloadSchemas.check(m).exampleIfAny().map(Example::bytes).orElse(null);
    }

    private static byte[] serialize(JsonNode n) {
        try {
            return JSON.writeValueAsString(n).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
