package io.eventflow.model.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Compatibility;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.io.DesignWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares versions of a design and lists every change, each judged for the producers and the consumers of the
 * channels concerned (see docs/cli.md, {@code eventflow diff}). Elements are matched by id. Layout and notes are not
 * compared.
 */
public final class DesignDiff {
    private static final Set<String> DOC_KEYS = Set.of("title", "summary", "description", "examples");

    private final List<Change> out = new ArrayList<>();
    private final Set<String> signingSeen = new java.util.HashSet<>();

    private DesignDiff() {}

    /** The changes from {@code old} to {@code neu}. */
    public static DiffReport compare(Design old, Design neu) {
        return compare(List.of(Map.entry("the old version", old)), neu);
    }

    /**
     * The changes from the last of {@code earlier} to {@code neu}; payload schemas with a transitive compatibility mode
     * are also checked against each older design.
     *
     * @param earlier earlier versions, oldest first, each with a name for messages (e.g. its file name)
     * @throws IllegalArgumentException when {@code earlier} is empty
     */
    public static DiffReport compare(List<Map.Entry<String, Design>> earlier, Design neu) {
        if (earlier.isEmpty()) {
            throw new IllegalArgumentException("no earlier version to compare with");
        }
        Design old = earlier.get(earlier.size() - 1).getValue();
        DesignDiff d = new DesignDiff();
        ObjectNode ot = DesignWriter.toTree(old);
        ObjectNode nt = DesignWriter.toTree(neu);
        d.brokers(ot, nt);
        d.messages(earlier, neu, ot, nt);
        d.channels(ot, nt);
        d.out.addAll(ServiceDiff.compare(ot, nt));
        return new DiffReport(d.out);
    }

    private void brokers(ObjectNode ot, ObjectNode nt) {
        Map<String, ObjectNode> ob = Trees.index(ot, "brokers", n -> Trees.text(n, "id"));
        Map<String, ObjectNode> nb = Trees.index(nt, "brokers", n -> Trees.text(n, "id"));
        nb.forEach((id, n) -> {
            ObjectNode o = ob.get(id);
            if (o == null) {
                add(
                        "broker-added",
                        id,
                        null,
                        "broker '" + id + "' was added",
                        Impact.NON_BREAKING,
                        Impact.NON_BREAKING);
                return;
            }
            for (String key : Trees.changedKeys(o, n, Set.of("id"))) {
                // Clients find and speak to the broker by these.
                Impact i = Set.of("kind", "host", "protocol", "protocolVersion").contains(key)
                        ? Impact.BREAKING
                        : Impact.NON_BREAKING;
                setting("broker", id, key, o, n, i, i);
            }
        });
        removed(
                ob,
                nb,
                "broker",
                Impact.UNCLASSIFIED,
                Impact.UNCLASSIFIED,
                " (its channels' changes are listed with them)");
    }

    private void messages(List<Map.Entry<String, Design>> earlier, Design neu, ObjectNode ot, ObjectNode nt) {
        Design old = earlier.get(earlier.size() - 1).getValue();
        Map<String, ObjectNode> om = Trees.index(ot, "messages", n -> Trees.text(n, "id"));
        Map<String, ObjectNode> nm = Trees.index(nt, "messages", n -> Trees.text(n, "id"));
        for (MessageType m : neu.messages()) {
            Optional<MessageType> before = old.message(m.id());
            if (before.isEmpty()) {
                add(
                        "message-added",
                        m.id(),
                        null,
                        "message '" + m.id() + "' was added",
                        Impact.NON_BREAKING,
                        Impact.NON_BREAKING);
                continue;
            }
            ObjectNode o = om.get(m.id());
            ObjectNode n = nm.get(m.id());
            for (String key : Trees.changedKeys(o, n, Set.of("id", "payload"))) {
                if (!key.equals("schemaFormat") || SchemaDiff.Format.of(before.get()) == SchemaDiff.Format.of(m)) {
                    // A change of format family is the payload's (payload-format-changed); a version string is not.
                    messageKey(m.id(), key, o, n);
                }
            }
            List<Map.Entry<String, MessageType>> versions = new ArrayList<>();
            for (Map.Entry<String, Design> e : earlier) {
                e.getValue().message(m.id()).ifPresent(v -> versions.add(Map.entry(e.getKey(), v)));
            }
            out.addAll(SchemaDiff.payload(versions, m, mode(neu, m)));
        }
        removed(om, nm, "message", Impact.BREAKING, Impact.NON_BREAKING, " (producers can no longer send it)");
    }

    private void messageKey(String id, String key, ObjectNode o, ObjectNode n) {
        switch (key) {
            case "contentType" -> setting("message", id, key, o, n, Impact.BREAKING, Impact.BREAKING);
            case "signed", "signing" -> signing("message", id, o, n);
            case "headers" -> headers(id, o.get("headers"), n.get("headers"));
            case "sizeBytes", "compatibility", "schemaFormat" -> setting(
                    "message", id, key, o, n, Impact.NON_BREAKING, Impact.NON_BREAKING);
            default -> {
                if (DOC_KEYS.contains(key)) {
                    doc(id, key);
                } else {
                    setting("message", id, key, o, n, Impact.UNCLASSIFIED, Impact.UNCLASSIFIED);
                }
            }
        }
    }

    private void headers(String id, JsonNode o, JsonNode n) {
        if (o == null || n == null) {
            setting("message", id, "headers", wrap(o), wrap(n), Impact.UNCLASSIFIED, Impact.UNCLASSIFIED);
            return;
        }
        for (SchemaIssue i : JsonSchemaCompat.compare(o, n)) {
            String cid = "headers-" + i.rule() + ":" + id + ":" + i.path();
            out.add(new Change(
                    cid,
                    "headers-" + i.rule(),
                    id,
                    "'" + id + "' headers: " + i.message(),
                    i.backward(),
                    i.forward(),
                    i.backward() == Impact.BREAKING || i.forward() == Impact.BREAKING,
                    null));
        }
    }

