package io.eventflow.model.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotlin.ranges.IntRange;

/**
 * Protobuf schema changes on the wire: field numbers, types (within the groups the wire format reads alike), labels,
 * oneofs, reserved numbers and names, and enum values. The {@code .proto} text is parsed with Wire's schema parser.
 */
final class ProtobufCompat {
    /** Scalar types the wire format encodes alike: a change within a group still reads. */
    private static final List<List<String>> WIRE_GROUPS = List.of(
            List.of("int32", "uint32", "int64", "uint64", "bool"),
            List.of("sint32", "sint64"),
            List.of("fixed32", "sfixed32"),
            List.of("fixed64", "sfixed64"),
            List.of("string", "bytes"));

    private final List<SchemaIssue> issues = new ArrayList<>();
    private final Map<String, EnumElement> oldEnums = new LinkedHashMap<>();
    private final Map<String, EnumElement> newEnums = new LinkedHashMap<>();
    private boolean proto3;

    private ProtobufCompat() {}

    static ProtoFileElement parse(JsonNode payload) throws SchemaDiff.UnreadableSchema {
        if (!payload.isTextual()) {
            throw new SchemaDiff.UnreadableSchema("a Protobuf payload must be the text of a .proto file");
        }
        try {
            return ProtoParser.Companion.parse(Location.get("payload.proto"), payload.asText());
        } catch (RuntimeException e) {
            throw new SchemaDiff.UnreadableSchema("not a valid .proto text: " + e.getMessage());
        }
    }

    static List<SchemaIssue> compare(JsonNode old, JsonNode neu) throws SchemaDiff.UnreadableSchema {
        ProtoFileElement o = parse(old);
        ProtoFileElement n = parse(neu);
        ProtobufCompat c = new ProtobufCompat();
        c.proto3 = n.getSyntax() == Syntax.PROTO_3;
        Map<String, MessageElement> om = new LinkedHashMap<>();
        Map<String, MessageElement> nm = new LinkedHashMap<>();
        collect("", o.getTypes(), om, c.oldEnums);
        collect("", n.getTypes(), nm, c.newEnums);
        if (o.getSyntax() != n.getSyntax()) {
            c.issues.add(new SchemaIssue(
                    "syntax-changed",
                    "/",
                    "the syntax changed from " + o.getSyntax() + " to " + n.getSyntax(),
                    Impact.UNCLASSIFIED,
                    Impact.UNCLASSIFIED));
        }
        if (!String.valueOf(o.getPackageName()).equals(String.valueOf(n.getPackageName()))) {
            c.issues.add(SchemaIssue.both(
                    "package-changed",
                    "/",
                    "the package changed from " + o.getPackageName() + " to " + n.getPackageName()
                            + " (type names in Any and gRPC change)"));
        }
        nm.forEach((name, m) -> {
            if (om.containsKey(name)) {
                c.message(name, om.get(name), m);
            } else {
                c.issues.add(SchemaIssue.harmless("message-added", name, "message " + name + " was added"));
            }
        });
        om.keySet().stream()
                .filter(name -> !nm.containsKey(name))
                .forEach(name -> c.issues.add(SchemaIssue.both(
                        "message-removed",
                        name,
                        "message " + name + " was removed (fields of its type no longer read)")));
        c.newEnums.forEach((name, e) -> {
            if (c.oldEnums.containsKey(name)) {
                c.enumValues(name, c.oldEnums.get(name), e);
            }
        });
        c.oldEnums.keySet().stream()
                .filter(name -> !c.newEnums.containsKey(name))
                .forEach(name -> c.issues.add(SchemaIssue.both("enum-removed", name, "enum " + name + " was removed")));
        return c.issues;
    }

    private static void collect(
            String prefix,
            List<TypeElement> types,
            Map<String, MessageElement> messages,
            Map<String, EnumElement> enums) {
        for (TypeElement t : types) {
            String name = prefix + t.getName();
            if (t instanceof MessageElement m) {
                messages.put(name, m);
            } else if (t instanceof EnumElement e) {
                enums.put(name, e);
            }
            collect(name + ".", t.getNestedTypes(), messages, enums);
        }
    }

