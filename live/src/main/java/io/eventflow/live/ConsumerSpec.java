package io.eventflow.live;

import io.eventflow.model.design.Subscription;
import java.util.Objects;

/**
 * What a consumer client is for: one service instance in one group on one channel.
 *
 * @param clientId the instance's identity, unique in the run and kept across a restart, e.g.
 *     {@code ef-3f9a2c-billing#0} (Kafka: {@code group.instance.id}; MQTT: the client id; Redis: the consumer name)
 * @param group the group's name on the broker (run prefix + the design's group)
 * @param channel the channel it reads
 * @param subscription the design's subscription (processing, delivery, commit, prefetch, qos, ...)
 * @param ack when deliveries are acknowledged or committed
 * @param commitIntervalMillis with {@link Ack#AUTO}: how often the position is committed
 * @param prefetch most deliveries handed over per poll (Kafka {@code max.poll.records}, AMQP prefetch)
 * @param fromEarliest where a group with no committed position starts: earliest (true) or latest
 */
public record ConsumerSpec(
        String clientId,
        String group,
        LiveChannel channel,
        Subscription subscription,
        Ack ack,
        long commitIntervalMillis,
        int prefetch,
        boolean fromEarliest) {
    public ConsumerSpec {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(ack, "ack");
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1: " + prefetch);
        }
    }

    /** When a consumer acknowledges (the design's delivery guarantee and commit mode, resolved). */
    public enum Ack {
        /** At-most-once: acked/committed when received, before processing ({@link Delivery#ack()} does nothing). */
        ON_RECEIVE,
        /** Committed periodically: the position of the last poll, at the first poll after each interval. */
        AUTO,
        /** Each delivery is acked/committed by {@link Delivery#ack()} after its processing. */
        AFTER_PROCESSING
    }
}