    private static ObjectNode wrap(JsonNode headers) {
        ObjectNode o = Trees.empty();
        if (headers != null) {
            o.set("headers", headers);
        }
        return o;
    }

    /** The mode a message's payload is checked with: its own, else the strictest of its channels', else BACKWARD. */
    static Compatibility mode(Design design, MessageType m) {
        if (m.compatibility() != null) {
            return m.compatibility();
        }
        Compatibility mode = null;
        for (Channel c : design.channels()) {
            if (c.compatibility() != null && c.messages().contains(m.id())) {
                mode = mode == null ? c.compatibility() : mode.strictest(c.compatibility());
            }
        }
        return mode == null ? Compatibility.DEFAULT : mode;
    }

    private void channels(ObjectNode ot, ObjectNode nt) {
        Map<String, ObjectNode> oc = Trees.index(ot, "channels", n -> Trees.text(n, "id"));
        Map<String, ObjectNode> nc = Trees.index(nt, "channels", n -> Trees.text(n, "id"));
        nc.forEach((id, n) -> {
            ObjectNode o = oc.get(id);
            if (o == null) {
                add(
                        "channel-added",
                        id,
                        null,
                        "channel '" + id + "' was added",
                        Impact.NON_BREAKING,
                        Impact.NON_BREAKING);
                return;
            }
            for (String key : Trees.changedKeys(o, n, Set.of("id"))) {
                channelKey(id, key, o, n);
            }
        });
        removed(oc, nc, "channel", Impact.BREAKING, Impact.BREAKING, "");
    }

    private void channelKey(String id, String key, ObjectNode o, ObjectNode n) {
        switch (key) {
            case "address" -> add(
                    "channel-address-changed",
                    id,
                    null,
                    "channel '" + id + "' moved from address '" + Trees.show(o.get(key)) + "' to '"
                            + Trees.show(n.get(key)) + "'",
                    Impact.BREAKING,
                    Impact.BREAKING);
            case "broker" -> setting("channel", id, key, o, n, Impact.BREAKING, Impact.BREAKING);
            case "messages" -> channelMessages(id, o.get(key), n.get(key));
            case "compatibility" -> setting("channel", id, key, o, n, Impact.NON_BREAKING, Impact.NON_BREAKING);
            case "signed", "signing" -> signing("channel", id, o, n);
            case "partitions" -> {
                // Fewer partitions cannot be made on a log; more change which partition a key goes to (its order).
                boolean fewer = n.path(key).asInt(1) < o.path(key).asInt(1);
                Impact i = fewer ? Impact.BREAKING : Impact.UNCLASSIFIED;
                setting("channel", id, key, o, n, i, i);
            }
            default -> {
                if (DOC_KEYS.contains(key)) {
                    doc(id, key);
                } else {
                    setting("channel", id, key, o, n, Impact.UNCLASSIFIED, Impact.UNCLASSIFIED);
                }
            }
        }
    }

    private void channelMessages(String id, JsonNode o, JsonNode n) {
        Set<String> before = new LinkedHashSet<>();
        Set<String> after = new LinkedHashSet<>();
        if (o != null) {
            o.forEach(m -> before.add(m.asText()));
        }
        if (n != null) {
            n.forEach(m -> after.add(m.asText()));
        }
        for (String m : after) {
            if (!before.contains(m)) {
                add(
                        "channel-message-added",
                        id,
                        m,
                        "channel '" + id + "' now carries message '" + m + "' (consumers of the channel receive it)",
                        Impact.NON_BREAKING,
                        Impact.BREAKING);
            }
        }
        for (String m : before) {
            if (!after.contains(m)) {
                add(
                        "channel-message-removed",
                        id,
                        m,
                        "channel '" + id + "' no longer carries message '" + m + "' (producers of it must stop)",
                        Impact.BREAKING,
                        Impact.NON_BREAKING);
            }
        }
    }

    private void removed(
            Map<String, ObjectNode> o,
            Map<String, ObjectNode> n,
            String what,
            Impact producers,
            Impact consumers,
            String why) {
        for (String id : o.keySet()) {
            if (!n.containsKey(id)) {
                add(what + "-removed", id, null, what + " '" + id + "' was removed" + why, producers, consumers);
            }
        }
    }

    private void setting(
            String what, String id, String key, JsonNode o, JsonNode n, Impact producers, Impact consumers) {
        add(
                what + "-setting-changed",
                id,
                key,
                what + " '" + id + "': '" + key + "' changed from " + Trees.show(o.get(key)) + " to "
                        + Trees.show(n.get(key)),
                producers,
                consumers);
    }

    /** One change for {@code signed} and {@code signing} together (both keys change when one replaces the other). */
    private void signing(String what, String id, ObjectNode o, ObjectNode n) {
        if (!signingSeen.add(what + ":" + id)) {
            return;
        }
        SigningDiff.Verdict v = SigningDiff.of(o, n);
        setting(what, id, v.key(), o, n, v.producers(), v.consumers());
    }

    private void doc(String id, String key) {
        add("doc-changed", id, key, "'" + id + "': " + key + " changed", Impact.NON_BREAKING, Impact.NON_BREAKING);
    }

    private void add(String kind, String element, String detail, String summary, Impact producers, Impact consumers) {
        out.add(Change.of(kind, element, detail, summary, producers, consumers));
    }
}
