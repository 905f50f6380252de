package io.eventflow.model.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaParseException;

/** Avro schema changes, judged by Avro's own {@link SchemaCompatibility} in both directions. */
final class AvroCompat {
    private AvroCompat() {}

    /** Parses an Avro schema given as JSON (an object, an array or a type name) or as its text. */
    static Schema parse(JsonNode payload) throws SchemaDiff.UnreadableSchema {
        String text = payload.isTextual() ? payload.asText() : payload.toString();
        try {
            return new Schema.Parser().setValidateDefaults(false).parse(text);
        } catch (SchemaParseException | IllegalArgumentException e) {
            throw new SchemaDiff.UnreadableSchema("not a valid Avro schema: " + e.getMessage());
        }
    }

    static List<SchemaIssue> compare(JsonNode old, JsonNode neu) throws SchemaDiff.UnreadableSchema {
        Schema o = parse(old);
        Schema n = parse(neu);
        if (o.equals(n)) {
            return List.of();
        }
        Map<String, SchemaIssue> issues = new LinkedHashMap<>();
        // BACKWARD: the new schema (reader) reads what the old one (writer) wrote.
        for (SchemaCompatibility.Incompatibility i : incompatibilities(n, o)) {
            issues.put(
                    key(i),
                    new SchemaIssue(rule(i), i.getLocation(), message(i), Impact.BREAKING, Impact.NON_BREAKING));
        }
        // FORWARD: the old schema (reader) reads what the new one (writer) writes.
        for (SchemaCompatibility.Incompatibility i : incompatibilities(o, n)) {
            SchemaIssue before = issues.get(key(i));
            issues.put(
                    key(i),
                    before != null
                            ? new SchemaIssue(
                                    before.rule(), before.path(), before.message(), Impact.BREAKING, Impact.BREAKING)
                            : new SchemaIssue(
                                    rule(i), i.getLocation(), message(i), Impact.NON_BREAKING, Impact.BREAKING));
        }
        List<SchemaIssue> out = new ArrayList<>(issues.values());
        out.addAll(fieldChanges(o, n, issues.isEmpty()));
        return out;
    }

    /** Fields added and removed in a record, listed as such when Avro finds no problem with them. */
    private static List<SchemaIssue> fieldChanges(Schema o, Schema n, boolean clean) {
        List<SchemaIssue> out = new ArrayList<>();
        if (o.getType() != Schema.Type.RECORD || n.getType() != Schema.Type.RECORD) {
            if (clean) {
                out.add(SchemaIssue.harmless("schema-changed", "/", "the schema changed, compatibly both ways"));
            }
            return out;
        }
        Set<String> of = names(o);
        Set<String> nf = names(n);
        for (String f : nf) {
            if (!of.contains(f) && n.getField(f).hasDefaultValue()) {
                out.add(SchemaIssue.harmless(
                        "field-added", "/fields/" + f, "field '" + f + "' was added with a default"));
            }
        }
        for (String f : of) {
            if (!nf.contains(f) && o.getField(f).hasDefaultValue()) {
                out.add(SchemaIssue.harmless(
                        "field-removed", "/fields/" + f, "field '" + f + "' (which had a default) was removed"));
            }
        }
        if (clean && out.isEmpty()) {
            out.add(SchemaIssue.harmless("schema-changed", "/", "the schema changed, compatibly both ways"));
        }
        return out;
    }

    private static Set<String> names(Schema record) {
        Set<String> out = new LinkedHashSet<>();
        record.getFields().forEach(f -> out.add(f.name()));
        return out;
    }

    private static List<SchemaCompatibility.Incompatibility> incompatibilities(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult()
                .getIncompatibilities();
    }

    private static String key(SchemaCompatibility.Incompatibility i) {
        return i.getType() + " " + i.getLocation();
    }

    private static String rule(SchemaCompatibility.Incompatibility i) {
        return i.getType().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String message(SchemaCompatibility.Incompatibility i) {
        return i.getMessage() + " at " + i.getLocation();
    }
}
