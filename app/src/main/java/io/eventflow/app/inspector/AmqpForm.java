package io.eventflow.app.inspector;

import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.ExchangeType;
import io.eventflow.model.design.Overflow;
import io.eventflow.model.design.TimeSpan;
import java.util.Arrays;
import java.util.List;

/** AMQP/RabbitMQ: the queue's exchange, routing, limits and durability. */
final class AmqpForm implements KindForm {
    @Override
    @SuppressWarnings("unchecked")
    public void channel(Form f, InspectorViewModel vm, Design d, Channel c) {
        String id = c.id();
        AmqpQueue a = AmqpQueue.of(c);
        f.section("AMQP queue");
        f.text(
                "Exchange",
                a.exchange(),
                Parsers.TEXT,
                v -> ChannelForms.editSettings(vm, id, a.withExchange((String) v)));
        f.choice(
                "Exchange type",
                ExchangeType.values(),
                a.exchangeType(),
                v -> ChannelForms.editSettings(vm, id, a.withExchangeType(v)));
        f.text(
                "Routing key",
                a.routingKey(),
                Parsers.TEXT,
                v -> ChannelForms.editSettings(vm, id, a.withRoutingKey((String) v)));
        f.text(
                "Bindings",
                a.bindings(),
                s -> Arrays.stream(s.split(",")).map(String::trim).toList(),
                v -> ChannelForms.editSettings(vm, id, a.withBindings((List<String>) v)));
        queueLimits(f, vm, id, a, false);
        f.check("Durable", a.durable(), v -> ChannelForms.editSettings(vm, id, a.withDurable(v)));
    }

    @Override
    public void takenChannel(Form f, InspectorViewModel vm, Channel c) {
        queueLimits(f, vm, c.id(), AmqpQueue.of(c), true);
    }

    /**
     * The message TTL, max length and overflow rows of a queue's {@link AmqpQueue} settings, shared by AMQP queues and
     * the queues of kinds that take them; {@code prompts} shows "none" and "unbounded" in the empty TTL and length
     * fields.
     */
    static void queueLimits(Form f, InspectorViewModel vm, String id, AmqpQueue a, boolean prompts) {
        var ttl = f.text(
                "Message TTL",
                a.ttl(),
                Parsers.DURATION,
                v -> ChannelForms.editSettings(vm, id, a.withTtl((TimeSpan) v)));
        var maxLength = f.text(
                "Max length",
                a.maxLength(),
                Parsers.POSITIVE_INT,
                v -> ChannelForms.editSettings(vm, id, a.withMaxLength((Integer) v)));
        if (prompts) {
            ttl.setPromptText("none");
            maxLength.setPromptText("unbounded");
        }
        f.choice(
                "Overflow", Overflow.values(), a.overflow(), v -> ChannelForms.editSettings(vm, id, a.withOverflow(v)));
    }
}
