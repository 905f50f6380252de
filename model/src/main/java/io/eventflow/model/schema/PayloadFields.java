package io.eventflow.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.squareup.wire.schema.Field.Label;
import com.squareup.wire.schema.ProtoType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The fields of an Avro record or of a Protobuf message, as a flat table (nested records and messages as dotted paths,
 * array items as {@code []}), and an Avro example's JSON made readable for people (decimals as numbers).
 */
public final class PayloadFields {
    private static final int MAX_DEPTH = 8;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PayloadFields() {}

    /**
     * One field: a row of the message editor's field table, for every schema format (the app lists a JSON Schema's
     * properties in these rows too).
     *
     * @param path the field's name, after its parents' names and dots
     * @param type its type, with logical types (e.g. {@code decimal(10,2)}, {@code timestamp-millis})
     * @param required whether a value must be given (Avro: not a union with null and no default; Protobuf: proto2
     *     {@code required}; JSON Schema: named in {@code required})
     * @param detail what else the schema says: optional, default, repeated, field number, symbols, format, documentation
     */
    public record Field(String path, String type, boolean required, String detail) {}

    /**
     * The fields of the payload schema of an Avro or Protobuf message ({@code typeName} picks the Protobuf message type
     * as {@link PayloadSchemas#check} does); empty for other formats and for schemas that do not read.
     */
    public static List<Field> of(SchemaFormat format, JsonNode payload, String typeName) {
        List<Field> out = new ArrayList<>();
        if (payload == null || payload.isNull() || payload.isMissingNode()) {
            return out;
        }
        if (format == SchemaFormat.AVRO) {
            Schema s = avro(payload);
            if (s != null && s.getType() == Schema.Type.RECORD) {
                avroFields(s, "", out, 0);
            }
        } else if (format == SchemaFormat.PROTOBUF) {
            ProtoPayloads.Linked l = ProtoPayloads.link(payload, typeName);
            if (l != null) {
                protoFields(l.schema(), l.type(), "", out, 0, new HashSet<>());
            }
        }
        return out;
    }

    /**
     * The Avro JSON encoding of a value ({@link Example#value()}) with each decimal (bytes or fixed) shown as its
     * number instead of the raw byte string Avro's JSON encoding gives it: the one byte 0x01 with scale 2 reads 0.01.
     * The value unchanged when the schema does not read or the value does not fit it.
     */
    public static JsonNode readableAvro(JsonNode payload, JsonNode value) {
        Schema s = payload == null ? null : avro(payload);
        if (s == null || value == null) {
            return value;
        }
        try {
            return readable(s, value, 0);
        } catch (RuntimeException e) {
            return value;
        }
    }

