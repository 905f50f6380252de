package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * How a service's producer sends. Fields are {@code null} when the design does not set them.
 *
 * @param acks 0, 1 or all (1)
 * @param idempotent whether the broker drops duplicates from producer retries (false)
 * @param transactional whether sends are part of consume-process-produce transactions (false)
 * @param retry retries of failed sends
 * @param extensions {@code x-} keys kept verbatim
 */
public record ProducerSettings(
        Acks acks, Boolean idempotent, Boolean transactional, RetryPolicy retry, Map<String, JsonNode> extensions) {
    public ProducerSettings {
        extensions = Extensions.copy(extensions);
    }

    public ProducerSettings(Acks acks, Boolean idempotent, Boolean transactional, RetryPolicy retry) {
        this(acks, idempotent, transactional, retry, Map.of());
    }

    public Acks acksOrDefault() {
        return acks == null ? Acks.LEADER : acks;
    }

    public boolean isIdempotent() {
        return Boolean.TRUE.equals(idempotent);
    }

    public boolean isTransactional() {
        return Boolean.TRUE.equals(transactional);
    }
}
