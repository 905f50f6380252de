package io.eventflow.model.doc;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.schema.internal.JsonExamples;
import java.util.Optional;

/**
 * Makes a plausible example value from a JSON Schema: {@code examples}/{@code example}/{@code const}/{@code default}
 * and {@code enum} values first (each only when it satisfies the schema), then a value by type, format, pattern,
 * lengths, bounds and item counts. Deterministic (same schema, same example), bounded in depth, and safe on schemas it
 * does not understand. Examples of every schema format (Avro, Protobuf, MessagePack) and their encoded sizes come from
 * {@link io.eventflow.model.schema.PayloadSchemas}.
 */
public final class ExampleGenerator {
    private ExampleGenerator() {}

    /** An example value for the schema; {@code null} (JSON null node) for an empty or unknown schema. */
    public static JsonNode generate(JsonNode schema) {
        return JsonExamples.generate(schema);
    }

    /**
     * An example value that satisfies the schema (checked with a JSON Schema draft-07 validator), or empty when none
     * could be made (a schema this generator cannot satisfy, or one with references it cannot follow).
     */
    public static Optional<JsonNode> example(JsonNode schema) {
        return JsonExamples.example(schema);
    }

    /** True when the value satisfies the schema; false also when the schema cannot be used (a broken reference). */
    public static boolean valid(JsonNode schema, JsonNode value) {
        return JsonExamples.valid(schema, value);
    }

    /** True when the schema has a {@code oneOf} anywhere, where a generated example may match several branches. */
    public static boolean hasOneOf(JsonNode schema) {
        return JsonExamples.hasOneOf(schema);
    }
}
