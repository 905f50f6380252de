package io.eventflow.app.inspector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.schema.PayloadFields;
import io.eventflow.model.schema.PayloadFields.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JSON Schema helpers for the message editor: syntax check, a flat field table and a generated example. */
public final class SchemaTools {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;

    private SchemaTools() {}

    /** The outcome of checking schema text: the schema, or an error with its line and column. */
    public record Check(JsonNode schema, String error, int line, int column) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Check check(String text) {
        if (text == null || text.isBlank()) {
            return new Check(null, null, 0, 0);
        }
        try {
            JsonNode n = JSON.readTree(text);
            if (!n.isObject()) {
                return new Check(null, "a JSON Schema is an object: { \"type\": \"object\", ... }", 1, 1);
            }
            return new Check(n, null, 0, 0);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String msg = plain(e.getOriginalMessage().split("\n")[0]);
            return new Check(null, msg, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
        }
    }

    /** The parser's message in plain words: what is wrong and what to do, without parser jargon. */
    static String plain(String parserMessage) {
        String m = parserMessage == null ? "" : parserMessage;
        java.util.regex.Matcher token =
                java.util.regex.Pattern.compile("Unrecognized token '([^']*)'").matcher(m);
        java.util.regex.Matcher ch = java.util.regex.Pattern.compile("Unexpected character \\('(.+?)' \\(code")
                .matcher(m);
        if (m.contains("end-of-input")) {
            return "the text ends before every { and [ is closed: add the missing } or ]";
        } else if (m.contains("double-quote to start field name")) {
            return "a field name must be in double quotes, and no comma may follow the last field";
        } else if (m.contains("expecting comma") || m.contains("was expecting comma")) {
            return "a comma is missing between two entries";
        } else if (m.contains("expecting a colon")) {
            return "a colon (:) is missing after a field name";
        } else if (token.find()) {
            return "'" + token.group(1) + "' is not a JSON value: put text in double quotes (true, false and null are"
                    + " lower case)";
        } else if (ch.find()) {
            return "unexpected '" + ch.group(1) + "' here";
        } else if (m.contains("trailing token") || m.contains("Trailing token")) {
            return "there is more text after the schema's closing }";
        }
        return m.replaceAll(" \\(code \\d+\\)", "").replaceAll("\\s*\\[Source:.*$", "");
    }

    public static String pretty(JsonNode node) {
        if (node == null) {
            return "";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    /**
     * The fields of an object schema, nested fields as dotted paths, array items as {@code []}: the same rows as
     * {@link PayloadFields#of} gives for Avro and Protobuf payloads.
     */
    public static List<Field> fields(JsonNode schema) {
        List<Field> out = new ArrayList<>();
        if (schema != null) {
            collect(schema, "", out, 0);
        }
        return out;
    }

    private static void collect(JsonNode schema, String prefix, List<Field> out, int depth) {
        JsonNode props = schema.path("properties");
        if (!props.isObject() || depth > MAX_DEPTH) {
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            String path = prefix + e.getKey();
            out.add(new Field(path, typeOf(p), required.contains(e.getKey()), detail(p)));
            collect(p, path + ".", out, depth + 1);
            if (p.path("items").isObject()) {
                collect(p.path("items"), path + "[].", out, depth + 1);
            }
        }
    }

    private static String typeOf(JsonNode p) {
        String t = p.path("type").asText("any");
        if ("array".equals(t) && p.path("items").has("type")) {
            return p.path("items").path("type").asText() + "[]";
        }
        return t;
    }

    private static String detail(JsonNode p) {
        List<String> parts = new ArrayList<>();
        if (p.has("format")) {
            parts.add("format " + p.get("format").asText());
        }
        if (p.has("enum")) {
            parts.add("one of " + p.get("enum").toString());
        }
        if (p.has("minimum")) {
            parts.add("≥ " + p.get("minimum").asText());
        }
        if (p.has("description")) {
            parts.add(p.get("description").asText());
        }
        return String.join(", ", parts);
    }

    /** An example value that fits the schema (examples, defaults, enums and formats are honoured). */
    public static JsonNode example(JsonNode schema) {
        return schema == null ? NODES.nullNode() : example(schema, "value", 0);
    }

    private static JsonNode example(JsonNode s, String name, int depth) {
        if (s.has("examples")
                && s.get("examples").isArray()
                && s.get("examples").size() > 0) {
            return s.get("examples").get(0);
        }
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.has("default")) {
            return s.get("default");
        }
        if (s.has("const")) {
            return s.get("const");
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < MAX_DEPTH) {
                    s.path("properties")
                            .fields()
                            .forEachRemaining(e -> o.set(e.getKey(), example(e.getValue(), e.getKey(), depth + 1)));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                if (depth < MAX_DEPTH && s.path("items").isObject()) {
                    a.add(example(s.get("items"), name, depth + 1));
                }
                return a;
            }
            case "integer" -> {
                return NODES.numberNode(s.path("minimum").asInt(1));
            }
            case "number" -> {
                return NODES.numberNode(s.has("minimum") ? s.get("minimum").asDouble() + 9.99 : 42.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.textNode(stringExample(s.path("format").asText(""), name));
            }
        }
    }

    private static String stringExample(String format, String name) {
        return switch (format) {
            case "uuid" -> "3f2b8c1e-7d4a-4e0b-9a55-2c6f1d0e8b47";
            case "date-time" -> "2026-01-31T12:00:00Z";
            case "date" -> "2026-01-31";
            case "email" -> "user@example.com";
            case "uri" -> "https://example.com/" + name;
            default -> name + "-1";
        };
    }
}
