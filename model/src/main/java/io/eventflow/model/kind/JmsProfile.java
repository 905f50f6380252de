package io.eventflow.model.kind;

import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * JMS/ActiveMQ: a channel is a queue or a topic ({@link JmsDestination}); a queue behaves as an AMQP queue and takes
 * the AMQP queue settings.
 */
final class JmsProfile implements KindProfile {
    private static final KindBindings BINDINGS = new JmsBindings();

    @Override
    public KindBindings bindings() {
        return BINDINGS;
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.JMS;
    }

    @Override
    public List<String> importKeys() {
        return List.of("destination");
    }

    static final String JMS_NON_DURABLE = "EF018";

    @Override
    public List<KindRule> lintRules() {
        return List.of(new KindRule(
                JMS_NON_DURABLE,
                false,
                "non-durable JMS topic subscriber that must not miss messages",
                "A non-durable subscriber receives only what is published while it is connected; a restart,"
                        + " deploy or crash loses everything sent meanwhile. Make the subscription durable, or"
                        + " declare it at-most-once."));
    }

    @Override
    public void lintSubscription(Service s, Subscription sub, Channel c, String p, LintContext out) {
        boolean mayLose = sub.deliveryOrDefault() != DeliveryGuarantee.AT_MOST_ONCE;
        if (mayLose && JmsDestination.of(c).isTopic() && !sub.isDurable()) {
            out.report(
                    JMS_NON_DURABLE,
                    s.id(),
                    sub.durable() != null ? p + "/durable" : p,
                    "'" + s.id() + "' has a non-durable subscription to JMS topic '" + c.id()
                            + "': every message published while it is disconnected (restart, deploy, crash)"
                            + " is lost for it",
                    "set 'durable: true', or 'delivery: at-most-once' if missing those is fine");
        }
    }

    /** A queue takes the queue settings of the kind it behaves as, its ttl too (a topic as well, as before). */
    @Override
    public Optional<Retention> retention(Channel c) {
        return Optional.ofNullable(AmqpQueue.of(c).ttl()).map(ttl -> new Retention(ttl, "ttl"));
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
