package io.eventflow.model.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The differences between two JSON Schemas that decide whether data valid under one is valid under the other, after
 * the rules of the Confluent schema registry: {@code type}, {@code required}, {@code enum}, {@code
 * additionalProperties}, {@code properties} (recursively), {@code items} and the numeric bounds. A schema that accepts
 * less is a narrowing (old data may fail the new schema: breaks BACKWARD); one that accepts more is a widening (new data
 * may fail the old schema: breaks FORWARD).
 */
final class JsonSchemaCompat {
    private static final List<String> LOWER_BOUNDS =
            List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
    private static final List<String> UPPER_BOUNDS =
            List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");

    private final List<SchemaIssue> issues = new ArrayList<>();

    private JsonSchemaCompat() {}

    static List<SchemaIssue> compare(JsonNode old, JsonNode neu) {
        JsonSchemaCompat c = new JsonSchemaCompat();
        c.schema("", old, neu);
        return c.issues;
    }

    private void schema(String path, JsonNode o, JsonNode n) {
        if (o.equals(n)) {
            return;
        }
        if (!o.isObject() || !n.isObject()) {
            // true/false schemas, or something that is no schema: compare as a whole.
            issues.add(new SchemaIssue(
                    "schema-changed",
                    at(path),
                    "the schema at " + at(path) + " changed",
                    Impact.UNCLASSIFIED,
                    Impact.UNCLASSIFIED));
            return;
        }
        if (!text(o, "$ref").equals(text(n, "$ref"))) {
            issues.add(new SchemaIssue(
                    "ref-changed",
                    at(path),
                    "the reference at " + at(path) + " changed from '" + text(o, "$ref") + "' to '" + text(n, "$ref")
                            + "'",
                    Impact.UNCLASSIFIED,
                    Impact.UNCLASSIFIED));
        }
        types(path, o, n);
        enums(path, o, n);
        bounds(path, o, n);
        for (String key : List.of("pattern", "format", "const")) {
            if (!text(o, key).equals(text(n, key))) {
                issues.add(new SchemaIssue(
                        key + "-changed",
                        at(path),
                        "'" + key + "' at " + at(path) + " changed from '" + text(o, key) + "' to '" + text(n, key)
                                + "'",
                        Impact.UNCLASSIFIED,
                        Impact.UNCLASSIFIED));
            }
        }
        object(path, o, n);
        if (o.has("items") && n.has("items")) {
            schema(path + "/items", o.get("items"), n.get("items"));
        } else if (o.has("items") != n.has("items")) {
            String p = path + "/items";
            issues.add(
                    o.has("items")
                            ? SchemaIssue.widening(
                                    "items-removed", at(p), "the item schema at " + at(p) + " was removed")
                            : SchemaIssue.narrowing("items-added", at(p), "an item schema was added at " + at(p)));
        }
    }

    private void types(String path, JsonNode o, JsonNode n) {
        Set<String> ot = types(o);
        Set<String> nt = types(n);
        if (ot.equals(nt)) {
            return;
        }
        String what = "the type at " + at(path) + " changed from " + show(ot) + " to " + show(nt);
        boolean widened = covers(nt, ot);
        boolean narrowed = covers(ot, nt);
        if (widened) {
            issues.add(SchemaIssue.widening("type-widened", at(path), what));
        } else if (narrowed) {
            issues.add(SchemaIssue.narrowing("type-narrowed", at(path), what));
        } else {
            issues.add(SchemaIssue.both("type-changed", at(path), what));
        }
    }

    /** Whether a value of any of the types {@code inner} allows is allowed by {@code outer} (any type when empty). */
    private static boolean covers(Set<String> outer, Set<String> inner) {
        if (outer.isEmpty()) {
            return true;
        }
        if (inner.isEmpty()) {
            return false;
        }
        for (String t : inner) {
            if (!outer.contains(t) && !(t.equals("integer") && outer.contains("number"))) {
                return false;
            }
        }
        return true;
    }

    private void enums(String path, JsonNode o, JsonNode n) {
        JsonNode oe = o.get("enum");
        JsonNode ne = n.get("enum");
        if (oe == null && ne == null) {
            return;
        }
        if (oe == null || ne == null) {
            issues.add(
                    oe == null
                            ? SchemaIssue.narrowing("enum-added", at(path), "an enum was added at " + at(path))
                            : SchemaIssue.widening(
                                    "enum-removed", at(path), "the enum at " + at(path) + " was removed"));
            return;
        }
        Set<JsonNode> ov = values(oe);
        Set<JsonNode> nv = values(ne);
        for (JsonNode v : nv) {
            if (!ov.contains(v)) {
                issues.add(SchemaIssue.widening(
                        "enum-value-added", at(path), "enum value " + v + " was added at " + at(path)));
            }
        }
        for (JsonNode v : ov) {
            if (!nv.contains(v)) {
                issues.add(SchemaIssue.narrowing(
                        "enum-value-removed", at(path), "enum value " + v + " was removed at " + at(path)));
            }
        }
    }

