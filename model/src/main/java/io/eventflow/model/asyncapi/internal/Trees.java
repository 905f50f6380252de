package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Small helpers over Jackson trees: stable writing, merging, picking keys. */
public final class Trees {
    public static final JsonNodeFactory NF = JsonNodeFactory.instance;

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .stringQuotingChecker(new Yaml11Quoting())
                    .build())
            .build();
    private static final ObjectWriter JSON;

    static {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        JSON = new ObjectMapper().writer(pp);
    }

    private Trees() {}

    public static String yaml(JsonNode n) {
        try {
            return YAML.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String json(JsonNode n) {
        try {
            return JSON.writeValueAsString(n).replace("\" : ", "\": ") + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a value when it is not null (strings, numbers, booleans, nodes). */
    public static void put(ObjectNode o, String key, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof JsonNode n) {
            o.set(key, n.deepCopy());
        } else if (v instanceof String s) {
            o.put(key, s);
        } else if (v instanceof Integer i) {
            o.put(key, i);
        } else if (v instanceof Long l) {
            o.put(key, l);
        } else if (v instanceof Boolean b) {
            o.put(key, b);
        } else if (v instanceof Double d) {
            o.put(key, d);
        } else {
            o.put(key, v.toString());
        }
    }

    /** Deep merge: {@code overlay}'s keys win; objects merge recursively. Returns {@code base} (modified). */
    public static ObjectNode merge(ObjectNode base, JsonNode overlay) {
        if (overlay == null || !overlay.isObject()) {
            return base;
        }
        Iterator<Map.Entry<String, JsonNode>> it = overlay.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode cur = base.get(e.getKey());
            if (cur != null && cur.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) cur, e.getValue());
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return base;
    }

    /** The key a {@code $ref} is kept under inside {@code x-eventflow-v3}, where 2.x tools must not follow it. */
    public static final String HIDDEN_REF = "x-eventflow-ref";

    /**
     * A copy with every {@code $ref} key renamed {@link #HIDDEN_REF} ({@code hide}) or back ({@code !hide}): 3.0
     * references kept in a 2.6 document point at 3.0 places (such as {@code #/channels/c/messages/m}) that the 2.6
     * document does not have, and the official parser follows references even inside extensions.
     */
    public static JsonNode refs(JsonNode n, boolean hide) {
        if (n == null) {
            return null;
        }
        String from = hide ? "$ref" : HIDDEN_REF;
        String to = hide ? HIDDEN_REF : "$ref";
        if (n.isObject()) {
            ObjectNode o = NF.objectNode();
            n.fields()
                    .forEachRemaining(e -> o.set(e.getKey().equals(from) ? to : e.getKey(), refs(e.getValue(), hide)));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = NF.arrayNode();
            n.forEach(x -> a.add(refs(x, hide)));
            return a;
        }
        return n;
    }

    /** Merge where {@code base}'s keys win: only absent keys are taken from {@code under}. */
    public static ObjectNode fillFrom(ObjectNode base, JsonNode under) {
        if (under == null || !under.isObject()) {
            return base;
        }
        under.fields().forEachRemaining(e -> {
            JsonNode cur = base.get(e.getKey());
            if (cur == null) {
                base.set(e.getKey(), e.getValue().deepCopy());
            } else if (cur.isObject() && e.getValue().isObject()) {
                fillFrom((ObjectNode) cur, e.getValue());
            }
        });
        return base;
    }

    /** A copy holding only the given keys, in the object's own order. */
    public static ObjectNode only(JsonNode o, Collection<String> keys) {
        ObjectNode out = NF.objectNode();
        if (o != null && o.isObject()) {
            o.fields().forEachRemaining(e -> {
                if (keys.contains(e.getKey()) || e.getKey().startsWith("x-")) {
                    out.set(e.getKey(), e.getValue().deepCopy());
                }
            });
        }
        return out;
    }

    /** A copy without the given keys. */
    public static ObjectNode without(JsonNode o, Collection<String> keys) {
        ObjectNode out = NF.objectNode();
        if (o != null && o.isObject()) {
            o.fields().forEachRemaining(e -> {
                if (!keys.contains(e.getKey())) {
                    out.set(e.getKey(), e.getValue().deepCopy());
                }
            });
        }
        return out;
    }

    public static ObjectNode obj(JsonNode n) {
        return n != null && n.isObject() ? (ObjectNode) n : null;
    }

    public static String text(JsonNode o, String key) {
        JsonNode v = o == null ? null : o.get(key);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    public static ArrayNode array(Collection<String> items) {
        ArrayNode a = NF.arrayNode();
        items.forEach(a::add);
        return a;
    }

    public static List<String> fieldNames(JsonNode o) {
        List<String> out = new ArrayList<>();
        if (o != null && o.isObject()) {
            o.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    /** A key unique in {@code used} (which it joins), built from {@code base}. */
    public static String unique(String base, Set<String> used) {
        String k = base;
        for (int i = 2; used.contains(k) || used.contains(k.toLowerCase(Locale.ROOT) + "\u0000"); i++) {
            k = base + i;
        }
        used.add(k);
        return k;
    }

    /** An id-like slug of free text: letters, digits, dot, dash and underscore; never empty. */
    public static String slug(String s) {
        String t = s == null ? "" : s.trim().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return t.isEmpty() ? "x" : t;
    }

    /** Unescapes one JSON-pointer segment. */
    public static String unescape(String seg) {
        return seg.replace("~1", "/").replace("~0", "~");
    }

    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
