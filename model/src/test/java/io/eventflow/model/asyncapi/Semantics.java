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
import java.util.TreeMap;

/**
 * The meaning of an AsyncAPI document for comparisons (a semantic diff, not a text diff): references resolved (keywords
 * beside a {@code $ref} kept over the target), traits applied, {@code x-} extensions and what the exporter marks as
 * generated (examples, payload titles) left out. Servers by key; channels by address (2.x: by name) with their
 * parameters, bindings, servers (all of them when none is listed) and messages; operations with their exact message
 * lists, summary, description, bindings and reply.
 */
final class Semantics {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    private Semantics() {}

    /** The semantic form of a document file (or tree with its base folder), keys sorted. */
    static ObjectNode of(JsonNode doc, Path base) {
        JsonNode r = resolve(doc, doc, base, new ArrayList<>(), new HashMap<>());
        return (ObjectNode) sortKeys(r.path("asyncapi").asText().startsWith("3.") ? of3(r) : of2(r));
    }

    private static JsonNode sortKeys(JsonNode n) {
        if (n.isObject()) {
            TreeMap<String, JsonNode> m = new TreeMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), sortKeys(e.getValue())));
            return toObject(m);
        }
        if (n.isArray()) {
            ArrayNode a = NF.arrayNode();
            n.forEach(x -> a.add(sortKeys(x)));
            return a;
        }
        return n;
    }

    static ObjectNode of(Path file) throws Exception {
        return of(SourceTree.read(file).root(), file.getParent());
    }

    /** Resolves references; keywords beside a {@code $ref} win over the target's. */
    static JsonNode resolve(JsonNode n, JsonNode docRoot, Path base, List<String> stack, Map<Path, JsonNode> files) {
        if (n.isObject() && n.has("$ref") && n.get("$ref").isTextual()) {
            String ref = n.get("$ref").asText();
            if (stack.contains(base + ref) || stack.size() > 40) {
                return NF.objectNode().put("$cycle", ref);
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
            JsonNode target = frag.isEmpty() ? targetRoot : at(targetRoot, frag, targetBase, files);
            stack.add(base + ref);
            JsonNode out = resolve(target, targetRoot, targetBase, stack, files);
            stack.remove(stack.size() - 1);
            if (n.size() > 1 && out.isObject()) {
                ObjectNode merged = ((ObjectNode) out).deepCopy();
                n.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("$ref")) {
                        merged.set(e.getKey(), resolve(e.getValue(), docRoot, base, stack, files));
                    }
                });
                return merged;
            }
            return out;
        }
        if (n.isObject()) {
            ObjectNode o = NF.objectNode();
            n.fields().forEachRemaining(e -> o.set(e.getKey(), resolve(e.getValue(), docRoot, base, stack, files)));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = NF.arrayNode();
            n.forEach(x -> a.add(resolve(x, docRoot, base, stack, files)));
            return a;
        }
        return n;
    }

    /** A JSON pointer followed through any {@code $ref} on its way. */
    private static JsonNode at(JsonNode root, String pointer, Path base, Map<Path, JsonNode> files) {
        JsonNode n = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String seg = raw.replace("%7B", "{")
                    .replace("%7D", "}")
                    .replace("~1", "/")
                    .replace("~0", "~");
            if (n.has("$ref") && !n.has(seg)) {
                n = resolve(n, root, base, new ArrayList<>(), files);
            }
            n = n.isArray() ? n.path(Integer.parseInt(seg)) : n.path(seg);
        }
        return n;
    }

    private static ObjectNode of3(JsonNode d) {
        ObjectNode out = NF.objectNode();
        out.set("info", only(d.path("info"), "title", "version", "description"));
        ObjectNode servers = out.putObject("servers");
        d.path("servers").fields().forEachRemaining(e -> servers.set(e.getKey(), clean(e.getValue())));
        TreeMap<String, JsonNode> channels = new TreeMap<>();
        d.path("channels").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            ObjectNode o = NF.objectNode();
            copy(c, o, "address", "title", "summary", "description", "parameters", "bindings", "tags");
            if (o.path("address").isNull()) {
                o.remove("address"); // null and absent both say the address is unknown
            }
            o.set("servers", serverSet(c.get("servers"), d.path("servers")));
            o.set("messages", messageSet(c.path("messages")));
            String key = c.path("address").asText(e.getKey()) + " " + messageSet(c.path("messages"));
            channels.put(key, clean(o));
        });
        out.set("channels", toObject(channels));
        TreeMap<String, JsonNode> ops = new TreeMap<>();
        d.path("operations").fields().forEachRemaining(e -> {
            JsonNode op = withTraits(e.getValue());
            ObjectNode o = NF.objectNode();
            copy(op, o, "action", "title", "summary", "description", "bindings", "security", "tags");
            JsonNode channel = op.path("channel");
            o.put("channel", channel.path("address").asText(""));
            o.set(
                    "messages",
                    messageSet(op.path("messages").isMissingNode() ? channel.path("messages") : op.path("messages")));
            if (op.has("reply")) {
                JsonNode r = op.get("reply");
                ObjectNode ro = o.putObject("reply");
                ro.put("channel", r.path("channel").path("address").asText(""));
                ro.set(
                        "messages",
                        messageSet(
                                r.has("messages")
                                        ? r.get("messages")
                                        : r.path("channel").path("messages")));
                copy(r, ro, "address");
            }
            ops.put(e.getKey(), clean(o));
        });
        out.set("operations", toObject(ops));
        return out;
    }

    private static ObjectNode of2(JsonNode d) {
        ObjectNode out = NF.objectNode();
        out.set("info", only(d.path("info"), "title", "version", "description"));
        ObjectNode servers = out.putObject("servers");
        d.path("servers").fields().forEachRemaining(e -> servers.set(e.getKey(), clean(e.getValue())));
        TreeMap<String, JsonNode> channels = new TreeMap<>();
        d.path("channels").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            ObjectNode o = NF.objectNode();
            copy(c, o, "description", "parameters", "bindings");
            ArrayNode srv = NF.arrayNode();
            if (c.has("servers")) {
                c.get("servers").forEach(s -> srv.add(s.asText()));
            } else {
                d.path("servers").fieldNames().forEachRemaining(srv::add);
            }
            o.set("servers", sorted(srv));
            for (String slot : List.of("publish", "subscribe")) {
                if (c.has(slot)) {
                    JsonNode op = withTraits(c.get(slot));
                    ObjectNode so = o.putObject(slot);
                    copy(op, so, "operationId", "summary", "description", "bindings", "security", "tags");
                    JsonNode m = op.path("message");
                    so.set(
                            "messages",
                            messageSet(
                                    m.has("oneOf") && !m.has("payload")
                                            ? m.get("oneOf")
                                            : NF.arrayNode().add(m)));
                }
            }
            channels.put(e.getKey(), clean(o));
        });
        out.set("channels", toObject(channels));
        return out;
    }

    /**
     * The differences between the meaning of the original and of an export: every value of the original must be there
     * unchanged; the export may have nothing more, except inside {@code bindings}, where the exporter adds what it
     * derives from the design (a {@code bindingVersion}, a Kafka {@code clientId}, MQTT QoS, an MQTT server binding).
     */
    static List<String> diff(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff(expected, actual, "", false, out);
        return out;
    }

    private static void diff(JsonNode e, JsonNode a, String path, boolean inBindings, List<String> out) {
        if (e.isObject() && a.isObject()) {
            e.fields().forEachRemaining(f -> {
                JsonNode av = a.get(f.getKey());
                if (av == null) {
                    out.add(path + "/" + f.getKey() + ": missing (was " + f.getValue() + ")");
                } else {
                    diff(
                            f.getValue(),
                            av,
                            path + "/" + f.getKey(),
                            inBindings || f.getKey().equals("bindings"),
                            out);
                }
            });
            a.fields().forEachRemaining(f -> {
                if (!e.has(f.getKey()) && !inBindings && !f.getKey().equals("bindings")) {
                    out.add(path + "/" + f.getKey() + ": added " + f.getValue());
                }
            });
        } else if (e.isArray() && a.isArray() && e.size() == a.size()) {
            for (int i = 0; i < e.size(); i++) {
                diff(e.get(i), a.get(i), path + "/" + i, inBindings, out);
            }
        } else if (e.isNumber() && a.isNumber()) {
            if (e.decimalValue().compareTo(a.decimalValue()) != 0) {
                out.add(path + ": " + e + " became " + a);
            }
        } else if (!e.equals(a)) {
            out.add(path + ": " + e + " became " + a);
        }
    }

    private static ObjectNode toObject(Map<String, JsonNode> m) {
        ObjectNode o = NF.objectNode();
        m.forEach(o::set);
        return o;
    }

    private static JsonNode serverSet(JsonNode listed, JsonNode all) {
        ArrayNode a = NF.arrayNode();
        if (listed != null && listed.isArray()) {
            listed.forEach(s -> a.add(clean(s)));
        } else {
            all.forEach(s -> a.add(clean(s)));
        }
        return sorted(a);
    }

    /** The messages of a map or list, normalised, in a stable order (their keys left out). */
    static ArrayNode messageSet(JsonNode messages) {
        ArrayNode a = NF.arrayNode();
        messages.forEach(m -> a.add(message(m)));
        return sorted(a);
    }

    static JsonNode message(JsonNode m) {
        ObjectNode o = (ObjectNode) withTraits(m);
        JsonNode ef = o.path("x-eventflow").path("generated");
        List<String> generated = new ArrayList<>();
        ef.forEach(g -> generated.add(g.asText()));
        if (generated.contains("examples")) {
            o.remove("examples");
        }
        JsonNode p = o.get("payload");
        if (p != null && p.has("schemaFormat") && p.has("schema")) {
            String f = p.get("schemaFormat").asText();
            if (f.startsWith("application/vnd.aai.asyncapi") || f.startsWith("application/schema+json")) {
                p = p.get("schema");
                o.set("payload", p);
            } else {
                o.set("schemaFormat", p.get("schemaFormat"));
                o.set("payload", p.get("schema"));
            }
        }
        if (o.path("schemaFormat").asText().startsWith("application/vnd.aai.asyncapi")) {
            o.remove("schemaFormat");
        }
        if (generated.contains("payloadTitle") && p instanceof ObjectNode po) {
            po.remove("title");
        }
        return clean(o);
    }

    private static JsonNode withTraits(JsonNode n) {
        if (!n.isObject()) {
            return n;
        }
        ObjectNode o = ((ObjectNode) n).deepCopy();
        JsonNode traits = o.remove("traits");
        if (traits != null) {
            traits.forEach(t -> t.fields().forEachRemaining(e -> {
                if (!o.has(e.getKey())) {
                    o.set(e.getKey(), e.getValue().deepCopy());
                }
            }));
        }
        return o;
    }

    private static ArrayNode sorted(ArrayNode a) {
        List<JsonNode> l = new ArrayList<>();
        a.forEach(x -> l.add(sortKeys(x)));
        l.sort((x, y) -> x.toString().compareTo(y.toString()));
        ArrayNode out = NF.arrayNode();
        l.forEach(out::add);
        return out;
    }

    private static void copy(JsonNode from, ObjectNode to, String... keys) {
        for (String k : keys) {
            if (from.has(k)) {
                to.set(k, from.get(k).deepCopy());
            }
        }
    }

    private static ObjectNode only(JsonNode from, String... keys) {
        ObjectNode o = NF.objectNode();
        copy(from, o, keys);
        return o;
    }

    /** A copy without {@code x-} keys at any depth. */
    static JsonNode clean(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = NF.objectNode();
            n.fields().forEachRemaining(e -> {
                if (!e.getKey().startsWith("x-")) {
                    o.set(e.getKey(), clean(e.getValue()));
                }
            });
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = NF.arrayNode();
            n.forEach(x -> a.add(clean(x)));
            return a;
        }
        return n;
    }
}
