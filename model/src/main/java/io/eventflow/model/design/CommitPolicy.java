package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * When a consumer commits offsets (Kafka) or acks messages (AMQP).
 *
 * @param mode auto (periodic commit of what was fetched), after-processing or before-processing
 * @param interval auto-commit interval (5s)
 * @param extensions {@code x-} keys kept verbatim
 */
public record CommitPolicy(CommitMode mode, TimeSpan interval, Map<String, JsonNode> extensions) {
    public CommitPolicy {
        extensions = Extensions.copy(extensions);
    }

    public CommitPolicy(CommitMode mode, TimeSpan interval) {
        this(mode, interval, Map.of());
    }

    public TimeSpan intervalOrDefault() {
        return interval == null ? TimeSpan.ofSeconds(5) : interval;
    }
}
