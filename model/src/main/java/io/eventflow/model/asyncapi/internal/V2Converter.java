package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a 3.0.0 document written by {@link V3Writer} into 2.6.0. In 2.x {@code publish}/{@code subscribe} are from
 * the application's point of view: the application's {@code send} becomes the channel's {@code subscribe} (others
 * subscribe to what it sends) and {@code receive} becomes {@code publish}. 3.0 fields 2.6 has no place for go into
 * {@code x-eventflow-v3}.
 */
public final class V2Converter {
    private static final List<String> INFO_2 =
            List.of("title", "version", "description", "termsOfService", "contact", "license");
    private static final List<String> SERVER_2 =
            List.of("protocol", "protocolVersion", "description", "variables", "tags", "bindings");
    private static final List<String> OP_2 = List.of("summary", "description", "tags", "externalDocs", "bindings");

    private final ObjectNode v3;

    private V2Converter(ObjectNode v3) {
        this.v3 = v3;
    }

    public static ObjectNode convert(ObjectNode v3) {
        return new V2Converter(v3).document();
    }

    private ObjectNode document() {
        ObjectNode root = Trees.NF.objectNode();
        root.put("asyncapi", "2.6.0");
        Trees.put(root, "id", v3.get("id"));
        JsonNode info = v3.get("info");
        root.set("info", Trees.only(info, INFO_2));
        Trees.put(root, "tags", info.get("tags"));
        Trees.put(root, "externalDocs", info.get("externalDocs"));
        Trees.put(root, "defaultContentType", v3.get("defaultContentType"));
        ObjectNode servers = Trees.NF.objectNode();
        v3.path("servers").fields().forEachRemaining(e -> servers.set(e.getKey(), server(e.getValue())));
        if (!servers.isEmpty()) {
            root.set("servers", servers);
        }
        root.set("channels", channels());
        ObjectNode components = components(v3.get("components"));
        if (!components.isEmpty()) {
            root.set("components", components);
        }
        v3.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-")) {
                root.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        BindingCompat.toV2(root);
        return root;
    }

    private static ObjectNode server(JsonNode s) {
        ObjectNode o = Trees.NF.objectNode();
        String path = Trees.text(s, "pathname");
        String scheme = Trees.text(s, Ext.SCHEME_2);
        o.put("url", (scheme == null ? "" : scheme + "://") + Trees.text(s, "host") + (path == null ? "" : path));
        Trees.merge(o, Trees.only(s, SERVER_2));
        if (s.get("security") != null) {
            o.set("security", security(s.get("security")));
        }
        ObjectNode extra = Trees.only(s, List.of("title", "summary", "externalDocs"));
        V3Writer.removeExtensions(extra);
        moveToV3(o, extra);
        return o;
    }

    private static void moveToV3(ObjectNode target, ObjectNode extra) {
        if (extra != null && !extra.isEmpty()) {
            target.set(Ext.V3, Trees.refs(extra, true));
        }
    }

    /** 3.0 security (references to security schemes) as 2.x security requirements. */
    static ArrayNode security(JsonNode list) {
        ArrayNode out = Trees.NF.arrayNode();
        for (JsonNode item : list) {
            String ref = Trees.text(item, "$ref");
            if (ref != null && ref.startsWith("#/components/securitySchemes/")) {
                String name = Trees.unescape(ref.substring("#/components/securitySchemes/".length()));
                ObjectNode req = out.addObject();
                ArrayNode scopes = req.putArray(name);
                item.path("x-scopes").forEach(scopes::add);
            }
        }
        return out;
    }

