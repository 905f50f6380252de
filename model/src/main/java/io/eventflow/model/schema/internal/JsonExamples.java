package io.eventflow.model.schema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a plausible example value from a JSON Schema: {@code examples}/{@code example}/{@code const}/{@code default}
 * and {@code enum} values first (each only when it satisfies the schema), then a value by type, format, pattern,
 * lengths, bounds and item counts. Deterministic (same schema, same example), bounded in depth, and safe on schemas it
 * does not understand ({@code $ref}s it cannot follow give {@code null}). {@link #example} checks the result against
 * the schema with a JSON Schema validator and gives nothing when it does not satisfy it.
 */
public final class JsonExamples {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 12;
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    /** Compiled schemas, a bounded cache (schemas repeat: one per field kind, asked for each candidate value). */
    private static final Map<JsonNode, JsonSchema> COMPILED =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<JsonNode, JsonSchema> eldest) {
                    return size() > 256;
                }
            });

    private JsonExamples() {}

    /** An example value for the schema; {@code null} (JSON null node) for an empty or unknown schema. */
    public static JsonNode generate(JsonNode schema) {
        return value(schema, "value", 0);
    }

    /**
     * An example value that satisfies the schema (checked with a JSON Schema draft-07 validator), or empty when none
     * could be made (a schema this generator cannot satisfy, or one with references it cannot follow).
     */
    public static Optional<JsonNode> example(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return Optional.empty();
        }
        JsonNode v = generate(schema);
        return valid(schema, v) ? Optional.of(v) : Optional.empty();
    }

    /** True when the value satisfies the schema; false also when the schema cannot be used (a broken reference). */
    public static boolean valid(JsonNode schema, JsonNode value) {
        try {
            JsonSchema s = COMPILED.computeIfAbsent(schema, x -> FACTORY.getSchema(x));
            return s.validate(value).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static JsonNode value(JsonNode s, String name, int depth) {
        if (s == null || !s.isObject() || depth > MAX_DEPTH) {
            return NF.nullNode();
        }
        List<JsonNode> given = given(s);
        for (JsonNode g : given) {
            if (fitsType(g, s) && (!checkable(s) || valid(s, g))) {
                return g.deepCopy();
            }
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

    /** Whether a sub-schema can be checked on its own (it has no reference that needs the document around it). */
    private static boolean checkable(JsonNode s) {
        return !s.toString().contains("\"$ref\"");
    }

    /** Values the schema gives itself, in order of preference. */
    private static List<JsonNode> given(JsonNode s) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode ex = s.get("examples");
        if (ex != null && ex.isArray()) {
            ex.forEach(out::add);
        }
        for (String k : new String[] {"example", "const", "default"}) {
            if (s.has(k)) {
                out.add(s.get(k));
            }
        }
        JsonNode e = s.get("enum");
        if (e != null && e.isArray()) {
            e.forEach(out::add);
        }
        return out;
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
        if (items == null || !items.isObject()) {
            return a;
        }
        int max = s.has("maxItems") ? s.get("maxItems").asInt() : Integer.MAX_VALUE;
        int count = Math.min(Math.max(1, s.path("minItems").asInt(1)), max);
        List<JsonNode> options = given(items);
        JsonNode first = value(items, name, depth + 1);
        for (int i = 0; i < count; i++) {
            JsonNode v = first;
            if (i > 0 && s.path("uniqueItems").asBoolean()) {
                v = i < options.size() ? options.get(i).deepCopy() : variant(first, i);
            }
            a.add(v);
        }
        return a;
    }

    /** Another value of the same kind (for unique items): numbers counted on, strings numbered. */
    private static JsonNode variant(JsonNode v, int i) {
        if (v.isIntegralNumber()) {
            return NF.numberNode(v.asLong() + i);
        }
        if (v.isNumber()) {
            return NF.numberNode(v.asDouble() + i);
        }
        if (v.isTextual()) {
            return NF.textNode(v.asText() + i);
        }
        return v;
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
        String byFormat =
                switch (format) {
                    case "date-time" -> "2024-01-01T12:00:00Z";
                    case "date" -> "2024-01-01";
                    case "time" -> "12:00:00Z";
                    case "email" -> "someone@example.com";
                    case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
                    case "uri", "url", "iri" -> "https://example.com/";
                    case "uri-reference", "iri-reference" -> "/example";
                    case "hostname", "idn-hostname" -> "example.com";
                    case "ipv4" -> "192.0.2.1";
                    case "ipv6" -> "2001:db8::1";
                    case "duration" -> "PT1M";
                    default -> null;
                };
        String pattern = s.path("pattern").asText(null);
        List<String> candidates = new ArrayList<>();
        if (byFormat != null) {
            candidates.add(byFormat);
        }
        if (pattern != null) {
            candidates.add(matching(pattern, name));
            String built = PatternSample.of(pattern);
            if (built != null) {
                candidates.add(built);
            }
        }
        candidates.add(name);
        candidates.add("a");
        int min = s.path("minLength").asInt(0);
        int max = s.has("maxLength") ? s.get("maxLength").asInt() : Integer.MAX_VALUE;
        List<String> sized = new ArrayList<>();
        for (String c : candidates) {
            sized.add(sized(c, min, max));
            if (pattern != null) {
                String longer = PatternSample.of(pattern, min);
                if (longer != null) {
                    sized.add(longer);
                }
            }
        }
        for (String c : sized) {
            if (valid(s, NF.textNode(c))) {
                return c;
            }
        }
        return sized.get(0);
    }

    private static String sized(String v, int min, int max) {
        StringBuilder sb = new StringBuilder(v);
        while (sb.length() < min) {
            sb.append('x');
        }
        return sb.length() > max ? sb.substring(0, Math.max(max, 0)) : sb.toString();
    }
}