    /** A field with the oneof it is in (null when none). */
    private record Slot(FieldElement field, String oneOf) {}

    private static Map<Integer, Slot> fields(MessageElement m) {
        Map<Integer, Slot> out = new LinkedHashMap<>();
        m.getFields().forEach(f -> out.put(f.getTag(), new Slot(f, null)));
        for (OneOfElement o : m.getOneOfs()) {
            o.getFields().forEach(f -> out.put(f.getTag(), new Slot(f, o.getName())));
        }
        return out;
    }

    private void message(String name, MessageElement o, MessageElement n) {
        Map<Integer, Slot> of = fields(o);
        Map<Integer, Slot> nf = fields(n);
        for (Map.Entry<Integer, Slot> e : nf.entrySet()) {
            FieldElement f = e.getValue().field();
            String path = name + "." + f.getName();
            Slot before = of.get(e.getKey());
            if (before == null) {
                added(name, path, o, f);
            } else {
                changed(path, before, e.getValue());
            }
        }
        for (Map.Entry<Integer, Slot> e : of.entrySet()) {
            if (nf.containsKey(e.getKey())) {
                continue;
            }
            FieldElement f = e.getValue().field();
            String path = name + "." + f.getName();
            if (f.getLabel() == Field.Label.REQUIRED) {
                issues.add(SchemaIssue.widening(
                        "required-field-removed",
                        path,
                        "required field " + path + " = " + f.getTag() + " was removed"));
            } else if (!reservesNumber(n.getReserveds(), f.getTag())) {
                issues.add(SchemaIssue.both(
                        "field-removed-not-reserved",
                        path,
                        "field " + path + " = " + f.getTag() + " was removed without reserving its number (a later"
                                + " field could reuse it with another type)"));
            } else {
                issues.add(SchemaIssue.harmless(
                        "field-removed",
                        path,
                        "field " + path + " = " + f.getTag() + " was removed and its number reserved"));
            }
        }
    }

    private void added(String name, String path, MessageElement o, FieldElement f) {
        if (reservesNumber(o.getReserveds(), f.getTag())) {
            issues.add(SchemaIssue.both(
                    "reserved-number-reused",
                    path,
                    "field " + path + " uses number " + f.getTag() + ", which " + name + " reserved"));
        } else if (reservesName(o.getReserveds(), f.getName())) {
            issues.add(SchemaIssue.both(
                    "reserved-name-reused", path, "field " + path + " uses a name that " + name + " reserved"));
        } else if (f.getLabel() == Field.Label.REQUIRED) {
            issues.add(SchemaIssue.narrowing(
                    "required-field-added", path, "required field " + path + " = " + f.getTag() + " was added"));
        } else {
            issues.add(SchemaIssue.harmless("field-added", path, "field " + path + " = " + f.getTag() + " was added"));
        }
    }

    private void changed(String path, Slot before, Slot after) {
        FieldElement o = before.field();
        FieldElement n = after.field();
        String ot = simple(o.getType());
        String nt = simple(n.getType());
        if (!ot.equals(nt)) {
            String what = "field " + path + " = " + n.getTag() + " changed type from " + ot + " to " + nt;
            if (sameWireGroup(ot, nt)) {
                issues.add(new SchemaIssue(
                        "field-type-changed-compatible",
                        path,
                        what + " (read alike on the wire; values may be truncated or reinterpreted)",
                        Impact.NON_BREAKING,
                        Impact.NON_BREAKING));
            } else {
                issues.add(SchemaIssue.both("field-type-changed", path, what));
            }
        }
        Field.Label ol = o.getLabel();
        Field.Label nl = n.getLabel();
        boolean oRep = ol == Field.Label.REPEATED;
        boolean nRep = nl == Field.Label.REPEATED;
        if (oRep != nRep) {
            issues.add(SchemaIssue.both(
                    "field-label-changed", path, "field " + path + " changed from " + label(ol) + " to " + label(nl)));
        } else if (ol != Field.Label.REQUIRED && nl == Field.Label.REQUIRED) {
            issues.add(SchemaIssue.narrowing("field-became-required", path, "field " + path + " became required"));
        } else if (ol == Field.Label.REQUIRED && nl != Field.Label.REQUIRED) {
            issues.add(
                    SchemaIssue.widening("field-no-longer-required", path, "field " + path + " is no longer required"));
        }
        if (!String.valueOf(before.oneOf()).equals(String.valueOf(after.oneOf()))) {
            issues.add(SchemaIssue.both(
                    "field-oneof-changed",
                    path,
                    "field " + path + " moved from " + oneOf(before.oneOf()) + " to " + oneOf(after.oneOf())
                            + " (setting one member of a oneof clears the others)"));
        }
        if (!o.getName().equals(n.getName())) {
            issues.add(SchemaIssue.harmless(
                    "field-renamed",
                    path,
                    "field number " + n.getTag() + " was renamed from " + o.getName() + " to " + n.getName()
                            + " (the binary format is unchanged; JSON encodings change)"));
        }
    }

