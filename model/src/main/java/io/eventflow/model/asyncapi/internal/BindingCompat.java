package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.kind.KindBindings;
import io.eventflow.model.kind.KindProfiles;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bindings of 2.x documents that 3.0 defines differently (an old {@code bindingVersion}, fields a newer binding
 * dropped or never had, a protocol name 3.0 does not know such as {@code wss}) are kept as {@code x-asyncapi-2-PROTOCOL} so that a 3.0 export stays valid and a 2.6 export gets them
 * back unchanged.
 */
final class BindingCompat {
    static final String PREFIX = "x-asyncapi-2-";

    /**
     * The binding versions 3.0 defines per protocol: those of the broker kinds' protocols (their profiles' {@code
     * bindings}) and of the protocols no kind maps.
     */
    private static final Map<String, Set<String>> VERSIONS_3 = new HashMap<>(Map.ofEntries(
            Map.entry("http", Set.of("0.2.0", "0.3.0")),
            Map.entry("ws", Set.of("0.1.0")),
            Map.entry("ibmmq", Set.of("0.1.0")),
            Map.entry("solace", Set.of("0.2.0", "0.3.0", "0.4.0")),
            Map.entry("pulsar", Set.of("0.1.0")),
            Map.entry("anypointmq", Set.of("0.0.1")),
            Map.entry("googlepubsub", Set.of("0.2.0")),
            Map.entry("nats", Set.of("0.1.0"))));

    /**
     * The protocols the 3.0.0 schema names in bindings objects (operations and messages have no pulsar): the kinds'
     * and these.
     */
    private static final Set<String> PROTOCOLS_3 = new HashSet<>(
            Set.of("http", "ws", "anypointmq", "nats", "stomp", "ibmmq", "solace", "googlepubsub", "pulsar"));

    /** The fields of the newest 3.0 binding of each protocol and object kind (the schema allows no others). */
    private static final Map<String, List<String>> LATEST_FIELDS = new HashMap<>(Map.ofEntries(
            Map.entry("http/operation", List.of("method", "query")),
            Map.entry("http/message", List.of("headers", "statusCode")),
            Map.entry("ws/channel", List.of("method", "query", "headers")),
            Map.entry(
                    "ibmmq/server",
                    List.of(
                            "groupId",
                            "ccdtQueueManagerName",
                            "cipherSpec",
                            "multiEndpointServer",
                            "heartBeatInterval")),
            Map.entry("ibmmq/channel", List.of("destinationType", "queue", "topic", "maxMsgLength")),
            Map.entry("ibmmq/message", List.of("type", "headers", "description", "expiry")),
            Map.entry("nats/operation", List.of("queue")),
            Map.entry("anypointmq/channel", List.of("destination", "destinationType")),
            Map.entry("anypointmq/message", List.of("headers"))));

    static {
        for (BrokerKind kind : BrokerKind.values()) {
            for (KindBindings.Protocol p : KindProfiles.of(kind).bindings().protocols()) {
                PROTOCOLS_3.add(p.name());
                VERSIONS_3.put(p.name(), p.versions());
                p.fields().forEach((object, fields) -> LATEST_FIELDS.put(p.name() + "/" + object, fields));
            }
        }
    }

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
        if (!PROTOCOLS_3.contains(protocol)
                || "pulsar".equals(protocol) && ("operation".equals(kind) || "message".equals(kind))) {
            return false;
        }
        String version = Trees.text(binding, "bindingVersion");
        Set<String> known = VERSIONS_3.get(protocol);
        if (version != null && (known == null || !known.contains(version))) {
            return false;
        }
        List<String> fields = LATEST_FIELDS.get(protocol + "/" + kind);
        if (fields == null) {
            return true;
        }
        for (String f : Trees.fieldNames(binding)) {
            if (!fields.contains(f) && !f.startsWith("x-") && !f.equals("bindingVersion")) {
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
                        // what the 2.x binding said wins over what the export made from the design
                        JsonNode kept = b.remove(k);
                        String protocol = k.substring(PREFIX.length());
                        if (b.get(protocol) instanceof ObjectNode made && kept instanceof ObjectNode k2) {
                            Trees.merge(made, k2);
                        } else {
                            b.set(protocol, kept);
                        }
                    }
                }
            }
            o.forEach(BindingCompat::toV2);
        } else if (n != null && n.isArray()) {
            n.forEach(BindingCompat::toV2);
        }
    }
}
