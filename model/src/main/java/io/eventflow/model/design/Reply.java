package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A responder's answer to each request it processes, sent on the reply channel with the request's correlation id.
 *
 * @param channel id of the reply channel
 * @param message id of the reply message type
 * @param extensions {@code x-} keys kept verbatim
 */
public record Reply(String channel, String message, Map<String, JsonNode> extensions) {
    public Reply {
        extensions = Extensions.copy(extensions);
    }

    public Reply(String channel, String message) {
        this(channel, message, Map.of());
    }
}
