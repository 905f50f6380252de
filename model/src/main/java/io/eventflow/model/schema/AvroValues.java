package io.eventflow.model.schema;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * A plausible, deterministic Avro value for a schema: field names as strings, 1 for whole numbers, 1.5 for fractions,
 * 2024-01-01T12:00:00Z for timestamps, the first enum symbol, one item per array and map, the first non-null branch of
 * a union (the null branch once records nest deeper than {@link #MAX_DEPTH}).
 */
final class AvroValues {
    static final int MAX_DEPTH = 8;
    /** 2024-01-01T12:00:00Z in milliseconds: 19723 days * 86,400,000 + 12 * 3,600,000. */
    static final long NOON_MILLIS = 19723L * 86_400_000L + 12L * 3_600_000L;

    private AvroValues() {}

    static Object of(Schema schema) {
        return value(schema, "value", 0, new java.util.HashSet<>());
    }

    private static Object value(Schema s, String name, int depth, java.util.Set<String> open) {
        if (depth > 4 * MAX_DEPTH) {
            throw new IllegalStateException("the schema nests records in themselves with no way out (a null branch)");
        }
        return switch (s.getType()) {
            case RECORD -> record(s, depth, open);
            case ENUM -> new GenericData.EnumSymbol(s, s.getEnumSymbols().get(0));
            case ARRAY -> new GenericData.Array<>(
                    s, depth > MAX_DEPTH ? List.of() : List.of(value(s.getElementType(), name, depth + 1, open)));
            case MAP -> {
                Map<String, Object> m = new LinkedHashMap<>();
                if (depth <= MAX_DEPTH) {
                    m.put("key", value(s.getValueType(), name, depth + 1, open));
                }
                yield m;
            }
            case UNION -> value(branch(s, depth, open), name, depth, open);
            case FIXED -> new GenericData.Fixed(s, new byte[s.getFixedSize()]);
            case STRING -> string(s, name);
            case BYTES -> bytes(s, name);
            case INT -> integer(s.getLogicalType());
            case LONG -> longValue(s.getLogicalType());
            case FLOAT -> 1.5f;
            case DOUBLE -> 1.5d;
            case BOOLEAN -> Boolean.TRUE;
            case NULL -> null;
        };
    }

    private static GenericData.Record record(Schema s, int depth, java.util.Set<String> open) {
        GenericData.Record r = new GenericData.Record(s);
        open.add(s.getFullName());
        for (Schema.Field f : s.getFields()) {
            r.put(f.pos(), value(f.schema(), f.name(), depth + 1, open));
        }
        open.remove(s.getFullName());
        return r;
    }

    /** The first non-null branch; the null branch when that one is a record being built (recursion) or too deep. */
    private static Schema branch(Schema union, int depth, java.util.Set<String> open) {
        List<Schema> types = union.getTypes();
        Schema nullBranch = types.stream()
                .filter(t -> t.getType() == Schema.Type.NULL)
                .findFirst()
                .orElse(null);
        Schema first = types.stream()
                .filter(t -> t.getType() != Schema.Type.NULL)
                .findFirst()
                .orElse(types.get(0));
        boolean recursive = first.getType() == Schema.Type.RECORD && open.contains(first.getFullName());
        return nullBranch != null && (depth > MAX_DEPTH || recursive) ? nullBranch : first;
    }

    private static Object string(Schema s, String name) {
        if (s.getLogicalType() != null && "uuid".equals(s.getLogicalType().getName())) {
            return "3fa85f64-5717-4562-b3fc-2c963f66afa6";
        }
        return name;
    }

    private static Object bytes(Schema s, String name) {
        if (s.getLogicalType() instanceof LogicalTypes.Decimal) {
            return ByteBuffer.wrap(BigInteger.ONE.toByteArray());
        }
        return ByteBuffer.wrap(name.getBytes(StandardCharsets.UTF_8));
    }

    private static Object integer(LogicalType t) {
        if (t instanceof LogicalTypes.Date) {
            return 19723; // 2024-01-01
        }
        if (t instanceof LogicalTypes.TimeMillis) {
            return 43_200_000; // 12:00
        }
        return 1;
    }

    private static Object longValue(LogicalType t) {
        if (t instanceof LogicalTypes.TimestampMillis || t instanceof LogicalTypes.LocalTimestampMillis) {
            return NOON_MILLIS;
        }
        if (t instanceof LogicalTypes.TimestampMicros || t instanceof LogicalTypes.LocalTimestampMicros) {
            return NOON_MILLIS * 1000;
        }
        if (t instanceof LogicalTypes.TimeMicros) {
            return 43_200_000_000L;
        }
        return 1L;
    }
}