    private void enumValues(String name, EnumElement o, EnumElement n) {
        Map<String, Integer> ov = new LinkedHashMap<>();
        Map<String, Integer> nv = new LinkedHashMap<>();
        o.getConstants().forEach(c -> ov.put(c.getName(), c.getTag()));
        n.getConstants().forEach(c -> nv.put(c.getName(), c.getTag()));
        for (EnumConstantElement c : n.getConstants()) {
            String path = name + "." + c.getName();
            Integer before = ov.get(c.getName());
            if (before == null) {
                // Open (proto3) enums keep an unknown value; closed (proto2) enums treat it as an unknown field.
                issues.add(
                        proto3
                                ? SchemaIssue.harmless(
                                        "enum-value-added",
                                        path,
                                        "enum value " + path + " = " + c.getTag() + " was added")
                                : SchemaIssue.widening(
                                        "enum-value-added",
                                        path,
                                        "enum value " + path + " = " + c.getTag()
                                                + " was added; proto2 readers on the old schema do not know it"));
            } else if (before != c.getTag()) {
                issues.add(SchemaIssue.both(
                        "enum-value-renumbered",
                        path,
                        "enum value " + path + " changed from " + before + " to " + c.getTag()));
            }
        }
        for (EnumConstantElement c : o.getConstants()) {
            if (!nv.containsKey(c.getName())) {
                String path = name + "." + c.getName();
                issues.add(SchemaIssue.narrowing(
                        "enum-value-removed",
                        path,
                        "enum value " + path + " = " + c.getTag() + " was removed; old data may hold it"
                                + (reservesNumber(n.getReserveds(), c.getTag())
                                        ? ""
                                        : " (and its number is not reserved)")));
            }
        }
    }

    private static boolean reservesNumber(List<ReservedElement> reserved, int number) {
        for (ReservedElement r : reserved) {
            for (Object v : r.getValues()) {
                if (v instanceof Integer i && i == number
                        || v instanceof IntRange range && range.getFirst() <= number && number <= range.getLast()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean reservesName(List<ReservedElement> reserved, String name) {
        return reserved.stream().flatMap(r -> r.getValues().stream()).anyMatch(name::equals);
    }

    private boolean sameWireGroup(String a, String b) {
        boolean aEnum = isEnum(a);
        boolean bEnum = isEnum(b);
        List<String> varints = WIRE_GROUPS.get(0);
        if (aEnum && bEnum) {
            return false;
        }
        if (aEnum || bEnum) {
            // An enum is a varint: it reads as int32 and its kin.
            return varints.contains(aEnum ? b : a);
        }
        return WIRE_GROUPS.stream().anyMatch(g -> g.contains(a) && g.contains(b));
    }

    private boolean isEnum(String type) {
        return java.util.stream.Stream.concat(newEnums.keySet().stream(), oldEnums.keySet().stream())
                .anyMatch(e -> e.equals(type) || e.endsWith("." + type));
    }

    /** A type name without a leading dot or package (names are compared as written within one file). */
    private static String simple(String type) {
        String t = type.startsWith(".") ? type.substring(1) : type;
        return t;
    }

    private static String label(Field.Label l) {
        return l == null ? "singular" : l.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String oneOf(String name) {
        return name == null ? "no oneof" : "oneof " + name;
    }
}
