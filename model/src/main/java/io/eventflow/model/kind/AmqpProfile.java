package io.eventflow.model.kind;

import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.ExchangeType;
import io.eventflow.model.design.Overflow;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** AMQP/RabbitMQ: a channel is a queue bound to an exchange ({@link AmqpQueue}). */
final class AmqpProfile implements KindProfile {
    private static final KindBindings BINDINGS = new AmqpBindings();

    @Override
    public KindBindings bindings() {
        return BINDINGS;
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.AMQP;
    }

    @Override
    public List<String> importKeys() {
        return List.of("exchange", "durable");
    }

    @Override
    public Optional<Retention> retention(Channel c) {
        return Optional.ofNullable(AmqpQueue.of(c).ttl()).map(ttl -> new Retention(ttl, "ttl"));
    }

    @Override
    public String retentionLoss() {
        return "expire (AMQP ttl)";
    }

    @Override
    public KindShape shape(Design d, Channel c) {
        return new KindShape(
                "queue",
                badge(),
                AmqpQueue.of(c).exchange() == null ? "" : AmqpQueue.of(c).exchange(),
                0);
    }

    @Override
    public AmqpQueue readChannel(SettingsSource f) {
        return new AmqpQueue(
                f.str("exchange"),
                f.keyed("exchangeType", ExchangeType.class, "exchange type"),
                f.str("routingKey"),
                f.strings("bindings"),
                f.timeSpan("ttl"),
                f.integer("maxLength"),
                f.keyed("overflow", Overflow.class, "overflow policy"),
                f.bool("durable"));
    }

    @Override
    public void writeChannel(Channel c, SettingsSink o) {
        AmqpQueue q = AmqpQueue.of(c);
        o.put("exchange", q.exchange());
        o.put("exchangeType", q.exchangeType());
        o.put("routingKey", q.routingKey());
        o.putStrings("bindings", q.bindings());
        o.put("ttl", q.ttl());
        o.put("maxLength", q.maxLength());
        o.put("overflow", q.overflow());
        o.put("durable", q.durable());
    }

    @Override
    public void checkChannel(Channel c, Broker broker, String p, Checks out) {
        Integer max = AmqpQueue.of(c).maxLength();
        if (max != null && max < 0) {
            out.impossible(p + "/maxLength", "maxLength cannot be negative", null);
        }
    }

    @Override
    public String settingsName() {
        return "AMQP settings (exchange, ttl, ...)";
    }

    @Override
    public String misfitHint() {
        return "put the channel on an amqp broker or remove the AMQP settings";
    }

    @Override
    public void describeChannel(Design d, Channel c, BrokerKind on, BiConsumer<String, Object> row) {
        AmqpQueue q = AmqpQueue.of(c);
        row.accept("Exchange", q.exchange() == null ? null : q.exchange() + " (" + q.exchangeTypeOrDefault() + ")");
        row.accept("Routing key", q.routingKey());
        row.accept("Bindings", q.bindings() == null ? null : String.join(", ", q.bindings()));
        row.accept("Message TTL", q.ttl());
        row.accept("Max length", q.maxLength());
        row.accept("Overflow", q.overflow());
        row.accept("Durable", q.durable());
    }
}