    private static Schema avro(JsonNode payload) {
        JsonNode tree = payload;
        if (payload.isTextual()) {
            Object read = JsonText.parse(payload.asText());
            if (!(read instanceof JsonText text)) {
                return null;
            }
            tree = text.root();
        }
        try {
            return new Schema.Parser().setValidateDefaults(true).parse(tree.toString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void avroFields(Schema record, String prefix, List<Field> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Schema.Field f : record.getFields()) {
            Schema s = f.schema();
            boolean nullable = false;
            if (s.getType() == Schema.Type.UNION) {
                List<Schema> branches = s.getTypes().stream()
                        .filter(t -> t.getType() != Schema.Type.NULL)
                        .toList();
                nullable = branches.size() < s.getTypes().size();
                s = branches.size() == 1 ? branches.get(0) : s;
            }
            List<String> detail = new ArrayList<>();
            if (nullable) {
                detail.add("optional (union with null)");
            }
            if (f.hasDefaultValue()) {
                Object d = f.defaultVal();
                detail.add("default "
                        + (d == org.apache.avro.JsonProperties.NULL_VALUE ? "null" : String.valueOf(avroDefault(d))));
            }
            LogicalType logical = s.getLogicalType();
            if (logical != null) {
                detail.add("as " + s.getType().getName());
            }
            if (s.getType() == Schema.Type.ENUM) {
                detail.add("one of " + s.getEnumSymbols());
            }
            if (f.doc() != null && !f.doc().isBlank()) {
                detail.add(f.doc());
            }
            String path = prefix + f.name();
            out.add(new Field(path, avroType(s), !nullable && !f.hasDefaultValue(), String.join(", ", detail)));
            Schema inner = s.getType() == Schema.Type.ARRAY ? s.getElementType() : s;
            String innerPrefix = s.getType() == Schema.Type.ARRAY ? path + "[]." : path + ".";
            if (inner.getType() == Schema.Type.UNION) {
                List<Schema> b = inner.getTypes().stream()
                        .filter(t -> t.getType() != Schema.Type.NULL)
                        .toList();
                inner = b.size() == 1 ? b.get(0) : inner;
            }
            if (inner.getType() == Schema.Type.RECORD) {
                avroFields(inner, innerPrefix, out, depth + 1);
            }
        }
    }

    private static Object avroDefault(Object d) {
        return d instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : d;
    }

    private static String avroType(Schema s) {
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal d) {
            return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
        }
        if (logical != null) {
            return logical.getName();
        }
        return switch (s.getType()) {
            case RECORD, ENUM, FIXED -> s.getName();
            case ARRAY -> avroType(s.getElementType()) + "[]";
            case MAP -> "map<string," + avroType(s.getValueType()) + ">";
            case UNION -> String.join(
                    " | ", s.getTypes().stream().map(PayloadFields::avroType).toList());
            default -> s.getType().getName();
        };
    }

    private static void protoFields(
            com.squareup.wire.schema.Schema schema,
            com.squareup.wire.schema.MessageType type,
            String prefix,
            List<Field> out,
            int depth,
            Set<String> open) {
        if (depth > MAX_DEPTH || !open.add(type.getType().toString())) {
            return;
        }
        for (com.squareup.wire.schema.Field f : type.getFieldsAndOneOfFields()) {
            ProtoType t = f.getType();
            List<String> detail = new ArrayList<>();
            detail.add("number " + f.getTag());
            Label label = f.getLabel();
            if (label == Label.REPEATED && !t.isMap()) {
                detail.add("repeated");
            } else if (label == Label.OPTIONAL) {
                detail.add("optional");
            } else if (label == Label.REQUIRED) {
                detail.add("required");
            } else if (label == Label.ONE_OF) {
                detail.add("one of a oneof");
            }
            if (f.getDocumentation() != null && !f.getDocumentation().isBlank()) {
                detail.add(f.getDocumentation().strip());
            }
            String path = prefix + f.getName();
            boolean repeated = label == Label.REPEATED && !t.isMap();
            out.add(new Field(
                    path, protoType(t) + (repeated ? "[]" : ""), label == Label.REQUIRED, String.join(", ", detail)));
            if (!t.isScalar() && !t.isMap() && schema.getType(t) instanceof com.squareup.wire.schema.MessageType m) {
                if (!t.toString().startsWith("google.protobuf.")) {
                    protoFields(schema, m, path + (repeated ? "[]." : "."), out, depth + 1, open);
                }
            }
        }
        open.remove(type.getType().toString());
    }

    private static String protoType(ProtoType t) {
        if (t.isMap()) {
            return "map<" + protoType(t.getKeyType()) + "," + protoType(t.getValueType()) + ">";
        }
        return t.isScalar() ? t.toString() : t.getSimpleName();
    }

    private static JsonNode readable(Schema s, JsonNode v, int depth) {
        if (depth > 4 * MAX_DEPTH || v == null || v.isNull()) {
            return v;
        }
        if (s.getLogicalType() instanceof LogicalTypes.Decimal d
                && (s.getType() == Schema.Type.BYTES || s.getType() == Schema.Type.FIXED)
                && v.isTextual()) {
            byte[] raw = v.asText().getBytes(StandardCharsets.ISO_8859_1);
            if (raw.length == 0) {
                return v;
            }
            return NODES.numberNode(new BigDecimal(new BigInteger(raw), d.getScale()));
        }
        switch (s.getType()) {
            case RECORD -> {
                if (!v.isObject()) {
                    return v;
                }
                ObjectNode o = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> it = v.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Schema.Field f = s.getField(e.getKey());
                    o.set(e.getKey(), f == null ? e.getValue() : readable(f.schema(), e.getValue(), depth + 1));
                }
                return o;
            }
            case ARRAY -> {
                if (!v.isArray()) {
                    return v;
                }
                var a = NODES.arrayNode();
                v.forEach(x -> a.add(readable(s.getElementType(), x, depth + 1)));
                return a;
            }
            case MAP -> {
                if (!v.isObject()) {
                    return v;
                }
                ObjectNode o = NODES.objectNode();
                v.fields()
                        .forEachRemaining(e -> o.set(e.getKey(), readable(s.getValueType(), e.getValue(), depth + 1)));
                return o;
            }
            case UNION -> {
                // Avro's JSON encoding wraps a non-null union value in an object named after its branch
                if (!v.isObject() || v.size() != 1) {
                    return v;
                }
                Map.Entry<String, JsonNode> e = v.fields().next();
                for (Schema b : s.getTypes()) {
                    if (b.getFullName().equals(e.getKey())) {
                        ObjectNode o = NODES.objectNode();
                        o.set(e.getKey(), readable(b, e.getValue(), depth + 1));
                        return o;
                    }
                }
                return v;
            }
            default -> {
                return v;
            }
        }
    }
}
