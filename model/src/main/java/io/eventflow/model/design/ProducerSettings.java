package io.eventflow.model.design;

/**
 * How a service's producer sends. Fields are {@code null} when the design does not set them.
 *
 * @param acks 0, 1 or all (1)
 * @param idempotent whether the broker drops duplicates from producer retries (false)
 * @param transactional whether sends are part of consume-process-produce transactions (false)
 * @param retry retries of failed sends
 */
public record ProducerSettings(Acks acks, Boolean idempotent, Boolean transactional, RetryPolicy retry) {
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
