package io.eventflow.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.MessageType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads message payload schemas by their format (Avro with Apache Avro, Protobuf with Square Wire's schema parser and
 * linker, JSON Schema and MessagePack with a JSON Schema validator), tells where a schema that does not parse is wrong,
 * and makes one deterministic example per schema, encoded as the format sends it (the same design gives the same
 * example). Results are kept in a small cache, keyed by the format and the payload: schemas are values.
 */
public final class PayloadSchemas {
    private static final int CACHE = 256;
    private static final Map<Key, PayloadCheck> CHECKED =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, PayloadCheck> eldest) {
                    return size() > CACHE;
                }
            });

    private PayloadSchemas() {}

    private record Key(SchemaFormat format, JsonNode payload, String name) {}

    /** Reads the message's payload schema (by its {@code schemaFormat} and {@code contentType}). */
    public static PayloadCheck check(MessageType m) {
        String name = m.name() != null ? m.name() : m.id();
        return check(SchemaFormat.of(m), m.payload(), name);
    }

    /**
     * Reads a payload schema of the given format. {@code typeName} picks the message type of a Protobuf file that
     * declares several (the first top-level message otherwise).
     */
    public static PayloadCheck check(SchemaFormat format, JsonNode payload, String typeName) {
        if (payload == null || payload.isNull() || payload.isMissingNode()) {
            return PayloadCheck.none(format);
        }
        Key key = new Key(format, payload, format == SchemaFormat.PROTOBUF ? typeName : null);
        PayloadCheck known = CHECKED.get(key);
        if (known != null) {
            return known;
        }
        PayloadCheck c = read(format, payload, typeName);
        CHECKED.put(key, c);
        return c;
    }

    /**
     * Up to {@code n} examples of the message's payload that vary as real messages do (string lengths, array sizes,
     * optional fields present or not, numbers, union branches), drawn from {@code seed}: the same seed gives the same
     * examples. Each is valid against the schema, checked the way {@link PayloadCheck#example()} is (read back and
     * validated). Empty when the schema gives no example; for a format without a seeded generator (Protobuf), the one
     * example {@code n} times. Draws that do not satisfy the schema are left out, so there may be fewer than {@code n}.
     */
    public static java.util.List<Example> variants(MessageType m, long seed, int n) {
        String name = m.name() != null ? m.name() : m.id();
        return variants(SchemaFormat.of(m), m.payload(), name, seed, n);
    }

    /** {@link #variants(MessageType, long, int)} for a payload schema of the given format. */
    public static java.util.List<Example> variants(
            SchemaFormat format, JsonNode payload, String typeName, long seed, int n) {
        PayloadCheck c = check(format, payload, typeName);
        if (c.example() == null || n <= 0) {
            return java.util.List.of();
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        java.util.List<Example> out =
                switch (c.format()) {
                    case AVRO -> AvroPayloads.variants(payload, random, n);
                    case JSON_SCHEMA -> JsonPayloads.variants(
                            payload, c.example().value(), false, random, n);
                    case MESSAGEPACK -> JsonPayloads.variants(
                            payload, c.example().value(), true, random, n);
                    default -> java.util.Collections.nCopies(n, c.example());
                };
        return out.isEmpty() ? java.util.List.of(c.example()) : out;
    }

    private static PayloadCheck read(SchemaFormat format, JsonNode payload, String typeName) {
        try {
            return readUnguarded(format, payload, typeName);
        } catch (StackOverflowError e) {
            // A hostile or mistaken schema whose $ref leads back to itself without a value in between sends the JSON
            // Schema validator round for ever (found by FuzzTest): a broken schema, never a crash.
            return PayloadCheck.broken(
                    format,
                    new SchemaError(
                            "the schema's references never end ($ref leads back to itself without a value between)",
                            "",
                            0,
                            0));
        }
    }

    private static PayloadCheck readUnguarded(SchemaFormat format, JsonNode payload, String typeName) {
        return switch (format) {
            case AVRO -> AvroPayloads.check(payload);
            case PROTOBUF -> ProtoPayloads.check(payload, typeName);
            case JSON_SCHEMA -> JsonPayloads.check(payload, false);
            case MESSAGEPACK -> JsonPayloads.check(payload, true);
            case OTHER -> PayloadCheck.unchecked(format, "a schema format this tool does not read");
        };
    }
}