    private ObjectNode channels() {
        ObjectNode out = Trees.NF.objectNode();
        v3.path("channels").fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode c = e.getValue();
            String address = Trees.text(c, "address") != null ? Trees.text(c, "address") : key;
            String k2 = out.has(address) ? key : address;
            out.set(k2, channel(key, k2, c, address));
        });
        return out;
    }

    private ObjectNode channel(String key, String k2, JsonNode c, String address) {
        ObjectNode o = Trees.NF.objectNode();
        Trees.put(o, "description", c.get("description"));
        if (c.get("servers") != null) {
            ArrayNode names = o.putArray("servers");
            c.get("servers").forEach(r -> names.add(lastSegment(Trees.text(r, "$ref"))));
        }
        if (c.get("parameters") != null) {
            o.set("parameters", parameters(c.get("parameters")));
        }
        List<Map.Entry<String, JsonNode>> ops = operationsOf(key);
        slot(o, "subscribe", key, ops, "send");
        slot(o, "publish", key, ops, "receive");
        Trees.put(o, "bindings", c.get("bindings"));
        ObjectNode extra = Trees.only(c, List.of("title", "summary", "tags", "externalDocs", "messages"));
        V3Writer.removeExtensions(extra);
        if (!key.equals(address)) {
            extra.put("key", key);
        }
        if (!k2.equals(address)) {
            // another channel has this address already: the 2.x channel is named by its key
            extra.put("address", address);
        }
        if (plainMessageKeys(c.get("messages")) && slotMessages(o).equals(Trees.fieldNames(c.get("messages")))) {
            extra.remove("messages");
        }
        if (!c.has("address") || c.get("address").isNull()) {
            // 3.0: no address (or null) is an unknown one; the 2.x channel name is only the key
            extra.putNull("address");
        }
        c.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-")) {
                o.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        moveToV3(o, extra);
        return o;
    }

    /** Component message keys the channel's subscribe and publish operations carry, in order. */
    private static List<String> slotMessages(JsonNode channel) {
        List<String> keys = new ArrayList<>();
        for (String slot : List.of("subscribe", "publish")) {
            JsonNode m = channel.path(slot).path("message");
            for (JsonNode one :
                    m.has("oneOf") ? list(m.get("oneOf")) : m.isMissingNode() ? List.<JsonNode>of() : List.of(m)) {
                String ref = Trees.text(one, "$ref");
                String key = ref != null && ref.startsWith("#/components/messages/")
                        ? Trees.unescape(ref.substring("#/components/messages/".length()))
                        : null;
                if (key == null) {
                    return List.of("(inline)");
                }
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** True when every channel message is a reference to the component message of the same key. */
    private static boolean plainMessageKeys(JsonNode messages) {
        if (messages == null) {
            return true;
        }
        boolean[] plain = {true};
        messages.fields().forEachRemaining(e -> {
            String ref = Trees.text(e.getValue(), "$ref");
            if (ref == null || !ref.equals("#/components/messages/" + Trees.escape(e.getKey()))) {
                plain[0] = false;
            }
        });
        return plain[0];
    }

    private static String lastSegment(String ref) {
        return ref == null ? "" : Trees.unescape(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private List<Map.Entry<String, JsonNode>> operationsOf(String channelKey) {
        List<Map.Entry<String, JsonNode>> ops = new ArrayList<>();
        String ref = "#/channels/" + Trees.escape(channelKey);
        v3.path("operations").fields().forEachRemaining(e -> {
            if (ref.equals(Trees.text(e.getValue().get("channel"), "$ref"))) {
                ops.add(e);
            }
        });
        return ops;
    }

    private void slot(ObjectNode channel, String slot, String key, List<Map.Entry<String, JsonNode>> ops, String a) {
        List<ObjectNode> converted = new ArrayList<>();
        ArrayNode allMessages = Trees.NF.arrayNode();
        for (Map.Entry<String, JsonNode> e : ops) {
            if (a.equals(Trees.text(e.getValue(), "action"))) {
                ObjectNode op = operation(e.getKey(), e.getValue(), key);
                converted.add(op);
                JsonNode m = op.get("message");
                for (JsonNode one :
                        m == null ? List.<JsonNode>of() : m.has("oneOf") ? list(m.get("oneOf")) : List.of(m)) {
                    if (!contains(allMessages, one)) {
                        allMessages.add(one.deepCopy());
                    }
                }
            }
        }
        if (converted.isEmpty()) {
            return;
        }
        ObjectNode first = converted.get(0).deepCopy();
        if (converted.size() > 1) {
            first.remove("message");
            if (allMessages.size() == 1) {
                first.set("message", allMessages.get(0));
            } else if (allMessages.size() > 1) {
                first.putObject("message").set("oneOf", allMessages);
            }
            ArrayNode every = first.putArray(Ext.OPERATIONS);
            converted.forEach(every::add);
        }
        channel.set(slot, first);
    }

    private static List<JsonNode> list(JsonNode a) {
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        return out;
    }

    private static boolean contains(ArrayNode a, JsonNode n) {
        for (JsonNode x : a) {
            if (x.equals(n)) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode operation(String opKey, JsonNode op, String channelKey) {
        ObjectNode o = Trees.NF.objectNode();
        o.put("operationId", opKey);
        Trees.merge(o, Trees.only(op, OP_2));
        V3Writer.removeExtensions(o);
        if (op.get("security") != null) {
            o.set("security", security(op.get("security")));
        }
        List<JsonNode> messages = new ArrayList<>();
        op.path("messages").forEach(r -> messages.add(channelMessage(channelKey, Trees.text(r, "$ref"))));
        if (messages.size() == 1) {
            o.set("message", messages.get(0));
        } else if (messages.size() > 1) {
            ArrayNode oneOf = o.putObject("message").putArray("oneOf");
            messages.forEach(oneOf::add);
        }
        op.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-")) {
                o.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        ObjectNode extra = Trees.only(op, List.of("title", "reply"));
        V3Writer.removeExtensions(extra);
        moveToV3(o, extra);
        return o;
    }

    /** The message a {@code #/channels/c/messages/m} reference stands for, as a 2.x message or reference. */
    private JsonNode channelMessage(String channelKey, String ref) {
        String prefix = "#/channels/" + Trees.escape(channelKey) + "/messages/";
        if (ref != null && ref.startsWith(prefix)) {
            JsonNode m = v3.path("channels")
                    .path(channelKey)
                    .path("messages")
                    .path(Trees.unescape(ref.substring(prefix.length())));
            if (m.has("$ref")) {
                return m.deepCopy();
            }
            return message(m);
        }
        return Trees.NF.objectNode().put("$ref", ref == null ? "#" : ref);
    }

    private static ObjectNode message(JsonNode m) {
        ObjectNode o = m.deepCopy();
        if (o.has(Ext.MESSAGE_ID_2)) {
            JsonNode id = o.remove(Ext.MESSAGE_ID_2);
            ObjectNode withId = Trees.NF.objectNode().set("messageId", id);
            withId.setAll(o);
            o = withId;
        }
        JsonNode p = o.get("payload");
        if (p != null && p.has("schema") && p.has("schemaFormat")) {
            o.set("schemaFormat", p.get("schemaFormat"));
            o.set("payload", p.get("schema"));
        }
        return o;
    }

    private static ObjectNode parameters(JsonNode params) {
        ObjectNode out = Trees.NF.objectNode();
        params.fields().forEachRemaining(e -> out.set(e.getKey(), parameter(e.getValue())));
        return out;
    }

    static ObjectNode parameter(JsonNode p) {
        if (p.has("$ref")) {
            return p.deepCopy();
        }
        ObjectNode o = Trees.NF.objectNode();
        Trees.put(o, "description", p.get("description"));
        ObjectNode schema = o.putObject("schema");
        schema.put("type", "string");
        Trees.put(schema, "enum", p.get("enum"));
        Trees.put(schema, "default", p.get("default"));
        Trees.put(schema, "examples", p.get("examples"));
        if (p.get(Ext.PARAMETER_SCHEMA_2) instanceof ObjectNode kept) {
            schema.setAll(kept.deepCopy());
        }
        Trees.put(o, "location", p.get("location"));
        return o;
    }

    private static ObjectNode components(JsonNode c) {
        ObjectNode o = Trees.NF.objectNode();
        if (c == null) {
            return o;
        }
        Trees.put(o, "schemas", c.get("schemas"));
        if (c.get("messages") != null) {
            ObjectNode messages = o.putObject("messages");
            c.get("messages").fields().forEachRemaining(e -> messages.set(e.getKey(), message(e.getValue())));
        }
        if (c.get("securitySchemes") != null) {
            o.set("securitySchemes", securitySchemes(c.get("securitySchemes")));
        }
        if (c.get("parameters") != null) {
            o.set("parameters", parameters(c.get("parameters")));
        }
        Trees.put(o, "correlationIds", c.get("correlationIds"));
        if (c.get("messageTraits") != null) {
            ObjectNode traits = o.putObject("messageTraits");
            c.get("messageTraits").fields().forEachRemaining(e -> traits.set(e.getKey(), message(e.getValue())));
        }
        return o;
    }

    private static ObjectNode securitySchemes(JsonNode schemes) {
        ObjectNode out = schemes.deepCopy();
        out.fields().forEachRemaining(e -> {
            JsonNode flows = e.getValue().get("flows");
            if (flows != null) {
                flows.forEach(f -> {
                    if (f instanceof ObjectNode flow && flow.has("availableScopes")) {
                        flow.set("scopes", flow.remove("availableScopes"));
                    }
                });
            }
            if (e.getValue() instanceof ObjectNode s) {
                s.remove("scopes");
            }
        });
        return out;
    }
}
