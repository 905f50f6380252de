package io.eventflow.model.kind;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** MQTT: a channel is a topic publishers send to at a QoS ({@link MqttTopic}). */
final class MqttProfile implements KindProfile {
    private static final KindBindings BINDINGS = new MqttBindings();

    @Override
    public KindBindings bindings() {
        return BINDINGS;
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.MQTT;
    }

    @Override
    public List<String> importKeys() {
        return List.of("qos");
    }

    @Override
    public boolean importKeysWeak() {
        return true;
    }

    static final String QOS0_COMMAND = "EF016";
    static final String MQTT_CLEAN_SESSION = "EF017";
    static final String QOS0_RETRY = "EF023";

    @Override
    public List<KindRule> lintRules() {
        return List.of(
                new KindRule(
                        QOS0_COMMAND,
                        false,
                        "MQTT commands at QoS 0",
                        "QoS 0 is fire and forget: a command sent while the connection drops is lost and nobody knows."
                                + " A message type reads as a command when its id or name ends in Command or Cmd, or"
                                + " starts with an imperative verb (Set, Start, Stop, Turn, Open, Close, Create,"
                                + " Update, Delete, Reset, Reboot, ...) and does not end like an event (-ed, Event,"
                                + " Status)."),
                new KindRule(
                        MQTT_CLEAN_SESSION,
                        false,
                        "MQTT QoS 1/2 subscriber with a clean session",
                        "With a clean session (no sessionExpiry) the broker keeps nothing for a disconnected client, so"
                                + " messages published while it is away are lost despite QoS 1 or 2. Set sessionExpiry"
                                + " longer than the expected outage, or declare the subscription at-most-once."),
                new KindRule(
                        QOS0_RETRY,
                        true,
                        "producer retry policy on MQTT QoS 0 publications",
                        "A QoS 0 publish gets no PUBACK, so the publisher never learns that it was lost and never sends"
                                + " it again: the service's producer retry has no effect on its QoS 0 channels. Publish"
                                + " at QoS 1 or 2 where lost sends must be retried."));
    }

    @Override
    public void lintChannel(Channel c, String p, LintContext out) {
        if (MqttTopic.of(c).qosOrDefault() == 0 && out.isPublished(c)) {
            List<String> commands = out.commands(c);
            if (!commands.isEmpty()) {
                out.report(
                        QOS0_COMMAND,
                        c.id(),
                        MqttTopic.of(c).qos() != null ? p + "/qos" : p,
                        "channel '" + c.id() + "' carries commands (" + String.join(", ", commands)
                                + ") but its publishers send at QoS 0: a command sent while the connection drops"
                                + " is lost without a trace",
                        "publish commands at 'qos: 1' with an idempotent handler, or 'qos: 2'");
            }
        }
    }

    /** EF023: a producer retry policy on a service that publishes on channels of this kind at QoS 0 (never retried). */
    @Override
    public void lintProducer(Service s, String p, LintContext out) {
        if (s.producer() == null || s.producer().retry() == null) {
            return;
        }
        Design d = out.design();
        List<String> qos0 = new ArrayList<>();
        for (Publication pub : s.publishes()) {
            Channel c = d.channel(pub.channel()).orElse(null);
            if (c != null
                    && d.kindOf(c).orElse(BrokerKind.OTHER) == kind()
                    && MqttTopic.of(c).qosOrDefault() == 0
                    && !qos0.contains(c.id())) {
                qos0.add(c.id());
            }
        }
        if (!qos0.isEmpty()) {
            out.report(
                    QOS0_RETRY,
                    s.id(),
                    p + "/producer/retry",
                    "'" + s.id() + "' has a producer retry policy, but publishes on " + String.join(", ", qos0)
                            + " at QoS 0: no PUBACK comes back, so a lost publish is never retried",
                    "publish at 'qos: 1' (or 2) where lost sends must be retried; else the retry policy can go");
        }
    }

    @Override
    public void lintSubscription(Service s, Subscription sub, Channel c, String p, LintContext out) {
        List<String> commands = out.commands(c);
        if (sub.qos() != null && sub.qos() == 0 && MqttTopic.of(c).qosOrDefault() > 0 && !commands.isEmpty()) {
            out.report(
                    QOS0_COMMAND,
                    s.id(),
                    p + "/qos",
                    "'" + s.id() + "' subscribes to commands (" + String.join(", ", commands) + ") on '" + c.id()
                            + "' at QoS 0: the broker delivers at min(published, subscribed) = 0, so a command is"
                            + " lost when the connection drops",
                    "subscribe at 'qos: " + MqttTopic.of(c).qosOrDefault() + "'");
        }
        if (sub.deliveryOrDefault() == DeliveryGuarantee.AT_MOST_ONCE) {
            return;
        }
        int granted = Math.min(MqttTopic.of(c).qosOrDefault(), sub.qos() == null ? 2 : sub.qos());
        boolean clean = sub.sessionExpiry() == null || sub.sessionExpiry().nanos() == 0;
        if (granted >= 1 && clean) {
            out.report(
                    MQTT_CLEAN_SESSION,
                    s.id(),
                    sub.sessionExpiry() != null ? p + "/sessionExpiry" : p,
                    "'" + s.id() + "' receives '" + c.id() + "' at QoS " + granted + " with a clean session: while"
                            + " it is disconnected the broker keeps nothing for it, so messages published meanwhile"
                            + " are lost despite QoS " + granted,
                    "set 'sessionExpiry' longer than its expected outage (the broker then queues QoS 1/2 messages"
                            + " for it), or declare 'delivery: at-most-once'");
        }
    }

