package io.eventflow.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.squareup.wire.schema.EnumType;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.OneOf;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.Type;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.ByteString;

/**
 * A plausible, deterministic value of a Protobuf message type, in the shape Wire's schema-driven adapter encodes: a
 * map of field name to value, a list for repeated fields, a map for map fields. Field names as strings, 1 for whole
 * numbers, 1.5 for fractions, the first enum constant, one item per repeated or map field, the first field of each
 * oneof; nested messages are left out once they nest deeper than {@link #MAX_DEPTH}.
 */
final class ProtoValues {
    static final int MAX_DEPTH = 8;
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    private ProtoValues() {}

    static Map<String, Object> of(Schema schema, MessageType type) {
        return message(schema, type, 0);
    }

    private static Map<String, Object> message(Schema schema, MessageType type, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : type.getDeclaredFields()) {
            put(schema, out, f, depth);
        }
        for (OneOf o : type.getOneOfs()) {
            if (!o.getFields().isEmpty()) {
                put(schema, out, o.getFields().get(0), depth);
            }
        }
        return out;
    }

    private static void put(Schema schema, Map<String, Object> out, Field f, int depth) {
        ProtoType t = f.getType();
        if (t.isMap()) {
            Object v = value(schema, t.getValueType(), f.getName(), depth + 1);
            if (v != null) {
                Map<Object, Object> m = new LinkedHashMap<>();
                m.put(value(schema, t.getKeyType(), "key", depth + 1), v);
                out.put(f.getName(), m);
            }
            return;
        }
        Object v = value(schema, t, f.getName(), depth + 1);
        if (v != null) {
            out.put(f.getName(), f.isRepeated() ? List.of(v) : v);
        }
    }

    /** A value of the type, or null for a message nested too deep. */
    private static Object value(Schema schema, ProtoType t, String name, int depth) {
        if (t.isScalar()) {
            return scalar(t, name);
        }
        Object known = wellKnown(schema, t, name);
        if (known != NOT_KNOWN) {
            return known;
        }
        Type type = schema.getType(t);
        if (type instanceof EnumType e) {
            return e.getConstants().get(0).getName();
        }
        if (type instanceof MessageType m) {
            return depth > MAX_DEPTH ? null : message(schema, m, depth);
        }
        return null;
    }

    private static final Object NOT_KNOWN = new Object();

    /**
     * Values of Google's well-known types, which Wire's adapter maps to Java values: Timestamp to an Instant
     * (2024-01-01T12:00:00Z), Duration to a Duration (1 minute), the wrappers to their scalar, Empty to Unit; Struct,
     * Value, ListValue, Any and FieldMask are left out (null). {@link #NOT_KNOWN} for every other type.
     */
    private static Object wellKnown(Schema schema, ProtoType t, String name) {
        String n = t.toString();
        if (!n.startsWith("google.protobuf.")) {
            return NOT_KNOWN;
        }
        return switch (n.substring("google.protobuf.".length())) {
            case "Timestamp" -> java.time.Instant.ofEpochSecond(1_704_110_400L);
            case "Duration" -> java.time.Duration.ofMinutes(1);
            case "Empty" -> kotlin.Unit.INSTANCE;
            case "DoubleValue" -> 1.5d;
            case "FloatValue" -> 1.5f;
            case "Int64Value", "UInt64Value" -> 1L;
            case "Int32Value", "UInt32Value" -> 1;
            case "BoolValue" -> Boolean.TRUE;
            case "StringValue" -> name;
            case "BytesValue" -> ByteString.encodeUtf8(name);
            case "Struct", "Value", "ListValue", "Any", "FieldMask", "NullValue" -> null;
            default -> NOT_KNOWN;
        };
    }

    private static Object scalar(ProtoType t, String name) {
        return switch (t.getSimpleName()) {
            case "string" -> name;
            case "bytes" -> ByteString.encodeUtf8(name);
            case "bool" -> Boolean.TRUE;
            case "double" -> 1.5d;
            case "float" -> 1.5f;
            case "int64", "uint64", "sint64", "fixed64", "sfixed64" -> 1L;
            default -> 1;
        };
    }

    /** The value as JSON: field names as keys, bytes in base64, enum constants by name. */
    static JsonNode json(Object v) {
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NF.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), json(x)));
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = NF.arrayNode();
            l.forEach(x -> a.add(json(x)));
            return a;
        }
        if (v instanceof ByteString b) {
            return NF.textNode(Base64.getEncoder().encodeToString(b.toByteArray()));
        }
        if (v instanceof Boolean b) {
            return NF.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NF.numberNode(i);
        }
        if (v instanceof Long l) {
            return NF.numberNode(l);
        }
        if (v instanceof Float f) {
            return NF.numberNode(f);
        }
        if (v instanceof Double d) {
            return NF.numberNode(d);
        }
        if (v instanceof java.time.Duration d) {
            return NF.textNode(d.getSeconds() + "s");
        }
        if (v instanceof kotlin.Unit) {
            return NF.objectNode();
        }
        return v == null ? NF.nullNode() : NF.textNode(String.valueOf(v));
    }
}
