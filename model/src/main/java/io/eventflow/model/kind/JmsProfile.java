package io.eventflow.model.kind;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * JMS/ActiveMQ: a channel is a queue or a topic ({@link JmsDestination}); a queue behaves as an AMQP queue and takes
 * the AMQP queue settings.
 */
final class JmsProfile implements KindProfile {
    @Override
    public BrokerKind kind() {
        return BrokerKind.JMS;
    }

    @Override
    public void describeSubscription(
            Subscription sub, Optional<Channel> channel, BrokerKind on, Consumer<String> part) {
        if (channel.map(c -> JmsDestination.of(c).isTopic()).orElse(false) || sub.durable() != null) {
            part.accept(sub.isDurable() ? "durable" : "non-durable");
        }
    }

    @Override
    public KindShape shape(Design d, Channel c) {
        return JmsDestination.of(c).isTopic()
                ? new KindShape("hub", "JMS", "topic", 0)
                : new KindShape("queue", badge(), "queue", 0);
    }

    @Override
    public JmsDestination readChannel(SettingsSource f) {
        return new JmsDestination(f.keyed("destination", JmsDestination.Type.class, "JMS destination"));
    }

    @Override
    public void writeChannel(Channel c, SettingsSink o) {
        o.put("destination", JmsDestination.of(c).type());
    }

    @Override
    public String settingsName() {
        return "a JMS destination type";
    }

    @Override
    public Set<BrokerKind> alsoTakes() {
        return Set.of(BrokerKind.AMQP);
    }

    @Override
    public void checkSubscription(Service s, Subscription sub, Channel c, BrokerKind kind, String p, Checks out) {
        if (sub.durable() != null
                && (!fitsOn(kind) || (kind == kind() && !JmsDestination.of(c).isTopic()))) {
            out.wrongKind(
                    p + "/durable",
                    "'durable' applies to subscriptions of JMS topics; '" + c.id() + "' is "
                            + (kind == kind() ? "a JMS queue" : "on a " + kind + " broker"),
                    kind == kind() ? "set destination: topic on '" + c.id() + "'" : "remove 'durable'");
        }
    }

    @Override
    public void describeChannel(Design d, Channel c, BrokerKind kind, BiConsumer<String, Object> row) {
        JmsDestination j = JmsDestination.of(c);
        if (kind == BrokerKind.JMS || !j.isEmpty()) {
            row.accept("Destination", j.isTopic() ? "topic (publish/subscribe)" : "queue (point to point)");
        }
    }
}