    private void bounds(String path, JsonNode o, JsonNode n) {
        for (String key : LOWER_BOUNDS) {
            bound(path, key, o.get(key), n.get(key), true);
        }
        for (String key : UPPER_BOUNDS) {
            bound(path, key, o.get(key), n.get(key), false);
        }
    }

    private void bound(String path, String key, JsonNode o, JsonNode n, boolean lower) {
        if (o == null && n == null || o != null && o.equals(n)) {
            return;
        }
        String what = "'" + key + "' at " + at(path) + " changed from " + (o == null ? "none" : o) + " to "
                + (n == null ? "none" : n);
        if (o != null && n != null && (!o.isNumber() || !n.isNumber())) {
            issues.add(new SchemaIssue(key + "-changed", at(path), what, Impact.UNCLASSIFIED, Impact.UNCLASSIFIED));
            return;
        }
        // A bound added, or moved inwards, accepts less.
        boolean tighter = o == null
                || n != null
                        && (lower
                                ? n.decimalValue().compareTo(o.decimalValue()) > 0
                                : n.decimalValue().compareTo(o.decimalValue()) < 0);
        issues.add(
                tighter
                        ? SchemaIssue.narrowing(key + "-tightened", at(path), what)
                        : SchemaIssue.widening(key + "-loosened", at(path), what));
    }

    private void object(String path, JsonNode o, JsonNode n) {
        JsonNode op = props(o);
        JsonNode np = props(n);
        boolean oOpen = open(o);
        boolean nOpen = open(n);
        if (oOpen && !nOpen) {
            issues.add(SchemaIssue.narrowing(
                    "additional-properties-closed",
                    at(path),
                    "properties other than those listed are no longer allowed at " + at(path)));
        } else if (!oOpen && nOpen) {
            issues.add(SchemaIssue.widening(
                    "additional-properties-opened",
                    at(path),
                    "properties other than those listed are now allowed at " + at(path)));
        }
        for (Iterator<String> it = np.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String p = path + "/properties/" + escape(name);
            if (op.has(name)) {
                schema(p, op.get(name), np.get(name));
            } else if (oOpen) {
                // Old writers could put anything under this name: whether it fits the new schema is not known.
                issues.add(new SchemaIssue(
                        "property-added",
                        at(p),
                        "property '" + name + "' was added at " + at(path) + " (old data may hold any value under it)",
                        Impact.UNCLASSIFIED,
                        Impact.NON_BREAKING));
            } else {
                issues.add(SchemaIssue.widening(
                        "property-added",
                        at(p),
                        "property '" + name + "' was added at " + at(path)
                                + ", which old readers refuse (additionalProperties: false)"));
            }
        }
        for (Iterator<String> it = op.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (np.has(name)) {
                continue;
            }
            String p = path + "/properties/" + escape(name);
            if (nOpen) {
                issues.add(new SchemaIssue(
                        "property-removed",
                        at(p),
                        "property '" + name + "' was removed at " + at(path)
                                + " (new data may hold any value under it)",
                        Impact.NON_BREAKING,
                        Impact.UNCLASSIFIED));
            } else {
                issues.add(SchemaIssue.narrowing(
                        "property-removed",
                        at(p),
                        "property '" + name + "' was removed at " + at(path)
                                + ", which new readers refuse in old data (additionalProperties: false)"));
            }
        }
        Set<String> or = strings(o.get("required"));
        Set<String> nr = strings(n.get("required"));
        for (String r : nr) {
            if (!or.contains(r)) {
                issues.add(SchemaIssue.narrowing(
                        "required-added",
                        at(path + "/properties/" + escape(r)),
                        "'" + r + "' became required at " + at(path) + " (old data may lack it)"));
            }
        }
        for (String r : or) {
            if (!nr.contains(r)) {
                issues.add(SchemaIssue.widening(
                        "required-removed",
                        at(path + "/properties/" + escape(r)),
                        "'" + r + "' is no longer required at " + at(path) + " (old readers need it)"));
            }
        }
    }

    private static boolean open(JsonNode s) {
        JsonNode a = s.get("additionalProperties");
        return a == null || !(a.isBoolean() && !a.booleanValue());
    }

    private static JsonNode props(JsonNode s) {
        JsonNode p = s.get("properties");
        return p != null && p.isObject()
                ? p
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    private static Set<String> types(JsonNode s) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode t = s.get("type");
        if (t != null && t.isTextual()) {
            out.add(t.asText());
        } else if (t != null && t.isArray()) {
            t.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static Set<String> strings(JsonNode a) {
        Set<String> out = new LinkedHashSet<>();
        if (a != null && a.isArray()) {
            a.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static Set<JsonNode> values(JsonNode a) {
        Set<JsonNode> out = new LinkedHashSet<>();
        if (a.isArray()) {
            a.forEach(out::add);
        }
        return out;
    }

    private static String text(JsonNode s, String key) {
        JsonNode v = s.get(key);
        return v == null ? "" : v.isValueNode() ? v.asText() : v.toString();
    }

    private static String show(Set<String> types) {
        return types.isEmpty() ? "any" : String.join("|", types);
    }

    private static String at(String path) {
        return path.isEmpty() ? "/" : path;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
