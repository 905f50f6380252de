package io.eventflow.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where in an Avro schema tree the problem Avro's parser reported lies (Avro's messages name no place): first a
 * walk that finds the structural mistakes Avro refuses (a type that is neither a primitive nor a name defined in the
 * schema, a record without name or fields, a field without type, ...), then the first node named by a word the
 * message quotes (a field or type name). Gives a JSON pointer inside the tree, {@code ""} when nothing fits.
 */
final class AvroLocator {
    private static final Set<String> PRIMITIVES =
            Set.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");
    private static final Set<String> COMPLEX = Set.of("record", "error", "enum", "array", "map", "fixed");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{1,200})\"|field ([\\w.]+)|: (\\S+?)\\.?$");

    private final Set<String> names = new HashSet<>();

    private AvroLocator() {}

    static String find(JsonNode tree, String message) {
        AvroLocator l = new AvroLocator();
        l.collectNames(tree);
        String structural = l.walk(tree, "");
        if (structural != null) {
            return structural;
        }
        for (String word : words(message)) {
            String at = named(tree, "", word);
            if (at != null) {
                return at;
            }
        }
        return "";
    }

    private static List<String> words(String message) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(message);
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null) {
                    out.add(m.group(g));
                }
            }
        }
        return out;
    }

    private void collectNames(JsonNode n) {
        if (n.isObject()) {
            JsonNode name = n.get("name");
            String type = n.path("type").asText("");
            if (name != null
                    && name.isTextual()
                    && Set.of("record", "error", "enum", "fixed").contains(type)) {
                String ns = n.path("namespace").asText("");
                names.add(name.asText());
                names.add(ns.isEmpty() ? name.asText() : ns + "." + name.asText());
                String simple = name.asText().substring(name.asText().lastIndexOf('.') + 1);
                names.add(simple);
            }
        }
        n.forEach(this::collectNames);
    }

    /** The pointer of the first structural mistake, or null. */
    private String walk(JsonNode n, String p) {
        if (n.isTextual()) {
            String t = n.asText();
            return PRIMITIVES.contains(t) || names.contains(t) ? null : p;
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String bad = walk(n.get(i), p + "/" + i);
                if (bad != null) {
                    return bad;
                }
            }
            return null;
        }
        if (!n.isObject()) {
            return p;
        }
        JsonNode type = n.get("type");
        if (type == null) {
            return p;
        }
        if (!type.isTextual() || !COMPLEX.contains(type.asText())) {
            return walk(type, p + "/type");
        }
        return complex(n, type.asText(), p);
    }

    private String complex(JsonNode n, String type, String p) {
        switch (type) {
            case "record", "error" -> {
                if (!n.path("name").isTextual()) {
                    return p;
                }
                JsonNode fields = n.get("fields");
                if (fields == null || !fields.isArray()) {
                    return p + (fields == null ? "" : "/fields");
                }
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < fields.size(); i++) {
                    JsonNode f = fields.get(i);
                    String fp = p + "/fields/" + i;
                    if (!f.isObject() || !f.path("name").isTextual() || !f.has("type")) {
                        return fp;
                    }
                    if (!seen.add(f.get("name").asText())) {
                        return fp + "/name";
                    }
                    if (f.has("default") && !fitsDefault(f.get("type"), f.get("default"))) {
                        return fp + "/default";
                    }
                    String bad = walk(f.get("type"), fp + "/type");
                    if (bad != null) {
                        return bad;
                    }
                }
                return null;
            }
            case "enum" -> {
                return n.path("name").isTextual() && n.path("symbols").isArray() ? null : p;
            }
            case "array" -> {
                return n.has("items") ? walk(n.get("items"), p + "/items") : p;
            }
            case "map" -> {
                return n.has("values") ? walk(n.get("values"), p + "/values") : p;
            }
            default -> {
                return n.path("name").isTextual() && n.path("size").canConvertToInt() ? null : p;
            }
        }
    }

    /** Whether a default value has the JSON type a primitive field type (or a union's first branch) needs. */
    private static boolean fitsDefault(JsonNode type, JsonNode dflt) {
        JsonNode t = type.isArray() && !type.isEmpty() ? type.get(0) : type;
        String name = t.isTextual() ? t.asText() : t.path("type").asText("");
        return switch (name) {
            case "null" -> dflt.isNull();
            case "boolean" -> dflt.isBoolean();
            case "int", "long" -> dflt.isIntegralNumber();
            case "float", "double" -> dflt.isNumber();
            case "string", "bytes", "enum", "fixed" -> dflt.isTextual();
            case "array" -> dflt.isArray();
            case "map", "record" -> dflt.isObject();
            default -> true;
        };
    }

    /** The first node (document order) that is the word, or an object whose name is the word. */
    private static String named(JsonNode n, String p, String word) {
        if (n.isTextual() && n.asText().equals(word)) {
            return p;
        }
        if (n.isObject() && word.equals(n.path("name").asText(null))) {
            return p + "/name";
        }
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = named(e.getValue(), p + "/" + JsonText.escape(e.getKey()), word);
                if (at != null) {
                    return at;
                }
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String at = named(n.get(i), p + "/" + i, word);
                if (at != null) {
                    return at;
                }
            }
        }
        return null;
    }
}
