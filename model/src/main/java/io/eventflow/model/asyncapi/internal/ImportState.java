package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.ElementId;
import io.eventflow.model.kind.KindBindings;
import io.eventflow.model.kind.KindProfiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The design tree being built by an import, shared by every document of it. */
final class ImportState {
    final RefResolver refs;
    final ObjectNode design = Trees.NF.objectNode();
    final ArrayNode brokers = Trees.NF.arrayNode();
    final ArrayNode messages = Trees.NF.arrayNode();
    final ArrayNode channels = Trees.NF.arrayNode();
    final ArrayNode services = Trees.NF.arrayNode();
    final Set<String> ids = new HashSet<>();
    final Map<String, ObjectNode> byId = new HashMap<>();
    final Map<String, String> messageByIdentity = new HashMap<>();
    final Map<String, String> channelByAddress = new HashMap<>();
    final Map<String, String> brokerByServer = new HashMap<>();
    /** Design pointer of each element ({@code /channels/3}) → where it came from. */
    final Map<String, Located> origin = new LinkedHashMap<>();

    final ObjectNode rootRaw = Trees.NF.objectNode();
    final ObjectNode rootEf = Trees.NF.objectNode();
    /** Payload schema keys used as messages' payloads, per document. */
    final Set<String> payloadSchemas = new HashSet<>();
    /**
     * What operations' bindings said that needs every channel (the kinds' {@code readSendLater}), applied in order once
     * every document is read.
     */
    final List<Consumer<KindBindings.Imported>> later = new ArrayList<>();

    ImportState(RefResolver refs) {
        this.refs = refs;
    }

    /** A free id made from {@code base}: itself, else with the element kind, else numbered. */
    String claim(String base, String kind) {
        String b = base == null || base.isBlank() ? kind : ElementId.fromText(base, kind);
        String id = b;
        if (ids.contains(id)) {
            id = b + "-" + kind;
        }
        for (int i = 2; ids.contains(id); i++) {
            id = b + "-" + kind + i;
        }
        ids.add(id);
        return id;
    }

    ObjectNode add(ArrayNode list, String listName, ObjectNode element, Located from) {
        origin.put("/" + listName + "/" + list.size(), from);
        list.add(element);
        byId.put(listName + ":" + element.get("id").asText(), element);
        return element;
    }

    ObjectNode get(String listName, String id) {
        return byId.get(listName + ":" + id);
    }

    /** Copies the user's own {@code x-} keys of an AsyncAPI object onto a design element. */
    static void userExtensions(JsonNode from, ObjectNode to) {
        if (from == null) {
            return;
        }
        from.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-") && !Ext.isInternal(e.getKey())) {
                to.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    /** Puts the AsyncAPI fields the design has no place for under {@code x-asyncapi}, if any. */
    static void raw(ObjectNode element, JsonNode rest) {
        if (rest instanceof ObjectNode o) {
            V3Writer.removeExtensions(o);
            if (!o.isEmpty()) {
                element.set(Ext.RAW, o);
            }
        }
    }

    /** Adds {@code x-eventflow} settings that the native mapping did not already give. */
    static void fill(ObjectNode element, JsonNode ef, String... skip) {
        if (ef == null || !ef.isObject()) {
            return;
        }
        Set<String> skipped = Set.of(skip);
        ef.fields().forEachRemaining(e -> {
            if (!skipped.contains(e.getKey()) && !element.has(e.getKey())) {
                element.set(e.getKey(), e.getValue().deepCopy());
            } else if (!skipped.contains(e.getKey()) && e.getValue().isTextual() && element.has(e.getKey())) {
                keepText(element, e.getKey(), e.getValue().asText());
            }
        });
    }

    /** The unit of a duration channel key that AsyncAPI writes as a number (its kind's bindings say); 0 if none. */
    private static long nativeTimeUnit(String key) {
        for (BrokerKind kind : BrokerKind.values()) {
            long unit = KindProfiles.of(kind).bindings().nativeTimeUnit(key);
            if (unit > 0) {
                return unit;
            }
        }
        return 0;
    }

    /** For durations and sizes written natively in another unit: keeps the design's text when it is the same. */
    private static void keepText(ObjectNode element, String key, String text) {
        JsonNode cur = element.get(key);
        try {
            long unit = nativeTimeUnit(key);
            if (unit > 0) {
                var a = io.eventflow.model.design.TimeSpan.parse(text);
                var b = io.eventflow.model.design.TimeSpan.parse(cur.asText());
                if (Math.round((double) a.nanos() / unit) == b.nanos() / unit) {
                    element.put(key, text);
                }
            } else if (key.equals("retentionBytes")) {
                if (io.eventflow.model.design.DataSize.parse(text).bytes() == cur.asLong()) {
                    element.put(key, text);
                }
            }
        } catch (IllegalArgumentException e) {
            // keep the native value
        }
    }
}
