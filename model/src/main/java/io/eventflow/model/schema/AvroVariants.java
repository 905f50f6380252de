package io.eventflow.model.schema;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Seeded Avro values for a schema, the random counterpart of {@link AvroValues}: string and bytes lengths, array and map
 * sizes, union branches (a nullable field is null in a quarter of the values), enum symbols and numbers are drawn, so
 * that the binary encodings vary in size as real messages do. Logical types stay in range: UUIDs are UUIDs, decimals fit
 * their precision, dates and timestamps fall within 2024.
 */
final class AvroVariants {
    private static final int MAX_ITEMS = 8;
    private static final int MAX_STRING = 24;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";

    private AvroVariants() {}

    static Object of(Schema schema, SplittableRandom r) {
        return value(schema, 0, new java.util.HashSet<>(), r);
    }

    private static Object value(Schema s, int depth, java.util.Set<String> open, SplittableRandom r) {
        if (depth > 4 * AvroValues.MAX_DEPTH) {
            throw new IllegalStateException("the schema nests records in themselves with no way out (a null branch)");
        }
        boolean deep = depth > AvroValues.MAX_DEPTH;
        return switch (s.getType()) {
            case RECORD -> record(s, depth, open, r);
            case ENUM -> new GenericData.EnumSymbol(
                    s, s.getEnumSymbols().get(r.nextInt(s.getEnumSymbols().size())));
            case ARRAY -> {
                int n = deep ? 0 : r.nextInt(MAX_ITEMS + 1);
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(value(s.getElementType(), depth + 1, open, r));
                }
                yield new GenericData.Array<>(s, items);
            }
            case MAP -> {
                Map<String, Object> m = new LinkedHashMap<>();
                int n = deep ? 0 : r.nextInt(MAX_ITEMS / 2 + 1);
                for (int i = 0; i < n; i++) {
                    m.put(text(r, 1, 12) + i, value(s.getValueType(), depth + 1, open, r));
                }
                yield m;
            }
            case UNION -> value(branch(s, depth, open, r), depth, open, r);
            case FIXED -> {
                byte[] b = new byte[s.getFixedSize()];
                r.nextBytes(b);
                yield new GenericData.Fixed(s, b);
            }
            case STRING -> s.getLogicalType() != null
                            && "uuid".equals(s.getLogicalType().getName())
                    ? new UUID(r.nextLong(), r.nextLong()).toString()
                    : text(r, 1, MAX_STRING);
            case BYTES -> bytes(s, r);
            case INT -> integer(s.getLogicalType(), r);
            case LONG -> longValue(s.getLogicalType(), r);
            case FLOAT -> (float) (r.nextDouble() * 10_000);
            case DOUBLE -> r.nextDouble() * 10_000;
            case BOOLEAN -> r.nextBoolean();
            case NULL -> null;
        };
    }

    private static GenericData.Record record(Schema s, int depth, java.util.Set<String> open, SplittableRandom r) {
        GenericData.Record rec = new GenericData.Record(s);
        open.add(s.getFullName());
        for (Schema.Field f : s.getFields()) {
            rec.put(f.pos(), value(f.schema(), depth + 1, open, r));
        }
        open.remove(s.getFullName());
        return rec;
    }

    /** The null branch in a quarter of the draws (always when deep or recursive), else a non-null branch. */
    private static Schema branch(Schema union, int depth, java.util.Set<String> open, SplittableRandom r) {
        List<Schema> types = union.getTypes();
        Schema nullBranch = null;
        List<Schema> others = new ArrayList<>();
        for (Schema t : types) {
            if (t.getType() == Schema.Type.NULL) {
                nullBranch = t;
            } else if (!(t.getType() == Schema.Type.RECORD && open.contains(t.getFullName()))) {
                others.add(t);
            }
        }
        if (nullBranch != null && (others.isEmpty() || depth > AvroValues.MAX_DEPTH || r.nextInt(4) == 0)) {
            return nullBranch;
        }
        return others.isEmpty() ? types.get(0) : others.get(r.nextInt(others.size()));
    }

    private static String text(SplittableRandom r, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static Object bytes(Schema s, SplittableRandom r) {
        if (s.getLogicalType() instanceof LogicalTypes.Decimal d) {
            int digits = Math.min(d.getPrecision(), 18);
            long bound = 1;
            for (int i = 0; i < digits; i++) {
                bound *= 10;
            }
            return ByteBuffer.wrap(BigInteger.valueOf(r.nextLong(bound)).toByteArray());
        }
        byte[] b = new byte[r.nextInt(2 * MAX_STRING + 1)];
        r.nextBytes(b);
        return ByteBuffer.wrap(b);
    }

    /** A whole number whose size in bits is drawn too (so that the zig-zag varint length varies). */
    private static long magnitude(SplittableRandom r, int maxBits) {
        int bits = 1 + r.nextInt(maxBits);
        return r.nextLong(1L << bits);
    }

    private static Object integer(LogicalType t, SplittableRandom r) {
        if (t instanceof LogicalTypes.Date) {
            return 19723 + r.nextInt(366); // a day of 2024
        }
        if (t instanceof LogicalTypes.TimeMillis) {
            return r.nextInt(86_400_000);
        }
        return (int) magnitude(r, 30);
    }

    private static Object longValue(LogicalType t, SplittableRandom r) {
        long yearMillis = 366L * 86_400_000L;
        long start = AvroValues.NOON_MILLIS - 12L * 3_600_000L; // 2024-01-01T00:00:00Z
        if (t instanceof LogicalTypes.TimestampMillis || t instanceof LogicalTypes.LocalTimestampMillis) {
            return start + r.nextLong(yearMillis);
        }
        if (t instanceof LogicalTypes.TimestampMicros || t instanceof LogicalTypes.LocalTimestampMicros) {
            return (start + r.nextLong(yearMillis)) * 1000;
        }
        if (t instanceof LogicalTypes.TimeMicros) {
            return r.nextLong(86_400_000_000L);
        }
        return magnitude(r, 62);
    }
}
