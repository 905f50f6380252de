package io.eventflow.model.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Helpers over the trees {@code DesignWriter} makes: elements indexed by id, keys compared. */
final class Trees {
    private Trees() {}

    /** The objects of an array under {@code key}, by the key {@code idOf} gives (a repeated key gets {@code #2}...). */
    static Map<String, ObjectNode> index(JsonNode parent, String key, Function<JsonNode, String> idOf) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        JsonNode a = parent == null ? null : parent.get(key);
        if (a != null && a.isArray()) {
            for (JsonNode n : a) {
                if (n.isObject()) {
                    String id = idOf.apply(n);
                    String unique = id;
                    for (int i = 2; out.containsKey(unique); i++) {
                        unique = id + "#" + i;
                    }
                    out.put(unique, (ObjectNode) n);
                }
            }
        }
        return out;
    }

    static String text(JsonNode o, String key) {
        JsonNode v = o == null ? null : o.get(key);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    /** The keys of either object whose values differ, in the order of the new object then the old one. */
    static List<String> changedKeys(JsonNode o, JsonNode n, Set<String> skip) {
        Set<String> keys = new LinkedHashSet<>();
        names(n).forEach(keys::add);
        names(o).forEach(keys::add);
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (!skip.contains(k) && !java.util.Objects.equals(o.get(k), n.get(k))) {
                out.add(k);
            }
        }
        return out;
    }

    private static Iterable<String> names(JsonNode o) {
        return () -> o == null ? List.<String>of().iterator() : (Iterator<String>) o.fieldNames();
    }

    static String show(JsonNode v) {
        if (v == null || v.isNull()) {
            return "none";
        }
        String s = v.isValueNode() ? v.asText() : v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }
}
