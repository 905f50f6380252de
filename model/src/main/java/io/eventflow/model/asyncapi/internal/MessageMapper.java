package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/** Maps AsyncAPI messages (traits applied, references inlined) onto design message types, once per message. */
final class MessageMapper {
    static final List<String> NATIVE = List.of(
            "name",
            "title",
            "summary",
            "description",
            "contentType",
            "payload",
            "headers",
            "correlationId",
            "examples",
            "traits",
            "schemaFormat");

    private final ImportState st;
    private final RefResolver refs;

    private final boolean v2;

    MessageMapper(ImportState st, boolean v2) {
        this.st = st;
        this.v2 = v2;
        this.refs = st.refs;
    }

    /** The design id of the message a node (or reference) stands for; null when it cannot be read. */
    String register(Located site, String preferredId) {
        Located m = refs.deref(site);
        if (m == null || !m.node().isObject()) {
            if (m != null) {
                refs.error(site, "a message must be a map", null);
            }
            return null;
        }
        String known = st.messageByIdentity.get(m.identity());
        if (known != null) {
            return known;
        }
        JsonNode mef = m.node().get(Ext.EF);
        String key = Trees.text(mef, "id") != null ? Trees.text(mef, "id") : preferredId;
        String id = st.claim(key, "message");
        st.messageByIdentity.put(m.identity(), id);
        ObjectNode msg = Trees.NF.objectNode();
        m.node().fieldNames().forEachRemaining(f -> {
            if (!f.equals("traits") && !f.equals(Ext.EF)) {
                msg.set(f, refs.inline(m.child(f)));
            }
        });
        Located traits = m.child("traits");
        if (traits.node() != null && traits.node().isArray()) {
            for (int i = 0; i < traits.node().size(); i++) {
                Located t = refs.deref(traits.child(i));
                if (t != null) {
                    Trees.fillFrom(msg, refs.inline(t));
                }
            }
        }
        ObjectNode tree = Trees.NF.objectNode();
        tree.put("id", id);
        Set<String> generated = generated(mef);
        copyText(msg, tree, "name", "title", "summary", "description", "contentType");
        payload(m, msg, tree, generated, key);
        if (msg.get("headers") != null) {
            JsonNode h = msg.get("headers");
            tree.set("headers", generated.contains("headersMap") && h.has("properties") ? h.get("properties") : h);
        }
        ObjectNode rest = Trees.without(msg, NATIVE);
        if (!v2 && Trees.text(msg, Ext.MESSAGE_ID_2) != null) {
            rest.put("messageId", Trees.text(msg, Ext.MESSAGE_ID_2));
        }
        correlation(msg.get("correlationId"), tree, rest);
        if (msg.get("examples") != null && !generated.contains("examples")) {
            tree.set("examples", msg.get("examples"));
        }
        if (v2) {
            BindingCompat.toV3(rest, "message");
        }
        ImportState.fill(tree, mef, "id", "generated");
        Ext.importSigning(msg, tree);
        ImportState.userExtensions(m.node(), tree);
        ImportState.raw(tree, rest);
        if (!id.equals(key)) {
            tree.putObject(Ext.KEY).put("key", key).put("id", id);
        }
        st.add(st.messages, "messages", tree, m);
        return id;
    }

    private static Set<String> generated(JsonNode mef) {
        java.util.HashSet<String> out = new java.util.HashSet<>();
        if (mef != null && mef.get("generated") != null) {
            mef.get("generated").forEach(g -> out.add(g.asText()));
        }
        return out;
    }

    private static void copyText(JsonNode from, ObjectNode to, String... keys) {
        for (String k : keys) {
            String v = Trees.text(from, k);
            if (v != null) {
                to.put(k, v);
            }
        }
    }

    private void payload(Located m, ObjectNode msg, ObjectNode tree, Set<String> generated, String key) {
        Located p = m.child("payload");
        if (p.missing()) {
            copyText(msg, tree, "schemaFormat");
            return;
        }
        Located deref = refs.deref(p);
        String schemaRef = p.ref();
        String format = Trees.text(msg, "schemaFormat");
        JsonNode payload = msg.get("payload");
        if (deref != null
                && deref.node().isObject()
                && deref.node().has("schema")
                && deref.node().has("schemaFormat")) {
            format = Trees.text(deref.node(), "schemaFormat");
            schemaRef = deref.child("schema").ref();
            payload = refs.inline(deref.child("schema"));
        }
        if (format != null) {
            tree.put("schemaFormat", format);
        }
        if (payload instanceof ObjectNode o && generated.contains("payloadTitle")) {
            o.remove("title");
        }
        tree.set("payload", payload);
        if (schemaRef != null && V3Components.isJsonSchema(format)) {
            String frag = schemaRef.contains("#") ? schemaRef.substring(schemaRef.indexOf('#') + 1) : "";
            String schemaKey = frag.isEmpty() ? null : RefResolver.lastSegment(frag);
            String title = Trees.text(payload, "title");
            String dflt = title != null && title.matches("[\\w.\\-]+") ? title : key + "Payload";
            if (schemaKey != null && !schemaKey.equals(dflt)) {
                tree.put(Ext.SCHEMA, schemaKey);
            }
            if (schemaRef.startsWith("#/components/schemas/") && schemaKey != null) {
                st.payloadSchemas.add(schemaKey);
            }
        }
    }

    private static void correlation(JsonNode c, ObjectNode tree, ObjectNode rest) {
        if (c == null || !c.isObject()) {
            return;
        }
        String location = Trees.text(c, "location");
        if (location != null) {
            tree.put("correlationId", Ext.correlationShorthand(location));
            ObjectNode other = Trees.without(c, List.of("location"));
            if (!other.isEmpty()) {
                rest.set("correlationId", other);
            }
        } else {
            rest.set("correlationId", c);
        }
    }
}
