package io.eventflow.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.DataSize;
import io.eventflow.model.design.Keyed;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.kind.SettingsSource;
import io.eventflow.model.validate.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed access to one map of a design file, collecting a problem (with its JSON pointer) for every wrong type, bad
 * value or unknown key instead of stopping at the first.
 */
final class Fields implements SettingsSource {
    private final JsonNode node;
    private final String pointer;
    private final List<Problem> problems;
    private final String element;
    private final Set<String> used = new TreeSet<>();

    Fields(JsonNode node, String pointer, List<Problem> problems, String element) {
        this.node = node;
        this.pointer = pointer;
        this.problems = problems;
        this.element = element;
    }

    String pointer(String key) {
        return pointer + "/" + SourceTree.escape(key);
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    JsonNode raw(String key) {
        used.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    void error(String key, String message, String hint) {
        problems.add(Problem.error("EF105", element, key == null ? pointer : pointer(key), message, hint));
    }

    @Override
    public String str(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (v.isTextual() || v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        error(key, "'" + key + "' must be a text, not " + kind(v), null);
        return null;
    }

    @Override
    public Integer integer(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        Integer max = io.eventflow.model.design.Limits.MAX_COUNTS.get(key);
        if (max != null && v.isIntegralNumber() && (!v.canConvertToInt() || v.intValue() > max)) {
            problems.add(Problem.error(
                    "EF104",
                    element,
                    pointer(key),
                    "'" + key + "' is " + v.asText() + "; the most accepted is "
                            + io.eventflow.model.design.Limits.format(max),
                    null));
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        error(key, "'" + key + "' must be a whole number, not " + describe(v), null);
        return null;
    }

    Double number(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (v.isNumber() && Double.isFinite(v.doubleValue())) {
            return v.doubleValue();
        }
        if (v.isNumber()) {
            // e.g. 1e400: read as infinity, which could not be written back as a number
            problems.add(Problem.error("EF104", element, pointer(key), "'" + key + "' is too large a number", null));
            return null;
        }
        error(key, "'" + key + "' must be a number, not " + describe(v), null);
        return null;
    }

    @Override
    public Boolean bool(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        error(key, "'" + key + "' must be true or false, not " + describe(v), null);
        return null;
    }

    @Override
    public TimeSpan timeSpan(String key) {
        return parsed(key, TimeSpan::parse);
    }

    Rate rate(String key) {
        return parsed(key, Rate::parse);
    }

    @Override
    public DataSize size(String key) {
        return parsed(key, DataSize::parse);
    }

    @Override
    public <E extends Enum<E> & Keyed> E keyed(String key, Class<E> type, String what) {
        return parsed(key, s -> Keyed.parse(type, s, what));
    }

    <T> T parsed(String key, Function<String, T> parser) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isValueNode()) {
            error(key, "'" + key + "' must be a single value, not " + kind(v), null);
            return null;
        }
        try {
            return parser.apply(v.asText());
        } catch (IllegalArgumentException e) {
            // A negative number is a value that cannot be, the rest is a wrong notation.
            String rule = v.asText().strip().startsWith("-") || e.getMessage().contains(" is more than the ")
                    ? "EF104"
                    : "EF105";
            problems.add(Problem.error(rule, element, pointer(key), e.getMessage(), null));
            return null;
        }
    }

    @Override
    public List<String> strings(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            error(key, "'" + key + "' must be a list of texts, not " + kind(v), null);
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (item.isValueNode() && !item.isNull()) {
                out.add(item.asText());
            } else {
                problems.add(Problem.error(
                        "EF105", element, pointer(key) + "/" + i, "items of '" + key + "' must be texts", null));
            }
        }
        return out;
    }

    /** The map under {@code key}, or null (with a problem if it is there but not a map). */
    Fields object(String key, String childElement) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            error(key, "'" + key + "' must be a map of keys and values, not " + kind(v), null);
            return null;
        }
        return new Fields(v, pointer(key), problems, childElement);
    }

    /** The list under {@code key} as maps; items that are not maps are reported and left out. */
    List<Fields> objects(String key, Function<JsonNode, String> elementOf) {
        JsonNode v = raw(key);
        List<Fields> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            error(key, "'" + key + "' must be a list, not " + kind(v), null);
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String p = pointer(key) + "/" + i;
            if (!item.isObject()) {
                problems.add(Problem.error(
                        "EF105", element, p, "items of '" + key + "' must be maps, not " + kind(item), null));
                out.add(null);
                continue;
            }
            out.add(new Fields(item, p, problems, elementOf.apply(item)));
        }
        return out;
    }

    /** All {@code x-} keys, verbatim. */
    Map<String, JsonNode> extensions() {
        Map<String, JsonNode> ext = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-")) {
                ext.put(e.getKey(), e.getValue());
            }
        });
        return ext;
    }

    /** Reports every key that is neither known, nor read, nor an {@code x-} extension. */
    void rejectUnknown(String... known) {
        Set<String> ok = new TreeSet<>(Arrays.asList(known));
        ok.addAll(used);
        node.fieldNames().forEachRemaining(k -> {
            if (!ok.contains(k) && !k.startsWith("x-")) {
                String suggestion = io.eventflow.model.validate.Levenshtein.closest(k, ok, true);
                problems.add(Problem.error(
                        "EF105",
                        element,
                        pointer(k),
                        "unknown key '" + k + "'",
                        suggestion != null
                                ? "did you mean '" + suggestion + "'? (prefix your own keys with x-)"
                                : "known keys here: " + String.join(", ", ok) + " (prefix your own keys with x-)"));
            }
        });
    }

    JsonNode node() {
        return node;
    }

    String element() {
        return element;
    }

    static String kind(JsonNode v) {
        if (v.isObject()) {
            return "a map";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isTextual()) {
            return "a text";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "true/false";
        }
        return "empty";
    }

    private static String describe(JsonNode v) {
        return v.isValueNode() ? "'" + v.asText() + "'" : kind(v);
    }
}
