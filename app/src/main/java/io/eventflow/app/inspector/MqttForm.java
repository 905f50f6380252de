package io.eventflow.app.inspector;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Subscription;
import java.util.function.Function;

/** MQTT: the topic's QoS and retain flag, subscription sessions and last wills. */
final class MqttForm implements KindForm {
    /** A QoS level. */
    static final Function<String, Integer> QOS = s -> {
        int v = Parsers.NON_NEGATIVE_INT.apply(s);
        if (v > 2) {
            throw new IllegalArgumentException("MQTT QoS is 0, 1 or 2");
        }
        return v;
    };

    @Override
    public void channel(Form f, InspectorViewModel vm, Design d, Channel c) {
        String id = c.id();
        f.section("MQTT");
        MqttTopic m = MqttTopic.of(c);
        f.text("QoS", m.qos(), QOS, v -> ChannelForms.editSettings(vm, id, m.withQos((Integer) v)));
        f.check("Retained", m.retained(), v -> ChannelForms.editSettings(vm, id, m.withRetained(v)));
    }

    @Override
    public void subscription(Form f, InspectorViewModel vm, Design d, String svc, Subscription x) {
        String ch = x.channel();
        qos(f, vm, svc, x);
        f.text(
                        "Session expiry",
                        x.sessionExpiry(),
                        Parsers.DURATION,
                        v -> vm.editSubscription(svc, ch, "session expiry", s -> s.withSessionExpiry(v)))
                .setPromptText("0s (clean session)");
        f.text(
                        "Receive maximum",
                        x.receiveMaximum(),
                        Parsers.intWithin(1, 65_535),
                        v -> vm.editSubscription(svc, ch, "receive maximum", s -> s.withReceiveMaximum(v)))
                .setPromptText("65535");
    }

    /** The subscription's QoS row (also shown for brokers of kind other). */
    @Override
    public void sharedSubscription(Form f, InspectorViewModel vm, String svc, Subscription x) {
        qos(f, vm, svc, x);
    }

    static void qos(Form f, InspectorViewModel vm, String svc, Subscription x) {
        String ch = x.channel();
        f.text("MQTT QoS", x.qos(), QOS, v -> vm.editSubscription(svc, ch, "qos", s -> s.withQos(v)))
                .setPromptText("0");
    }

    @Override
    public void publication(Form f, InspectorViewModel vm, Design d, String svc, Publication p) {
        String ch = p.channel();
        f.check("Last will", p.will(), v -> vm.editPublication(svc, ch, "will", x -> withWill(x, v)));
    }

    /** The publication as a last will (no rate, no trigger: the validator refuses them on a will), or not. */
    static Publication withWill(Publication p, Boolean will) {
        Publication out = p.withWill(will);
        return will == null ? out : out.withRate(null).withPer(null).withFrom(null);
    }
}
