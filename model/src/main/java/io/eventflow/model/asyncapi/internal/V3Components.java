package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.doc.ExampleGenerator;
import io.eventflow.model.schema.PayloadSchemas;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code components} of a 3.0 document: messages, their payload schemas, shared header traits, correlation ids. */
final class V3Components {
    static final List<String> SCHEMA_WORDS = List.of(
            "type",
            "properties",
            "$ref",
            "allOf",
            "oneOf",
            "anyOf",
            "items",
            "required",
            "title",
            "description",
            "additionalProperties",
            "not",
            "enum",
            "const",
            "format");
    static final List<String> MESSAGE_NATIVE = List.of(
            "id",
            "name",
            "title",
            "summary",
            "description",
            "contentType",
            "schemaFormat",
            "payload",
            "headers",
            "correlationId",
            "examples");

    private final ExportContext cx;
    private final ObjectNode schemas = Trees.NF.objectNode();
    private final ObjectNode messages = Trees.NF.objectNode();
    private final ObjectNode traits = Trees.NF.objectNode();
    private final ObjectNode correlationIds = Trees.NF.objectNode();
    private final Map<JsonNode, String> traitOf = new HashMap<>();
    private final Set<String> schemaKeys = new HashSet<>();

    V3Components(ExportContext cx) {
        this.cx = cx;
    }

    ObjectNode components(JsonNode raw) {
        headerTraits();
        cx.messages.forEach(m -> messages.set(cx.messageKey(m.id()), message(m)));
        ObjectNode c = Trees.NF.objectNode();
        putIfNotEmpty(c, "schemas", schemas);
        putIfNotEmpty(c, "messages", messages);
        putIfNotEmpty(c, "messageTraits", traits);
        putIfNotEmpty(c, "correlationIds", correlationIds);
        if (raw != null && raw.isObject()) {
            Trees.fillFrom(c, raw);
        }
        return c;
    }

    private static void putIfNotEmpty(ObjectNode o, String key, ObjectNode v) {
        if (!v.isEmpty()) {
            o.set(key, v);
        }
    }

    /** Header schemas shared by two or more messages become one message trait. */
    private void headerTraits() {
        Map<JsonNode, Integer> count = new LinkedHashMap<>();
        for (MessageType m : cx.messages) {
            if (m.headers() != null) {
                count.merge(headers(m.headers()), 1, Integer::sum);
            }
        }
        Set<String> used = new HashSet<>();
        count.forEach((h, n) -> {
            if (n >= 2) {
                String title = Trees.text(h, "title");
                String key = Trees.unique(title != null ? Trees.slug(title) : "commonHeaders", used);
                traits.putObject(key).set("headers", h.deepCopy());
                traitOf.put(h, key);
            }
        });
    }

    /** Headers as a schema: a bare map of header name to schema becomes an object schema. */
    static JsonNode headers(JsonNode h) {
        if (!isMap(h)) {
            return h;
        }
        ObjectNode o = Trees.NF.objectNode();
        o.put("type", "object");
        o.set("properties", h.deepCopy());
        return o;
    }

    static boolean isMap(JsonNode h) {
        if (!h.isObject() || h.isEmpty()) {
            return false;
        }
        for (String w : SCHEMA_WORDS) {
            if (h.has(w)) {
                return false;
            }
        }
        return true;
    }

    static boolean isJsonSchema(String schemaFormat) {
        if (schemaFormat == null) {
            return true;
        }
        String f = schemaFormat.toLowerCase(java.util.Locale.ROOT);
        return f.startsWith("application/schema+") || f.startsWith("application/vnd.aai.asyncapi");
    }

    private ObjectNode message(MessageType m) {
        ObjectNode o = Trees.NF.objectNode();
        ArrayNode generated = Trees.NF.arrayNode();
        Trees.put(o, "name", m.name());
        Trees.put(o, "title", m.title());
        Trees.put(o, "summary", m.summary());
        Trees.put(o, "description", m.description() != null ? m.description() : cx.note(m.id()));
        Trees.put(o, "contentType", m.contentType());
        if (m.headers() != null) {
            JsonNode h = headers(m.headers());
            if (isMap(m.headers())) {
                generated.add("headersMap");
            }
            String trait = traitOf.get(h);
            if (trait != null) {
                o.putArray("traits").addObject().put("$ref", "#/components/messageTraits/" + Trees.escape(trait));
            } else {
                o.set("headers", h.deepCopy());
            }
        }
        if (m.payload() != null) {
            o.set("payload", payload(m, generated));
        }
        ObjectNode raw = Trees.obj(m.extensions().get(Ext.RAW));
        if (m.correlationId() != null) {
            o.putObject("correlationId").put("$ref", "#/components/correlationIds/" + correlation(m, raw));
        }
        JsonNode examples = examples(m);
        if (examples != null) {
            o.set("examples", examples);
        } else if (m.payload() != null
                && isJsonSchema(m.schemaFormat())
                && !m.payload().has("$ref")
                && !ExampleGenerator.hasOneOf(m.payload())
                && !ExampleGenerator.hasOneOf(m.headers())) {
            // written only when it satisfies its schemas (checked by a JSON Schema validator)
            var payload = ExampleGenerator.example(m.payload());
            var headers = m.headers() == null ? null : ExampleGenerator.example(headers(m.headers()));
            if (payload.isPresent() && (headers == null || headers.isPresent())) {
                ObjectNode e = o.putArray("examples").addObject();
                e.put("name", "example");
                if (headers != null) {
                    e.set("headers", headers.get());
                }
                e.set("payload", payload.get());
                generated.add("examples");
            }
        } else if (m.payload() != null && !isJsonSchema(m.schemaFormat())) {
            // Avro, Protobuf: the example made from the schema (checked by encoding it and reading it back)
            PayloadSchemas.check(m).exampleIfAny().ifPresent(ex -> {
                ObjectNode e = o.putArray("examples").addObject();
                e.put("name", "example");
                e.put("summary", ex.encoding() + ", " + ex.size() + " bytes");
                e.set("payload", ex.value().deepCopy());
                generated.add("examples");
            });
        }
        if (raw != null) {
            Trees.merge(o, Trees.without(raw, List.of("correlationId")));
            if (o.has("messageId")) {
                // 2.x only: kept for the 2.6 export
                o.set(Ext.MESSAGE_ID_2, o.remove("messageId"));
            }
        }
        Ext.copyUserExtensions(m.extensions(), o);
        ObjectNode ef = Trees.without(cx.elementTree("messages", m.id()), MESSAGE_NATIVE);
        V3Writer.removeExtensions(ef);
        if (!m.id().equals(cx.messageKey(m.id()))) {
            ef.put("id", m.id());
        }
        if (!generated.isEmpty()) {
            ef.set("generated", generated);
        }
        Ext.exportSigning(ef, o);
        V3Writer.putIfNotEmpty(o, Ext.EF, ef);
        return o;
    }

