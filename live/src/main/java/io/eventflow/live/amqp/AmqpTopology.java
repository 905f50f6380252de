package io.eventflow.live.amqp;

import io.eventflow.live.LiveChannel;
import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.ExchangeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a design channel becomes RabbitMQ topology: the channel is a queue (its run name), bound to the design's
 * exchange (prefixed with the run prefix) with the design's binding keys; TTL, max length, overflow and the
 * dead-letter route become queue arguments. Binding and routing keys are patterns, not names: they are used as
 * designed.
 */
final class AmqpTopology {
    private AmqpTopology() {}

    /** The exchange's name on the broker (run prefix + the design's name), or "" (the default exchange). */
    static String exchange(String prefix, AmqpQueue amqp) {
        return amqp.exchange() == null ? "" : prefix + amqp.exchange();
    }

    /** The binding keys of a queue: the design's, else its routing key, else its address. */
    static List<String> bindings(LiveChannel channel) {
        AmqpQueue amqp = AmqpQueue.of(channel.channel());
        if (amqp.bindings() != null && !amqp.bindings().isEmpty()) {
            return amqp.bindings();
        }
        if (amqp.routingKey() != null) {
            return List.of(amqp.routingKey());
        }
        return List.of(channel.channel().effectiveAddress());
    }

    /**
     * The routing key producers use for a channel: the design's routing key, else the first binding key without
     * wildcards, else its address; on the default exchange, the queue's name.
     */
    static String routingKey(LiveChannel channel) {
        AmqpQueue amqp = AmqpQueue.of(channel.channel());
        if (amqp.exchange() == null) {
            return channel.name();
        }
        if (amqp.routingKey() != null) {
            return amqp.routingKey();
        }
        for (String binding : bindings(channel)) {
            if (!binding.contains("*") && !binding.contains("#")) {
                return binding;
            }
        }
        return channel.channel().effectiveAddress();
    }

    /**
     * The queue arguments: {@code x-message-ttl}, {@code x-max-length}, {@code x-overflow}, and the dead-letter route
     * to {@code deadLetter} (null for none).
     */
    static Map<String, Object> queueArguments(String prefix, LiveChannel channel, LiveChannel deadLetter) {
        AmqpQueue amqp = AmqpQueue.of(channel.channel());
        Map<String, Object> args = new HashMap<>();
        if (amqp.ttl() != null) {
            args.put("x-message-ttl", Math.max(0, Math.round(amqp.ttl().millis())));
        }
        if (amqp.maxLength() != null) {
            args.put("x-max-length", amqp.maxLength());
            args.put("x-overflow", amqp.overflowOrDefault().key());
        }
        if (deadLetter != null) {
            DeadLetterRoute route = deadLetterRoute(prefix, channel, deadLetter);
            args.put("x-dead-letter-exchange", route.exchange());
            args.put("x-dead-letter-routing-key", route.routingKey());
        }
        return args;
    }

    /** Where a queue's dead messages are published: an exchange and a routing key. */
    record DeadLetterRoute(String exchange, String routingKey) {}

    /**
     * The dead-letter route from {@code channel} to {@code deadLetter}: through the dead-letter queue's exchange when
     * its bindings take the source queue's address (the usual design: a DLX bound with the source queue's name) or
     * it is a fanout, else straight to the dead-letter queue through the default exchange.
     */
    static DeadLetterRoute deadLetterRoute(String prefix, LiveChannel channel, LiveChannel deadLetter) {
        AmqpQueue dlq = AmqpQueue.of(deadLetter.channel());
        String address = channel.channel().effectiveAddress();
        if (dlq.exchange() != null
                && (dlq.exchangeTypeOrDefault() == ExchangeType.FANOUT
                        || bindings(deadLetter).contains(address))) {
            return new DeadLetterRoute(prefix + dlq.exchange(), address);
        }
        return new DeadLetterRoute("", deadLetter.name());
    }
}
