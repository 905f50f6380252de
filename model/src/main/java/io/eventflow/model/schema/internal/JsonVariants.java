package io.eventflow.model.schema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded variants of the example {@link JsonExamples} makes: the same shape with values drawn at random within what the
 * schema allows, so that messages of one type have realistic, varying sizes. Drawn: the length of free strings
 * (within {@code minLength}/{@code maxLength}), the number of array items (within {@code minItems}/{@code maxItems},
 * at most {@value #MAX_ITEMS} unless more are required), whether an optional property is present, numbers within
 * their bounds, booleans. Kept as in the example: values the schema gives ({@code enum}, {@code const}, examples),
 * strings with a {@code format} or {@code pattern}, the parts under {@code allOf}/{@code oneOf}/{@code anyOf} or a
 * {@code $ref}, unique items. Every variant is checked against the schema; one that does not satisfy it is not used.
 */
public final class JsonVariants {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;
    static final int MAX_ITEMS = 8;
    private static final int MAX_DEPTH = 12;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";

    private JsonVariants() {}

    /**
     * A variant of {@code example} (a valid example of {@code schema}) drawn from {@code random}, valid against the
     * schema; empty when the draw did not give a valid value (the caller may draw again or use the example).
     */
    public static Optional<JsonNode> variant(JsonNode schema, JsonNode example, SplittableRandom random) {
        JsonNode v = vary(schema, example, random, 0);
        return JsonExamples.valid(schema, v) ? Optional.of(v) : Optional.empty();
    }

    private static JsonNode vary(JsonNode s, JsonNode example, SplittableRandom r, int depth) {
        if (s == null || !s.isObject() || depth > MAX_DEPTH || fixed(s)) {
            return example.deepCopy();
        }
        if (example.isObject()) {
            return object(s, (ObjectNode) example, r, depth);
        }
        if (example.isArray()) {
            return array(s, (ArrayNode) example, r, depth);
        }
        if (example.isTextual()) {
            return s.has("format") || s.has("pattern") ? example.deepCopy() : NF.textNode(string(s, r));
        }
        if (example.isIntegralNumber()) {
            return NF.numberNode(integer(s, r));
        }
        if (example.isNumber()) {
            return NF.numberNode(number(s, r));
        }
        if (example.isBoolean()) {
            return NF.booleanNode(r.nextBoolean());
        }
        return example.deepCopy();
    }

    /** Schemas whose value is given or combined: the example's value is kept. */
    private static boolean fixed(JsonNode s) {
        return s.has("enum")
                || s.has("const")
                || s.has("$ref")
                || s.has("allOf")
                || s.has("oneOf")
                || s.has("anyOf")
                || s.has("not")
                || s.has("if");
    }

    private static ObjectNode object(JsonNode s, ObjectNode example, SplittableRandom r, int depth) {
        Set<String> required = new HashSet<>();
        s.path("required").forEach(n -> required.add(n.asText()));
        JsonNode props = s.path("properties");
        ObjectNode o = NF.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = example.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            boolean optional = !required.contains(e.getKey()) && props.has(e.getKey());
            if (optional && r.nextInt(4) == 0) {
                continue; // an optional property left out of a quarter of the messages
            }
            o.set(e.getKey(), vary(props.get(e.getKey()), e.getValue(), r, depth + 1));
        }
        return o;
    }

    private static ArrayNode array(JsonNode s, ArrayNode example, SplittableRandom r, int depth) {
        JsonNode items = s.get("items");
        if (example.isEmpty()
                || items == null
                || !items.isObject()
                || s.path("uniqueItems").asBoolean()) {
            return example.deepCopy();
        }
        int min = Math.max(0, s.path("minItems").asInt(0));
        int max = s.has("maxItems") ? s.get("maxItems").asInt() : Integer.MAX_VALUE;
        int hi = Math.min(max, Math.max(min, MAX_ITEMS));
        int count = min + r.nextInt(hi - min + 1);
        ArrayNode a = NF.arrayNode();
        for (int i = 0; i < count; i++) {
            a.add(vary(items, example.get(i % example.size()), r, depth + 1));
        }
        return a;
    }

    private static String string(JsonNode s, SplittableRandom r) {
        int min = Math.max(0, s.path("minLength").asInt(0));
        int max = s.has("maxLength") ? s.get("maxLength").asInt() : Integer.MAX_VALUE;
        int hi = (int) Math.min(max, Math.max(min, 24L));
        int lo = Math.min(Math.max(min, 1), hi);
        int n = lo + r.nextInt(hi - lo + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static long integer(JsonNode s, SplittableRandom r) {
        long lo = s.has("minimum") ? (long) Math.ceil(s.get("minimum").asDouble()) : 0;
        if (s.has("exclusiveMinimum") && s.get("exclusiveMinimum").isNumber()) {
            lo = Math.max(lo, (long) Math.floor(s.get("exclusiveMinimum").asDouble()) + 1);
        }
        long hi = s.has("maximum") ? (long) Math.floor(s.get("maximum").asDouble()) : Math.max(lo, 0) + 100_000;
        if (s.has("exclusiveMaximum") && s.get("exclusiveMaximum").isNumber()) {
            hi = Math.min(hi, (long) Math.ceil(s.get("exclusiveMaximum").asDouble()) - 1);
        }
        if (hi < lo) {
            return lo;
        }
        long v = lo + r.nextLong(hi - lo + 1);
        if (s.has("multipleOf")
                && s.get("multipleOf").canConvertToLong()
                && s.get("multipleOf").asLong() > 0) {
            long m = s.get("multipleOf").asLong();
            v = Math.floorDiv(v, m) * m;
        }
        return v;
    }

    private static double number(JsonNode s, SplittableRandom r) {
        double lo = s.has("minimum") ? s.get("minimum").asDouble() : 0;
        double hi = s.has("maximum") ? s.get("maximum").asDouble() : lo + 10_000;
        if (!(hi > lo)) {
            return lo;
        }
        double v = lo + r.nextDouble() * (hi - lo);
        double cents = Math.floor(v * 100) / 100; // two decimals, as amounts are written
        return cents >= lo ? cents : v;
    }
}
