package io.eventflow.model.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.io.SourceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A structural summary of an AsyncAPI document for comparisons: channels (by address), operations (by key, action
 * and channel address), message keys, and the payload schemas each channel carries, with references resolved.
 */
final class Structure {
    private Structure() {}

    /** Resolves internal and relative file references (a cycle becomes {"$cycle": ref}). */
    static JsonNode resolve(JsonNode root, Path base) {
        return resolve(root, root, base, new ArrayList<>(), new HashMap<>());
    }

    private static JsonNode resolve(
            JsonNode n, JsonNode docRoot, Path base, List<String> stack, Map<Path, JsonNode> files) {
        if (n.isObject() && n.has("$ref") && n.get("$ref").isTextual()) {
            String ref = n.get("$ref").asText();
            if (stack.contains(base + ref) || stack.size() > 40) {
                return JsonNodeFactory.instance.objectNode().put("$cycle", ref);
            }
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            String frag = hash < 0 ? "" : ref.substring(hash + 1);
            JsonNode targetRoot = docRoot;
            Path targetBase = base;
            if (!file.isEmpty()) {
                Path p = base.resolve(file).normalize();
                targetRoot = files.computeIfAbsent(p, x -> {
                    try {
                        return SourceTree.read(x).root();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                targetBase = p.getParent();
            }
            JsonNode target = frag.isEmpty()
                    ? targetRoot
                    : targetRoot.at(frag.replace("%7B", "{").replace("%7D", "}"));
            stack.add(base + ref);
            JsonNode out = resolve(target, targetRoot, targetBase, stack, files);
            stack.remove(stack.size() - 1);
            return out;
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            n.fields().forEachRemaining(e -> o.set(e.getKey(), resolve(e.getValue(), docRoot, base, stack, files)));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> a.add(resolve(x, docRoot, base, stack, files)));
            return a;
        }
        return n;
    }

    /** Channel addresses, operations and payloads of a resolved 3.0 document. */
    static Map<String, Object> of3(JsonNode doc) {
        Map<String, Object> out = new HashMap<>();
        TreeSet<String> channels = new TreeSet<>();
        TreeSet<String> payloads = new TreeSet<>();
        doc.path("channels").fields().forEachRemaining(e -> {
            String address = e.getValue().path("address").asText(e.getKey());
            channels.add(address);
            e.getValue().path("messages").forEach(m -> payloads.add(address + " " + payload(m.path("payload"))));
        });
        TreeSet<String> ops = new TreeSet<>();
        doc.path("operations").fields().forEachRemaining(e -> {
            JsonNode op = e.getValue();
            ops.add(e.getKey() + " " + op.path("action").asText() + " "
                    + op.path("channel").path("address").asText());
        });
        out.put("channels", channels);
        out.put("operations", ops);
        out.put("messages", new TreeSet<>(names(doc.path("components").path("messages"))));
        out.put("payloads", payloads);
        return out;
    }

    /** Channel names, operations and payloads of a resolved 2.x document. */
    static Map<String, Object> of2(JsonNode doc) {
        return of2(doc, true);
    }

    /** As {@link #of2(JsonNode)}; without {@code withIds} operation ids are left out. */
    static Map<String, Object> of2(JsonNode doc, boolean withIds) {
        Map<String, Object> out = new HashMap<>();
        TreeSet<String> ops = new TreeSet<>();
        TreeSet<String> payloads = new TreeSet<>();
        doc.path("channels").fields().forEachRemaining(e -> {
            for (String slot : List.of("publish", "subscribe")) {
                JsonNode op = e.getValue().get(slot);
                if (op == null) {
                    continue;
                }
                ops.add(e.getKey() + " " + slot + " "
                        + (withIds ? op.path("operationId").asText("") : ""));
                JsonNode m = op.path("message");
                for (JsonNode one : m.has("oneOf") ? m.get("oneOf") : List.of(m)) {
                    payloads.add(e.getKey() + " " + payload(one.path("payload")));
                }
            }
        });
        out.put("channels", new TreeSet<>(names(doc.path("channels"))));
        out.put("operations", ops);
        out.put("messages", new TreeSet<>(names(doc.path("components").path("messages"))));
        out.put("payloads", payloads);
        return out;
    }

    private static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** A payload without annotations added by the export (a root title) and without extensions. */
    static String payload(JsonNode p) {
        JsonNode schema = p.has("schema") && p.has("schemaFormat") ? p.get("schema") : p;
        if (schema.isObject()) {
            ObjectNode o = ((ObjectNode) schema).deepCopy();
            o.remove("title");
            return o.toString();
        }
        return schema.toString();
    }
}
