package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * A service publishing a message type on a channel, on its own (with a rate) or per message it processes.
 *
 * @param channel id of the channel
 * @param message id of the message type (the channel's only type when null)
 * @param rate how often, for a producer publishing on its own
 * @param arrival arrival process (constant when null)
 * @param key payload field used as the record key (a log) or routing key (an exchange)
 * @param keys distribution of key values, e.g. {@code uniform(10000)}
 * @param per {@code processed}: publish one message per message processed (a chain, carrying the correlation id on)
 * @param from with {@code per}: the channel whose processed messages trigger it (any subscribed channel when null)
 * @param routingKey exchange routing key used when publishing
 * @param will kinds with client sessions: this is the service's last will, published by the broker for an instance that disconnects
 *     uncleanly (a crash), not at a rate (false)
 * @param transaction broadcasts: each notification is sent inside a transaction that commits this long after it (none: sent
 *     outside a transaction, delivered at once)
 * @param rollbackPercent broadcasts: the percentage of those transactions that roll back, taking their notifications
 *     with them (0)
 * @param extensions {@code x-} keys kept verbatim
 */
public record Publication(
        String channel,
        String message,
        Rate rate,
        Arrival arrival,
        String key,
        String keys,
        String per,
        String from,
        String routingKey,
        Boolean will,
        TimeSpan transaction,
        Double rollbackPercent,
        Map<String, JsonNode> extensions) {
    public Publication {
        Objects.requireNonNull(channel, "channel");
        extensions = Extensions.copy(extensions);
    }

    public Publication(String channel, String message, Rate rate) {
        this(channel, message, rate, null, null, null, null, null, null, null, null, null, Map.of());
    }

    /** True when this publication is driven by processing ({@code per: processed}) rather than a rate. */
    public boolean isChained() {
        return "processed".equals(per);
    }

    /** True when this publication is a last will rather than a stream of messages. */
    public boolean isWill() {
        return Boolean.TRUE.equals(will);
    }

    public Arrival arrivalOrDefault() {
        return arrival == null ? Arrival.CONSTANT : arrival;
    }

    public Publication withChannel(String newChannel) {
        return new Publication(
                newChannel,
                message,
                rate,
                arrival,
                key,
                keys,
                per,
                from,
                routingKey,
                will,
                transaction,
                rollbackPercent,
                extensions);
    }

    /** A copy with {@code message} set. */
    public Publication withMessage(String newMessage) {
        return new Publication(
                channel,
                newMessage,
                rate,
                arrival,
                key,
                keys,
                per,
                from,
                routingKey,
                will,
                transaction,
                rollbackPercent,
                extensions);
    }

    /** A copy with {@code per} set. */
    public Publication withPer(String newPer) {
        return new Publication(
                channel,
                message,
                rate,
                arrival,
                key,
                keys,
                newPer,
                from,
                routingKey,
                will,
                transaction,
                rollbackPercent,
                extensions);
    }

    /** A copy with {@code rate} set. */
    public Publication withRate(Rate newRate) {
        return new Publication(
                channel,
                message,
                newRate,
                arrival,
                key,
                keys,
                per,
                from,
                routingKey,
                will,
                transaction,
                rollbackPercent,
                extensions);
    }

    /** A copy with {@code arrival} set. */
    public Publication withArrival(Arrival newArrival) {
        return new Publication(
                channel,
                message,
                rate,
                newArrival,
                key,
                keys,
                per,
                from,
                routingKey,
                will,
                transaction,
                rollbackPercent,
                extensions);
    }

    /** A copy with {@code from} set. */
    public Publication withFrom(String newFrom) {
        return new Publication(
                channel,
                message,
                rate,
                arrival,
                key,
                keys,
                per,
                newFrom,
                routingKey,
                will,
                transaction,
                rollbackPercent,
                extensions);
    }

    /** A copy with {@code key} set. */
    public Publication withKey(String newKey) {
        return new Publication(
                channel,
                message,
                rate,
                arrival,
                newKey,
                keys,
                per,
                from,
                routingKey,
                will,
                transaction,
                rollbackPercent,
                extensions);
    }

    /** A copy with {@code keys} set. */
    public Publication withKeys(String newKeys) {
        return new Publication(
                channel,
                message,
                rate,
                arrival,
                key,
                newKeys,
                per,
                from,
                routingKey,
                will,
                transaction,
                rollbackPercent,
                extensions);
    }

    /** A copy with {@code routingKey} set. */
    public Publication withRoutingKey(String newRoutingKey) {
        return new Publication(
                channel,
                message,
                rate,
                arrival,
                key,
                keys,
                per,
                from,
                newRoutingKey,
                will,
                transaction,
                rollbackPercent,
                extensions);
    }

    public Publication withTransaction(TimeSpan v) {
        return new Publication(
                channel,
                message,
                rate,
                arrival,
                key,
                keys,
                per,
                from,
                routingKey,
                will,
                v,
                rollbackPercent,
                extensions);
    }

    public Publication withRollbackPercent(Double v) {
        return new Publication(
                channel, message, rate, arrival, key, keys, per, from, routingKey, will, transaction, v, extensions);
    }

    public Publication withWill(Boolean v) {
        return new Publication(
                channel,
                message,
                rate,
                arrival,
                key,
                keys,
                per,
                from,
                routingKey,
                v,
                transaction,
                rollbackPercent,
                extensions);
    }
}
