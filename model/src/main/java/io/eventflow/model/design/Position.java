package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Where an element sits on the canvas, in canvas units (top-left corner), with {@code x-} keys kept verbatim. */
public record Position(double x, double y, Map<String, JsonNode> extensions) {
    public Position {
        extensions = Extensions.copy(extensions);
    }

    public Position(double x, double y) {
        this(x, y, Map.of());
    }
}
