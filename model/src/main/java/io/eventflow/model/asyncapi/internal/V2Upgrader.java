package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reshapes a 2.0–2.6 document into the 3.0 layout the mapper reads: servers get {@code host}/{@code pathname},
 * channels get keys and {@code address}, {@code subscribe} becomes a {@code send} operation (the application sends)
 * and {@code publish} a {@code receive} one. Pointers of the new tree are mapped back to the file's.
 */
final class V2Upgrader {
    private final Doc doc;
    private final RefResolver refs;
    private final JsonNode v2;
    private final ObjectNode v3 = Trees.NF.objectNode();
    private final Set<String> channelKeys = new HashSet<>();
    private final Set<String> opKeys = new HashSet<>();

    private V2Upgrader(Doc doc, RefResolver refs) {
        this.doc = doc;
        this.refs = refs;
        this.v2 = doc.root;
    }

    static void upgrade(Doc doc, RefResolver refs) {
        V2Upgrader u = new V2Upgrader(doc, refs);
        u.run();
        doc.root = u.v3;
    }

    private void run() {
        v3.put("asyncapi", "3.0.0");
        Trees.put(v3, "id", v2.get("id"));
        ObjectNode info =
                v2.path("info").isObject() ? (ObjectNode) v2.get("info").deepCopy() : Trees.NF.objectNode();
        Trees.put(info, "tags", v2.get("tags"));
        Trees.put(info, "externalDocs", v2.get("externalDocs"));
        v3.set("info", info);
        Trees.put(v3, "defaultContentType", v2.get("defaultContentType"));
        ObjectNode servers = v3.putObject("servers");
        v2.path("servers").fields().forEachRemaining(e -> servers.set(e.getKey(), server(e.getValue())));
        v3.putObject("channels");
        v3.putObject("operations");
        v2.path("channels").fields().forEachRemaining(e -> channel(e.getKey(), e.getValue()));
        if (v2.get("components") != null) {
            v3.set("components", components(v2.get("components")));
        }
        v2.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-")) {
                v3.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    static JsonNode server(JsonNode s) {
        if (!s.isObject() || s.has("$ref")) {
            return s.deepCopy();
        }
        ObjectNode o = Trees.without(s, List.of("url", "security", Ext.V3));
        String url = Trees.text(s, "url");
        if (url != null) {
            java.util.regex.Matcher scheme = java.util.regex.Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://")
                    .matcher(url);
            if (scheme.find()) {
                o.put(Ext.SCHEME_2, scheme.group(1));
            }
            String rest = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
            int slash = rest.indexOf('/');
            o.put("host", slash < 0 ? rest : rest.substring(0, slash));
            if (slash >= 0 && slash < rest.length() - 1) {
                o.put("pathname", rest.substring(slash));
            }
        }
        if (s.get("security") != null) {
            o.set("security", security(s.get("security")));
        }
        Trees.merge(o, Trees.refs(s.get(Ext.V3), false));
        return o;
    }

    static ArrayNode security(JsonNode requirements) {
        ArrayNode out = Trees.NF.arrayNode();
        for (JsonNode req : requirements) {
            req.fields().forEachRemaining(e -> {
                ObjectNode ref = out.addObject();
                ref.put("$ref", "#/components/securitySchemes/" + Trees.escape(e.getKey()));
                if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                    ref.set("x-scopes", e.getValue().deepCopy());
                }
            });
        }
        return out;
    }

    private void channel(String address, JsonNode given) {
        JsonNode item = given;
        if (given.isObject() && given.has("$ref")) {
            // a channel item kept in another file (or elsewhere in this one): read in place, its own references
            // rewritten to stay right from this document
            Located target = refs.deref(new Located(given, doc, "/channels/" + Trees.escape(address)));
            if (target == null || !target.node().isObject()) {
                return;
            }
            item = rebase(target.node(), target.doc().uri, doc.uri);
        }
        JsonNode v3ext = Trees.refs(item.get(Ext.V3), false);
        String key = Trees.unique(
                Trees.text(v3ext, "key") != null ? Trees.text(v3ext, "key") : Trees.slug(address), channelKeys);
        ObjectNode c = ((ObjectNode) v3.get("channels")).putObject(key);
        String filePointer = "/channels/" + Trees.escape(address);
        doc.pointers.put("/channels/" + Trees.escape(key), filePointer);
        c.put("address", address);
        ObjectNode messages = c.putObject("messages");
        Trees.put(c, "description", item.get("description"));
        if (item.get("servers") != null) {
            ArrayNode refs = c.putArray("servers");
            item.get("servers").forEach(s -> refs.addObject().put("$ref", "#/servers/" + Trees.escape(s.asText())));
        }
        if (item.get("parameters") != null) {
            ObjectNode params = c.putObject("parameters");
            item.get("parameters").fields().forEachRemaining(e -> params.set(e.getKey(), parameter(e.getValue())));
        }
        Trees.put(c, "bindings", item.get("bindings"));
        item.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-") && !e.getKey().equals(Ext.V3)) {
                c.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        if (v3ext != null && v3ext.get("messages") instanceof ObjectNode listed) {
            messages.setAll(listed.deepCopy());
        }
        operations(key, item, "subscribe", "send", filePointer, messages);
        operations(key, item, "publish", "receive", filePointer, messages);
        if (v3ext != null) {
            Trees.merge(c, Trees.without(v3ext, List.of("key")));
        }
    }

