package io.eventflow.model.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Makes a plausible example value from a JSON Schema: {@code examples}/{@code example}/{@code const}/{@code default}
 * first, then the first {@code enum} value, then a value by type and format. Deterministic (same schema, same
 * example), bounded in depth, and safe on schemas it does not understand ({@code $ref}s it cannot follow give
 * {@code null}).
 */
public final class ExampleGenerator {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 12;

    private ExampleGenerator() {}

    /** An example value for the schema; {@code null} (JSON null node) for an empty or unknown schema. */
    public static JsonNode generate(JsonNode schema) {
        return value(schema, "value", 0);
    }

    private static JsonNode value(JsonNode s, String name, int depth) {
        if (s == null || !s.isObject() || depth > MAX_DEPTH) {
            return NF.nullNode();
        }
        JsonNode given = given(s);
        if (given != null && fitsType(given, s)) {
            return given.deepCopy();
        }
        for (String combiner : new String[] {"allOf", "oneOf", "anyOf"}) {
            JsonNode parts = s.get(combiner);
            if (parts != null && parts.isArray() && !parts.isEmpty()) {
                return combined(s, combiner, parts, name, depth);
            }
        }
        String type = type(s);
        return switch (type) {
            case "object" -> object(s, depth);
            case "array" -> array(s, name, depth);
            case "integer" -> NF.numberNode(integer(s));
            case "number" -> number(s);
            case "boolean" -> NF.booleanNode(true);
            case "string" -> NF.textNode(string(s, name));
            case "null" -> NF.nullNode();
            default -> NF.nullNode();
        };
    }

    private static JsonNode given(JsonNode s) {
        JsonNode ex = s.get("examples");
        if (ex != null && ex.isArray() && !ex.isEmpty()) {
            return ex.get(0);
        }
        for (String k : new String[] {"example", "const", "default"}) {
            if (s.has(k)) {
                return s.get(k);
            }
        }
        JsonNode e = s.get("enum");
        if (e != null && e.isArray() && !e.isEmpty()) {
            return e.get(0);
        }
        return null;
    }

    /** Whether a value given in the schema ({@code default}, {@code example}, ...) has the schema's type. */
    private static boolean fitsType(JsonNode v, JsonNode s) {
        JsonNode t = s.get("type");
        if (t == null || !t.isTextual()) {
            return true;
        }
        return switch (t.asText()) {
            case "string" -> v.isTextual();
            case "boolean" -> v.isBoolean();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "null" -> v.isNull();
            default -> true;
        };
    }

    /** True when the schema has a {@code oneOf} anywhere, where a generated example may match several branches. */
    public static boolean hasOneOf(JsonNode schema) {
        if (schema == null) {
            return false;
        }
        if (schema.isObject() && schema.has("oneOf")) {
            return true;
        }
        for (JsonNode child : schema) {
            if (hasOneOf(child)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode combined(JsonNode s, String combiner, JsonNode parts, String name, int depth) {
        if (!combiner.equals("allOf")) {
            return value(parts.get(0), name, depth + 1);
        }
        JsonNode merged = null;
        for (JsonNode part : parts) {
            JsonNode v = value(part, name, depth + 1);
            if (merged instanceof ObjectNode m && v.isObject()) {
                m.setAll((ObjectNode) v);
            } else if (merged == null || merged.isNull()) {
                merged = v;
            }
        }
        if (s.has("properties") && (merged == null || merged.isObject())) {
            ObjectNode own = object(s, depth);
            if (merged instanceof ObjectNode m) {
                m.setAll(own);
            } else {
                merged = own;
            }
        }
        return merged == null ? NF.nullNode() : merged;
    }

    private static String type(JsonNode s) {
        JsonNode t = s.get("type");
        if (t != null && t.isTextual()) {
            return t.asText();
        }
        if (t != null && t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asText())) {
                    return x.asText();
                }
            }
        }
        if (s.has("properties")) {
            return "object";
        }
        if (s.has("items")) {
            return "array";
        }
        return "";
    }

    private static ObjectNode object(JsonNode s, int depth) {
        ObjectNode o = NF.objectNode();
        JsonNode props = s.get("properties");
        if (props != null && props.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = props.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), value(e.getValue(), e.getKey(), depth + 1));
            }
        }
        return o;
    }

    private static ArrayNode array(JsonNode s, String name, int depth) {
        ArrayNode a = NF.arrayNode();
        JsonNode items = s.get("items");
        if (items != null && items.isObject()) {
            a.add(value(items, name, depth + 1));
        }
        return a;
    }

    private static long integer(JsonNode s) {
        if (s.has("minimum")) {
            return (long) Math.ceil(s.get("minimum").asDouble());
        }
        if (s.has("exclusiveMinimum") && s.get("exclusiveMinimum").isNumber()) {
            return (long) Math.floor(s.get("exclusiveMinimum").asDouble()) + 1;
        }
        return s.has("maximum") ? Math.min(1, (long) Math.floor(s.get("maximum").asDouble())) : 1;
    }

    private static JsonNode number(JsonNode s) {
        if (s.has("minimum")) {
            return NF.numberNode(s.get("minimum").asDouble() + 0.5);
        }
        return NF.numberNode(s.has("maximum") ? Math.min(1.5, s.get("maximum").asDouble()) : 1.5);
    }

    /** A word that matches a {@code pattern} (JSON Schema semantics: found anywhere), tried from likely ones. */
    private static String matching(String pattern, String name) {
        java.util.regex.Pattern p;
        try {
            p = java.util.regex.Pattern.compile(pattern);
        } catch (java.util.regex.PatternSyntaxException e) {
            return name;
        }
        String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        String[] candidates = {
            name,
            kebab,
            kebab.replace("-", ""),
            kebab.replace('-', '_'),
            kebab.toUpperCase(java.util.Locale.ROOT),
            kebab + "-1",
            "example",
            "abc123",
            "ABC",
            "123",
            "1",
            "a",
            "A",
            "a1",
            "x-1"
        };
        for (String c : candidates) {
            if (p.matcher(c).find()) {
                return c;
            }
        }
        String built = PatternSample.of(pattern);
        return built != null && p.matcher(built).find() ? built : name;
    }

    private static String string(JsonNode s, String name) {
        String format = s.path("format").asText("");
        String v =
                switch (format) {
                    case "date-time" -> "2024-01-01T12:00:00Z";
                    case "date" -> "2024-01-01";
                    case "time" -> "12:00:00Z";
                    case "email" -> "someone@example.com";
                    case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
                    case "uri", "url" -> "https://example.com/";
                    case "hostname" -> "example.com";
                    case "ipv4" -> "192.0.2.1";
                    case "ipv6" -> "2001:db8::1";
                    default -> name;
                };
        String pattern = s.path("pattern").asText(null);
        if (pattern != null && format.isEmpty()) {
            v = matching(pattern, name);
        }
        int min = s.path("minLength").asInt(0);
        int max = s.has("maxLength") ? s.get("maxLength").asInt() : Integer.MAX_VALUE;
        StringBuilder sb = new StringBuilder(v);
        while (sb.length() < min) {
            sb.append('x');
        }
        return sb.length() > max ? sb.substring(0, Math.max(max, 0)) : sb.toString();
    }
}
