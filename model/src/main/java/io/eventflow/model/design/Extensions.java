package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers for the {@code x-} extension maps that every element carries and writes back untouched. */
public final class Extensions {
    private Extensions() {}

    /** An unmodifiable copy that keeps the original order; {@code null} becomes empty. */
    public static Map<String, JsonNode> copy(Map<String, JsonNode> extensions) {
        if (extensions == null || extensions.isEmpty()) {
            return Map.of();
        }
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        extensions.forEach((k, v) -> copy.put(k, v == null ? null : v.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    /** True for keys that are extensions ({@code x-...}). */
    public static boolean isExtension(String key) {
        return key.startsWith("x-");
    }
}