    /** A copy of a node from {@code from} with its references rewritten to resolve the same from {@code to}. */
    static JsonNode rebase(JsonNode n, java.net.URI from, java.net.URI to) {
        if (from.equals(to)) {
            return n.deepCopy();
        }
        if (n.isObject()) {
            ObjectNode o = Trees.NF.objectNode();
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    o.put("$ref", rebaseRef(e.getValue().asText(), from, to));
                } else {
                    o.set(e.getKey(), rebase(e.getValue(), from, to));
                }
            });
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = Trees.NF.arrayNode();
            n.forEach(x -> a.add(rebase(x, from, to)));
            return a;
        }
        return n;
    }

    private static String rebaseRef(String ref, java.net.URI from, java.net.URI to) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash);
        if (file.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || !"file".equals(from.getScheme())) {
            return ref;
        }
        java.nio.file.Path target = file.isEmpty()
                ? java.nio.file.Path.of(from)
                : java.nio.file.Path.of(from).getParent().resolve(file).normalize();
        if (!"file".equals(to.getScheme())) {
            return target.toUri() + fragment;
        }
        java.nio.file.Path base = java.nio.file.Path.of(to).getParent();
        String rel = base.relativize(target).toString().replace('\\', '/');
        return (rel.startsWith(".") ? rel : "./" + rel) + fragment;
    }

    private void operations(String ck, JsonNode item, String slot, String action, String fp, ObjectNode messages) {
        JsonNode op = item.get(slot);
        if (op == null || !op.isObject()) {
            return;
        }
        List<JsonNode> ops = new ArrayList<>();
        if (op.get(Ext.OPERATIONS) != null && op.get(Ext.OPERATIONS).isArray()) {
            op.get(Ext.OPERATIONS).forEach(ops::add);
        } else {
            ops.add(op);
        }
        for (JsonNode o : ops) {
            String opId = Trees.text(o, "operationId");
            String key = Trees.unique(opId != null ? opId : ck + "." + action, opKeys);
            doc.pointers.put("/operations/" + Trees.escape(key), fp + "/" + slot);
            ObjectNode out = ((ObjectNode) v3.get("operations")).putObject(key);
            out.put("action", action);
            out.putObject("channel").put("$ref", "#/channels/" + Trees.escape(ck));
            Trees.merge(out, Trees.without(o, List.of("operationId", "message", "security", Ext.OPERATIONS, Ext.V3)));
            if (o.get("security") != null) {
                out.set("security", security(o.get("security")));
            }
            ArrayNode refs = Trees.NF.arrayNode();
            messages(o.get("message"), key, ck, messages, refs, fp + "/" + slot + "/message");
            if (!refs.isEmpty()) {
                out.set("messages", refs);
            }
            Trees.merge(out, Trees.refs(o.get(Ext.V3), false));
        }
    }

    private void messages(JsonNode m, String opKey, String ck, ObjectNode messages, ArrayNode refs, String fp) {
        if (m == null) {
            return;
        }
        if (m.isObject() && m.get("oneOf") != null && m.get("oneOf").isArray() && !m.has("payload")) {
            for (int i = 0; i < m.get("oneOf").size(); i++) {
                messages(m.get("oneOf").get(i), opKey, ck, messages, refs, fp + "/oneOf/" + i);
            }
            return;
        }
        String ref = Trees.text(m, "$ref");
        String key = null;
        for (var it = messages.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().equals(m)) {
                key = e.getKey();
            }
        }
        if (key == null) {
            String base = ref != null
                    ? RefResolver.lastSegment(ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : ref)
                    : firstText(m, "messageId", "name");
            key = Trees.unique(base != null ? base : opKey + ".message", new HashSet<>(Trees.fieldNames(messages)));
            messages.set(key, m.deepCopy());
            doc.pointers.put("/channels/" + Trees.escape(ck) + "/messages/" + Trees.escape(key), fp);
        }
        refs.addObject().put("$ref", "#/channels/" + Trees.escape(ck) + "/messages/" + Trees.escape(key));
    }

    private static String firstText(JsonNode m, String... keys) {
        for (String k : keys) {
            if (Trees.text(m, k) != null) {
                return Trees.text(m, k);
            }
        }
        return null;
    }

    static JsonNode parameter(JsonNode p) {
        if (!p.isObject() || p.has("$ref")) {
            return p.deepCopy();
        }
        ObjectNode o = Trees.NF.objectNode();
        Trees.put(o, "description", p.get("description"));
        JsonNode s = p.path("schema");
        Trees.put(o, "enum", s.get("enum"));
        Trees.put(o, "default", s.get("default"));
        Trees.put(o, "examples", s.get("examples"));
        Trees.put(o, "location", p.get("location"));
        if (s.isObject()) {
            // what a 3.0 parameter cannot say (a pattern, another type, a length) is kept for the 2.6 export
            ObjectNode other = Trees.without(s, List.of("enum", "default", "examples"));
            if ("string".equals(Trees.text(other, "type"))) {
                other.remove("type");
            }
            if (!other.isEmpty()) {
                o.set(Ext.PARAMETER_SCHEMA_2, other);
            }
        }
        p.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-")) {
                o.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return o;
    }

    private static ObjectNode components(JsonNode c) {
        ObjectNode o = c.deepCopy();
        if (o.get("parameters") instanceof ObjectNode params) {
            params.fields().forEachRemaining(e -> e.setValue(parameter(e.getValue())));
        }
        if (o.get("securitySchemes") instanceof ObjectNode schemes) {
            schemes.forEach(s -> s.path("flows").forEach(f -> {
                if (f instanceof ObjectNode flow && flow.has("scopes")) {
                    flow.set("availableScopes", flow.remove("scopes"));
                }
            }));
        }
        return o;
    }
}