    @Override
    public String describePublicationWhen(Publication p) {
        return p.isWill() ? "MQTT last will: published by the broker when an instance disconnects uncleanly" : "";
    }

    @Override
    public void describeSubscription(
            Subscription sub, Optional<Channel> channel, BrokerKind on, Consumer<String> part) {
        if (sub.qos() != null) {
            part.accept("QoS " + sub.qos());
        }
        if (on == BrokerKind.MQTT) {
            part.accept(
                    sub.sessionExpiry() == null || sub.sessionExpiry().nanos() == 0
                            ? "clean session"
                            : "session kept " + sub.sessionExpiry());
        }
        if (sub.receiveMaximum() != null) {
            part.accept("receive maximum " + sub.receiveMaximum());
        }
    }

    @Override
    public KindShape shape(Design d, Channel c) {
        return new KindShape(
                "hub",
                badge(),
                "QoS " + MqttTopic.of(c).qosOrDefault()
                        + (Boolean.TRUE.equals(MqttTopic.of(c).retained()) ? " · retained" : ""),
                0);
    }

    @Override
    public Optional<Refusal> refuseDiskLimit(String channel) {
        return Optional.of(new Refusal(
                "retention pressure needs a log; '" + channel + "' is an mqtt topic, which"
                        + " stores nothing but sessions and one retained message",
                "use a broker-crash or a crash with a short sessionExpiry to lose MQTT messages"));
    }

    @Override
    public MqttTopic readChannel(SettingsSource f) {
        return new MqttTopic(f.integer("qos"), f.bool("retained"));
    }

    @Override
    public void writeChannel(Channel c, SettingsSink o) {
        MqttTopic m = MqttTopic.of(c);
        o.put("qos", m.qos());
        o.put("retained", m.retained());
    }

    @Override
    public void checkChannel(Channel c, Broker broker, String p, Checks out) {
        Integer qos = MqttTopic.of(c).qos();
        if (qos != null && (qos < 0 || qos > 2)) {
            out.impossible(p + "/qos", "MQTT QoS is 0, 1 or 2, not " + qos, null);
        }
    }

    @Override
    public String settingsName() {
        return "MQTT settings (qos, retained)";
    }

    @Override
    public String misfitHint() {
        return "put the channel on an mqtt broker or remove qos/retained";
    }

    @Override
    public void checkPublication(
            Service s, Publication pub, Optional<Channel> ch, BrokerKind kind, String p, Checks out) {
        if (!pub.isWill()) {
            return;
        }
        if (!fitsOn(kind)) {
            out.wrongKind(
                    p + "/will",
                    "a last will is an MQTT feature, but channel '" + pub.channel() + "' is on a " + kind + " broker",
                    "publish the will on an mqtt channel");
        }
        if (pub.rate() != null || pub.isChained()) {
            out.impossible(
                    p + "/will",
                    "a last will is published by the broker when an instance disconnects uncleanly: it has no"
                            + " rate and no 'per'",
                    null);
        }
    }

    @Override
    public void checkSubscriptionValues(Service s, Subscription sub, String p, Checks out) {
        if (sub.qos() != null && (sub.qos() < 0 || sub.qos() > 2)) {
            out.impossible(p + "/qos", "MQTT QoS is 0, 1 or 2, not " + sub.qos(), null);
        }
    }

    @Override
    public void checkSubscription(Service s, Subscription sub, Channel c, BrokerKind kind, String p, Checks out) {
        if ((sub.sessionExpiry() != null || sub.receiveMaximum() != null) && !fitsOn(kind)) {
            out.wrongKind(
                    p + "/sessionExpiry",
                    "sessionExpiry and receiveMaximum are MQTT client settings, but '" + c.id() + "' is on a " + kind
                            + " broker",
                    "remove them");
        }
        if (sub.receiveMaximum() != null && (sub.receiveMaximum() < 1 || sub.receiveMaximum() > 65_535)) {
            out.impossible(
                    p + "/receiveMaximum", "receiveMaximum is from 1 to 65535, not " + sub.receiveMaximum(), null);
        }
    }

    @Override
    public void describeChannel(Design d, Channel c, BrokerKind on, BiConsumer<String, Object> row) {
        MqttTopic m = MqttTopic.of(c);
        row.accept("QoS", m.qos());
        row.accept("Retained", m.retained());
    }
}