    private JsonNode payload(MessageType m, ArrayNode generated) {
        JsonNode p = m.payload();
        if (!isJsonSchema(m.schemaFormat())) {
            ObjectNode multi = Trees.NF.objectNode();
            multi.put("schemaFormat", m.schemaFormat());
            multi.set("schema", p.deepCopy());
            return multi;
        }
        if (!p.isObject() || p.has("$ref")) {
            return p.deepCopy();
        }
        ObjectNode schema = p.deepCopy();
        String key = schemaKey(m, schema);
        if (!schema.has("title") && looksLikeObject(schema)) {
            schema.put("title", key);
            generated.add("payloadTitle");
        }
        if (!schemas.has(key)) {
            schemas.set(key, schema);
        }
        ObjectNode ref = Trees.NF.objectNode().put("$ref", "#/components/schemas/" + Trees.escape(key));
        if (m.schemaFormat() == null) {
            return ref;
        }
        ObjectNode multi = Trees.NF.objectNode();
        multi.put("schemaFormat", m.schemaFormat());
        multi.set("schema", ref);
        return multi;
    }

    static boolean looksLikeObject(JsonNode s) {
        return "object".equals(Trees.text(s, "type")) || s.has("properties") || s.has("allOf");
    }

    private String schemaKey(MessageType m, ObjectNode schema) {
        JsonNode ext = m.extensions().get(Ext.SCHEMA);
        String named = ext != null && ext.isTextual() ? ext.asText() : null;
        String title = Trees.text(schema, "title");
        String base = named != null
                ? named
                : title != null && title.matches("[\\w.\\-]+") ? title : cx.messageKey(m.id()) + "Payload";
        String key = base;
        for (int i = 2; schemas.has(key) && !sameSchema(schemas.get(key), schema); i++) {
            key = base + i;
        }
        schemaKeys.add(key);
        return key;
    }

    private static boolean sameSchema(JsonNode existing, ObjectNode schema) {
        if (existing.equals(schema)) {
            return true;
        }
        ObjectNode withTitle = schema.deepCopy();
        return !schema.has("title")
                && existing.has("title")
                && existing.equals(withTitle.set("title", existing.get("title")));
    }

    private String correlation(MessageType m, ObjectNode raw) {
        ObjectNode c = Trees.NF.objectNode();
        JsonNode rawC = raw == null ? null : raw.get("correlationId");
        if (rawC != null && rawC.isObject()) {
            c.setAll((ObjectNode) Trees.without(rawC, List.of("location")));
        }
        String location = Ext.correlationLocation(m.correlationId());
        c.put("location", location);
        String last = location.substring(location.lastIndexOf('/') + 1).replaceAll("[^\\w.\\-]", "");
        String base = last.isEmpty() ? "correlationId" : Trees.unescape(last);
        String key = base;
        for (int i = 2; correlationIds.has(key) && !correlationIds.get(key).equals(c); i++) {
            key = base + i;
        }
        correlationIds.set(key, c);
        return Trees.escape(key);
    }

    private static JsonNode examples(MessageType m) {
        JsonNode ex = m.examples();
        if (ex == null) {
            return null;
        }
        ArrayNode out = Trees.NF.arrayNode();
        for (JsonNode item : ex.isArray() ? ex : Trees.NF.arrayNode().add(ex)) {
            if (isMessageExample(item)) {
                out.add(item.deepCopy());
            } else {
                out.addObject().set("payload", item.deepCopy());
            }
        }
        return out;
    }

    static boolean isMessageExample(JsonNode item) {
        if (!item.isObject() || item.isEmpty()) {
            return false;
        }
        Set<String> allowed = Set.of("name", "summary", "headers", "payload");
        for (String k : Trees.fieldNames(item)) {
            if (!allowed.contains(k) && !k.startsWith("x-")) {
                return false;
            }
        }
        return item.has("payload") || item.has("headers");
    }
}
