package io.eventflow.model.kind;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** MQTT: a channel is a topic publishers send to at a QoS ({@link MqttTopic}). */
final class MqttProfile implements KindProfile {
    @Override
    public BrokerKind kind() {
        return BrokerKind.MQTT;
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
