package io.eventflow.model.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.Compatibility;
import io.eventflow.model.design.MessageType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The changes of one message's payload schema, checked against its compatibility mode. */
final class SchemaDiff {
    /** A payload schema that its format's parser refuses. */
    static final class UnreadableSchema extends Exception {
        UnreadableSchema(String message) {
            super(message);
        }
    }

    /** How a payload schema is written. */
    enum Format {
        JSON_SCHEMA("JSON Schema"),
        AVRO("Avro"),
        PROTOBUF("Protobuf");

        final String title;

        Format(String title) {
            this.title = title;
        }

        /** The format of a message's payload, from its {@code schemaFormat} (JSON Schema when none). */
        static Format of(MessageType m) {
            String f = m.schemaFormat() == null ? "" : m.schemaFormat().toLowerCase(Locale.ROOT);
            if (f.contains("avro")) {
                return AVRO;
            }
            if (f.contains("protobuf") || f.contains("proto")) {
                return PROTOBUF;
            }
            return JSON_SCHEMA;
        }
    }

    private SchemaDiff() {}

    static List<SchemaIssue> compare(Format format, JsonNode old, JsonNode neu) throws UnreadableSchema {
        return switch (format) {
            case AVRO -> AvroCompat.compare(old, neu);
            case PROTOBUF -> ProtobufCompat.compare(old, neu);
            case JSON_SCHEMA -> JsonSchemaCompat.compare(old, neu);
        };
    }

    /**
     * The changes of a message's payload from the previous version (the last of {@code earlier}) to {@code now}; with a
     * transitive mode, also what breaks the mode against each older version.
     *
     * @param earlier the message in earlier designs, oldest first, with the name of each design (for messages)
     */
    static List<Change> payload(List<Map.Entry<String, MessageType>> earlier, MessageType now, Compatibility mode) {
        Map.Entry<String, MessageType> previous = earlier.get(earlier.size() - 1);
        MessageType before = previous.getValue();
        String id = now.id();
        Format of = Format.of(before);
        Format nf = Format.of(now);
        List<Change> out = new ArrayList<>();
        if (before.payload() == null && now.payload() == null) {
            return out;
        }
        if (before.payload() == null || now.payload() == null) {
            boolean added = before.payload() == null;
            out.add(Change.of(
                    added ? "payload-added" : "payload-removed",
                    id,
                    null,
                    "message '" + id + "' " + (added ? "now has" : "no longer has") + " a payload schema",
                    Impact.UNCLASSIFIED,
                    Impact.UNCLASSIFIED));
            return out;
        }
        if (of != nf) {
            out.add(new Change(
                    "payload-format-changed:" + id,
                    "payload-format-changed",
                    id,
                    "the payload of '" + id + "' changed from " + of.title + " to " + nf.title,
                    Impact.BREAKING,
                    Impact.BREAKING,
                    mode != Compatibility.NONE,
                    mode.key()));
            return out;
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        try {
            add(changes, id, compare(nf, before.payload(), now.payload()), mode, null);
            if (mode.transitive()) {
                for (Map.Entry<String, MessageType> e : earlier.subList(0, earlier.size() - 1)) {
                    MessageType older = e.getValue();
                    if (older.payload() != null && Format.of(older) == nf) {
                        List<SchemaIssue> issues = compare(nf, older.payload(), now.payload()).stream()
                                .filter(i -> i.breaks(mode.backward(), mode.forward()))
                                .toList();
                        add(changes, id, issues, mode, e.getKey());
                    }
                }
            }
        } catch (UnreadableSchema e) {
            out.add(new Change(
                    "payload-unreadable:" + id,
                    "payload-unreadable",
                    id,
                    "the payload schema of '" + id + "' cannot be compared: " + e.getMessage(),
                    Impact.UNCLASSIFIED,
                    Impact.UNCLASSIFIED,
                    false,
                    mode.key()));
            return out;
        }
        out.addAll(changes.values());
        return out;
    }

    private static void add(
            Map<String, Change> changes, String id, List<SchemaIssue> issues, Compatibility mode, String against) {
        for (SchemaIssue i : issues) {
            String changeId = "schema-" + i.rule() + ":" + id + ":" + i.path();
            boolean breaking = i.breaks(mode.backward(), mode.forward());
            Change before = changes.get(changeId);
            if (before != null) {
                if (breaking && !before.breaking()) {
                    changes.put(changeId, withBreaking(before));
                }
                continue;
            }
            String summary = "'" + id + "': " + i.message() + (against == null ? "" : " (against " + against + ")");
            changes.put(
                    changeId,
                    new Change(
                            changeId,
                            "schema-" + i.rule(),
                            id,
                            summary,
                            i.backward(),
                            i.forward(),
                            breaking,
                            mode.key()));
        }
    }

    private static Change withBreaking(Change c) {
        return new Change(c.id(), c.kind(), c.element(), c.summary(), c.producers(), c.consumers(), true, c.mode());
    }
}
