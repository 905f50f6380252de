package io.eventflow.model.design;

import java.util.List;

/**
 * AMQP/RabbitMQ-like settings of a channel: the channel is a queue bound to an exchange. Every field is {@code null}
 * when the design does not set it.
 *
 * @param exchange the exchange producers publish to (the default exchange when null: routing by queue name)
 * @param exchangeType direct, topic, fanout or headers (direct)
 * @param routingKey the routing key producers use by default
 * @param bindings binding keys (patterns for topic exchanges) that bind this queue to the exchange
 * @param ttl per-queue message TTL
 * @param maxLength maximum number of ready messages
 * @param overflow what happens at max length (drop-head)
 * @param durable whether the queue survives a broker restart (true)
 */
public record AmqpQueue(
        String exchange,
        ExchangeType exchangeType,
        String routingKey,
        List<String> bindings,
        TimeSpan ttl,
        Integer maxLength,
        Overflow overflow,
        Boolean durable)
        implements KindSettings {
    public static final AmqpQueue NONE = new AmqpQueue(null, null, null, null, null, null, null, null);

    public AmqpQueue {
        bindings = bindings == null ? null : List.copyOf(bindings);
    }

    public ExchangeType exchangeTypeOrDefault() {
        return exchangeType == null ? ExchangeType.DIRECT : exchangeType;
    }

    public Overflow overflowOrDefault() {
        return overflow == null ? Overflow.DROP_HEAD : overflow;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.AMQP;
    }

    /** The channel's settings of this kind; {@link #NONE} when it sets none. */
    public static AmqpQueue of(Channel c) {
        return c.settings().part(AmqpQueue.class).orElse(NONE);
    }

    public AmqpQueue withExchange(String value) {
        return new AmqpQueue(value, exchangeType, routingKey, bindings, ttl, maxLength, overflow, durable);
    }

    public AmqpQueue withExchangeType(ExchangeType value) {
        return new AmqpQueue(exchange, value, routingKey, bindings, ttl, maxLength, overflow, durable);
    }

    public AmqpQueue withRoutingKey(String value) {
        return new AmqpQueue(exchange, exchangeType, value, bindings, ttl, maxLength, overflow, durable);
    }

    public AmqpQueue withBindings(List<String> value) {
        return new AmqpQueue(exchange, exchangeType, routingKey, value, ttl, maxLength, overflow, durable);
    }

    public AmqpQueue withTtl(TimeSpan value) {
        return new AmqpQueue(exchange, exchangeType, routingKey, bindings, value, maxLength, overflow, durable);
    }

    public AmqpQueue withMaxLength(Integer value) {
        return new AmqpQueue(exchange, exchangeType, routingKey, bindings, ttl, value, overflow, durable);
    }

    public AmqpQueue withOverflow(Overflow value) {
        return new AmqpQueue(exchange, exchangeType, routingKey, bindings, ttl, maxLength, value, durable);
    }

    public AmqpQueue withDurable(Boolean value) {
        return new AmqpQueue(exchange, exchangeType, routingKey, bindings, ttl, maxLength, overflow, value);
    }
}
