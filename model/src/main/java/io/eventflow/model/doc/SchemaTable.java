package io.eventflow.model.doc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A JSON Schema flattened into rows (path, type, required, description, constraints) for a documentation table. */
final class SchemaTable {
    record Row(String path, String type, boolean required, String description, String constraints) {}

    private static final int MAX_DEPTH = 8;
    private static final int MAX_ROWS = 400;

    private final List<Row> rows = new ArrayList<>();

    private SchemaTable() {}

    static List<Row> rows(JsonNode schema) {
        SchemaTable t = new SchemaTable();
        if (schema != null && schema.isObject()) {
            t.walk(schema, "", false, 0);
        }
        return t.rows;
    }

    private void walk(JsonNode s, String path, boolean required, int depth) {
        if (rows.size() >= MAX_ROWS || depth > MAX_DEPTH || s == null || !s.isObject()) {
            return;
        }
        if (!path.isEmpty()) {
            rows.add(new Row(path, type(s), required, text(s, "description"), constraints(s)));
        }
        JsonNode props = s.get("properties");
        if (props != null && props.isObject()) {
            Set<String> req = new TreeSet<>();
            s.path("required").forEach(r -> req.add(r.asText()));
            props.fields()
                    .forEachRemaining(
                            e -> walk(e.getValue(), join(path, e.getKey()), req.contains(e.getKey()), depth + 1));
        }
        JsonNode items = s.get("items");
        if (items != null && items.isObject()) {
            walk(items, path + "[]", false, depth + 1);
        }
        for (String combiner : new String[] {"allOf", "oneOf", "anyOf"}) {
            JsonNode parts = s.get(combiner);
            if (parts != null && parts.isArray()) {
                for (int i = 0; i < parts.size(); i++) {
                    JsonNode part = parts.get(i);
                    String label = combiner.equals("allOf") ? path : path + " (" + combiner + " " + (i + 1) + ")";
                    if (part.has("properties") || part.has("items") || part.has("allOf") || part.has("oneOf")) {
                        walkInline(part, label, depth + 1);
                    }
                }
            }
        }
    }

    private void walkInline(JsonNode s, String path, int depth) {
        JsonNode props = s.get("properties");
        if (props != null && props.isObject()) {
            Set<String> req = new TreeSet<>();
            s.path("required").forEach(r -> req.add(r.asText()));
            props.fields()
                    .forEachRemaining(
                            e -> walk(e.getValue(), join(path, e.getKey()), req.contains(e.getKey()), depth + 1));
        }
        if (s.has("items") || s.has("allOf") || s.has("oneOf") || s.has("anyOf")) {
            walk(
                    ((com.fasterxml.jackson.databind.node.ObjectNode) s.deepCopy()).without("properties"),
                    path,
                    false,
                    depth);
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String type(JsonNode s) {
        if (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            return "→ " + ref.substring(ref.lastIndexOf('/') + 1);
        }
        JsonNode t = s.get("type");
        String type = t == null ? "" : t.isArray() ? join(t) : t.asText();
        if ("array".equals(type) && s.path("items").has("type")) {
            type = s.path("items").path("type").asText() + "[]";
        }
        if (type.isEmpty()) {
            for (String c : new String[] {"oneOf", "anyOf", "allOf"}) {
                if (s.has(c)) {
                    return c;
                }
            }
        }
        String format = text(s, "format");
        return format == null ? type : type + " (" + format + ")";
    }

    private static String join(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return String.join(" | ", out);
    }

    private static String text(JsonNode s, String key) {
        JsonNode v = s.get(key);
        return v != null && v.isValueNode() ? v.asText() : null;
    }

    static String constraints(JsonNode s) {
        List<String> out = new ArrayList<>();
        if (s.has("enum")) {
            out.add("one of " + join(s.get("enum")).replace(" | ", ", "));
        }
        if (s.has("const")) {
            out.add("= " + s.get("const").asText());
        }
        for (String k : new String[] {
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "minLength",
            "maxLength",
            "pattern",
            "minItems",
            "maxItems",
            "multipleOf",
            "default"
        }) {
            if (s.has(k) && s.get(k).isValueNode()) {
                out.add(k + " " + s.get(k).asText());
            }
        }
        return String.join("; ", out);
    }
}
