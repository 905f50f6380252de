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
    /** Nothing set: every component at its default. */
    public static final ProducerSettings EMPTY = new ProducerSettings(null, null, null, null, null);

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

    /** A copy with {@code acks} set. */
    public ProducerSettings withAcks(Acks newAcks) {
        return new ProducerSettings(newAcks, idempotent, transactional, retry, extensions);
    }

    /** A copy with {@code idempotent} set. */
    public ProducerSettings withIdempotent(Boolean newIdempotent) {
        return new ProducerSettings(acks, newIdempotent, transactional, retry, extensions);
    }

    /** A copy with {@code transactional} set. */
    public ProducerSettings withTransactional(Boolean newTransactional) {
        return new ProducerSettings(acks, idempotent, newTransactional, retry, extensions);
    }

    /** A copy with {@code retry} set. */
    public ProducerSettings withRetry(RetryPolicy newRetry) {
        return new ProducerSettings(acks, idempotent, transactional, newRetry, extensions);
    }
}
