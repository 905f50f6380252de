package io.eventflow.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.eventflow.model.schema.internal.JsonExamples;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON Schema payloads (and MessagePack ones, which are JSON Schemas of the value): the schema checked against its
 * draft's meta-schema (draft-07, the one AsyncAPI's schema format extends, unless {@code $schema} names draft 2019-09
 * or 2020-12), an example made by {@link JsonExamples} and validated against the schema, encoded as UTF-8 JSON text or
 * as MessagePack (read back and validated again).
 */
final class JsonPayloads {
    private static final Map<String, String> META = Map.of(
            "2019-09", SchemaId.V201909,
            "2020-12", SchemaId.V202012,
            "draft-07", SchemaId.V7,
            "draft-06", SchemaId.V6,
            "draft-04", SchemaId.V4);
    private static final Map<String, JsonSchema> META_SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    private JsonPayloads() {}

    /** Checks the schema and makes an example, sent as MessagePack when {@code msgpack}, else as JSON text. */
    static PayloadCheck check(JsonNode payload, boolean msgpack) {
        SchemaFormat format = msgpack ? SchemaFormat.MESSAGEPACK : SchemaFormat.JSON_SCHEMA;
        Tree t = tree(payload);
        if (t.error() != null) {
            return PayloadCheck.broken(format, t.error());
        }
        JsonNode schema = t.schema();
        JsonText text = t.text();
        if (!schema.isObject() && !schema.isBoolean()) {
            return PayloadCheck.broken(format, new SchemaError("a JSON Schema is a map (or true/false)", "", 0, 0));
        }
        Optional<SchemaError> bad = metaCheck(schema, text);
        if (bad.isPresent()) {
            return PayloadCheck.broken(format, bad.get());
        }
        if (schema.isObject()
                && schema.has("$ref")
                && !schema.get("$ref").asText().startsWith("#")) {
            return PayloadCheck.unchecked(format, "a reference to another document ($ref) is not followed");
        }
        Optional<JsonNode> example = JsonExamples.example(schema);
        if (example.isEmpty()) {
            return PayloadCheck.parsed(format, null, "no example satisfying the schema could be made");
        }
        byte[] bytes = msgpack
                ? MsgPack.encode(example.get())
                : example.get().toString().getBytes(StandardCharsets.UTF_8);
        if (msgpack && !roundTrips(schema, example.get(), bytes)) {
            return PayloadCheck.parsed(format, null, "the MessagePack example did not read back the same");
        }
        return PayloadCheck.parsed(format, new Example(example.get(), bytes, format.encoding()), null);
    }

    /**
     * Up to {@code n} seeded variants ({@link io.eventflow.model.schema.internal.JsonVariants}) of {@code example}, the
     * example {@link #check} made of the schema: each valid against the schema, encoded as JSON text or MessagePack
     * (read back and validated again). A draw that does not satisfy the schema is left out.
     */
    static java.util.List<Example> variants(
            JsonNode payload, JsonNode example, boolean msgpack, java.util.SplittableRandom random, int n) {
        SchemaFormat format = msgpack ? SchemaFormat.MESSAGEPACK : SchemaFormat.JSON_SCHEMA;
        Tree t = tree(payload);
        if (t.error() != null) {
            return java.util.List.of();
        }
        JsonNode schema = t.schema();
        java.util.List<Example> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Optional<JsonNode> v = io.eventflow.model.schema.internal.JsonVariants.variant(schema, example, random);
            if (v.isEmpty()) {
                continue;
            }
            byte[] bytes =
                    msgpack ? MsgPack.encode(v.get()) : v.get().toString().getBytes(StandardCharsets.UTF_8);
            if (!msgpack || roundTrips(schema, v.get(), bytes)) {
                out.add(new Example(v.get(), bytes, format.encoding()));
            }
        }
        return out;
    }

    /** The payload as a JSON Schema (and the JSON text it came from, null for a schema given as YAML), or why not. */
    private record Tree(JsonNode schema, JsonText text, SchemaError error) {}

    private static Tree tree(JsonNode payload) {
        if (!payload.isTextual()) {
            return new Tree(payload, null, null);
        }
        Object read = JsonText.parse(payload.asText());
        if (read instanceof SchemaError e) {
            return new Tree(null, null, e);
        }
        JsonText text = (JsonText) read;
        return new Tree(text.root(), text, null);
    }

    private static boolean roundTrips(JsonNode schema, JsonNode value, byte[] bytes) {
        JsonNode back = MsgPack.decode(bytes);
        return back.toString().equals(value.toString()) && JsonExamples.valid(schema, back);
    }

    /** The first problem the meta-schema finds (the deepest place first), if any. */
    private static Optional<SchemaError> metaCheck(JsonNode schema, JsonText text) {
        Set<ValidationMessage> found;
        try {
            found = meta(schema).validate(schema);
        } catch (RuntimeException e) {
            return Optional.of(new SchemaError(String.valueOf(e.getMessage()), "", 0, 0));
        }
        return found.stream()
                .min(Comparator.comparingInt((ValidationMessage v) ->
                                -v.getInstanceLocation().getNameCount())
                        .thenComparing(v -> v.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .map(v -> {
                    String pointer = v.getInstanceLocation().toString();
                    int[] at = text == null ? new int[] {0, 0} : text.place(pointer);
                    String message = v.getMessage();
                    if (message.startsWith(pointer + ": ")) {
                        message = message.substring(pointer.length() + 2);
                    }
                    return new SchemaError(message, pointer, at[0], at[1]);
                });
    }

    private static JsonSchema meta(JsonNode schema) {
        String declared = schema.path("$schema").asText("");
        String id = META.entrySet().stream()
                .filter(e -> declared.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(SchemaId.V7);
        return META_SCHEMAS.computeIfAbsent(id, k -> {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .build();
            return JsonSchemaFactory.getInstance(
                            SpecVersion.VersionFlag.fromId(k).orElseThrow())
                    .getSchema(SchemaLocation.of(k), config);
        });
    }
}
