package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bindings of 2.x documents that 3.0 defines differently (an old {@code bindingVersion}, or fields a newer binding
 * dropped) are kept as {@code x-asyncapi-2-PROTOCOL} so that a 3.0 export stays valid and a 2.6 export gets them
 * back unchanged.
 */
final class BindingCompat {
    static final String PREFIX = "x-asyncapi-2-";

    private static final Map<String, Set<String>> VERSIONS_3 = Map.ofEntries(
            Map.entry("mqtt", Set.of("0.2.0")),
            Map.entry("kafka", Set.of("0.3.0", "0.4.0", "0.5.0")),
            Map.entry("amqp", Set.of("0.3.0")),
            Map.entry("http", Set.of("0.2.0", "0.3.0")),
            Map.entry("ws", Set.of("0.1.0")),
            Map.entry("jms", Set.of("0.0.1")),
            Map.entry("ibmmq", Set.of("0.1.0")),
            Map.entry("solace", Set.of("0.2.0", "0.3.0", "0.4.0")),
            Map.entry("pulsar", Set.of("0.1.0")),
            Map.entry("anypointmq", Set.of("0.0.1")),
            Map.entry("googlepubsub", Set.of("0.2.0")),
            Map.entry("sns", Set.of("0.1.0")),
            Map.entry("sqs", Set.of("0.2.0")),
            Map.entry("nats", Set.of("0.1.0")));

    private static final Map<String, List<String>> LATEST_FIELDS = Map.of(
            "amqp/operation",
            List.of("expiration", "userId", "cc", "priority", "deliveryMode", "mandatory", "bcc", "timestamp", "ack"),
            "amqp/message",
            List.of("contentEncoding", "messageType"),
            "amqp/channel",
            List.of("is", "exchange", "queue"),
            "http/operation",
            List.of("method", "query"),
            "http/message",
            List.of("headers", "statusCode"));

    private BindingCompat() {}

    /** Moves 2.x-only bindings of {@code holder.bindings} aside; {@code kind} is server, channel, operation or message. */
    static void toV3(ObjectNode holder, String kind) {
        if (!(holder.get("bindings") instanceof ObjectNode b)) {
            return;
        }
        for (String protocol : List.copyOf(Trees.fieldNames(b))) {
            JsonNode binding = b.get(protocol);
            if (protocol.startsWith("x-") || !binding.isObject() || fits(protocol, kind, binding)) {
                continue;
            }
            b.set(PREFIX + protocol, b.remove(protocol));
        }
    }

    private static boolean fits(String protocol, String kind, JsonNode binding) {
        String version = Trees.text(binding, "bindingVersion");
        Set<String> known = VERSIONS_3.get(protocol);
        if (version != null) {
            return known != null && known.contains(version);
        }
        List<String> fields = LATEST_FIELDS.get(protocol + "/" + kind);
        if (fields == null) {
            return true;
        }
        for (String f : Trees.fieldNames(binding)) {
            if (!fields.contains(f) && !f.startsWith("x-")) {
                return false;
            }
        }
        return true;
    }

    /** Puts bindings kept aside back under their protocol (for 2.6 exports), everywhere in a tree. */
    static void toV2(JsonNode n) {
        if (n instanceof ObjectNode o) {
            if (o.get("bindings") instanceof ObjectNode b) {
                for (String k : List.copyOf(Trees.fieldNames(b))) {
                    if (k.startsWith(PREFIX)) {
                        b.set(k.substring(PREFIX.length()), b.remove(k));
                    }
                }
            }
            o.forEach(BindingCompat::toV2);
        } else if (n != null && n.isArray()) {
            n.forEach(BindingCompat::toV2);
        }
    }
}
