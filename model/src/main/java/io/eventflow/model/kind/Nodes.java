package io.eventflow.model.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The JSON tree helpers the kinds' {@link KindBindings} use. */
final class Nodes {
    static final JsonNodeFactory NF = JsonNodeFactory.instance;

    private Nodes() {}

    /** Puts a value when it is not null (texts, whole numbers, booleans). */
    static void put(ObjectNode o, String key, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof String s) {
            o.put(key, s);
        } else if (v instanceof Integer i) {
            o.put(key, i);
        } else if (v instanceof Long l) {
            o.put(key, l);
        } else if (v instanceof Boolean b) {
            o.put(key, b);
        } else {
            o.put(key, v.toString());
        }
    }

    static ObjectNode obj(JsonNode n) {
        return n != null && n.isObject() ? (ObjectNode) n : null;
    }

    static String text(JsonNode o, String key) {
        JsonNode v = o == null ? null : o.get(key);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    static ArrayNode array(Collection<String> items) {
        ArrayNode a = NF.arrayNode();
        items.forEach(a::add);
        return a;
    }

    static List<String> fieldNames(JsonNode o) {
        List<String> out = new ArrayList<>();
        if (o != null && o.isObject()) {
            o.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    /** Removes a binding's {@code bindingVersion} when it is the version the export writes. */
    static void dropVersion(ObjectNode b, String version) {
        if (version.equals(text(b, "bindingVersion"))) {
            b.remove("bindingVersion");
        }
    }

    /** Removes an operation binding's {@code bindingVersion} when it is all that is left and the version written. */
    static void dropLoneVersion(ObjectNode b, String version) {
        if (b.size() == 1 && version.equals(text(b, "bindingVersion"))) {
            b.remove("bindingVersion");
        }
    }

    /** Removes {@code o}'s binding {@code key} when nothing is left of it. */
    static void dropIfEmpty(ObjectNode o, String key) {
        if (o.get(key) instanceof ObjectNode b && b.isEmpty()) {
            o.remove(key);
        }
    }

    /** Moves a whole number of at least 1. */
    static void moveCount(ObjectNode from, String key, ObjectNode to, String toKey) {
        JsonNode v = from.get(key);
        if (v != null && v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 1) {
            to.put(toKey, v.intValue());
            from.remove(key);
        }
    }
}
