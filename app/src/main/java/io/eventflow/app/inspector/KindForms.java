package io.eventflow.app.inspector;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Subscription;
import java.util.EnumMap;
import java.util.Map;

/** The inspector rows of every broker kind, by {@link BrokerKind}. Adding a kind: one {@link KindForm}, one line. */
final class KindForms {
    private static final Map<BrokerKind, KindForm> FORMS = new EnumMap<>(BrokerKind.class);

    static {
        KafkaForm log = new KafkaForm();
        MqttForm mqtt = new MqttForm();
        FORMS.put(BrokerKind.KAFKA, log);
        FORMS.put(BrokerKind.AMQP, new AmqpForm());
        FORMS.put(BrokerKind.MQTT, mqtt);
        FORMS.put(BrokerKind.SQS, new SqsForm());
        FORMS.put(BrokerKind.REDIS, new RedisForm());
        FORMS.put(BrokerKind.POSTGRES, new PostgresForm());
        FORMS.put(BrokerKind.JMS, new JmsForm());
        // A protocol the simulator does not model: a log's channel rows, the QoS of a subscription.
        FORMS.put(BrokerKind.OTHER, new OtherForm(log, mqtt));
    }

    private KindForms() {}

    static KindForm of(BrokerKind kind) {
        return FORMS.get(kind);
    }

    static BrokerKind kindOf(Design d, String channel) {
        return d.channel(channel).flatMap(d::kindOf).orElse(BrokerKind.OTHER);
    }

    /** The settings rows of the channel's kind. */
    static void channel(Form f, InspectorViewModel vm, Design d, Channel c, BrokerKind kind) {
        of(kind).channel(f, vm, d, c);
    }

    /** The subscription rows of its channel's kind. */
    static void subscription(Form f, InspectorViewModel vm, Design d, String svc, Subscription x) {
        of(kindOf(d, x.channel())).subscription(f, vm, d, svc, x);
    }

    /** The rows of a link between two channels: those of the kind of the channel it ends at. */
    static void link(Form f, InspectorViewModel vm, Design d, EdgeId e) {
        of(kindOf(d, e.channel())).link(f, vm, e);
    }

    /** The publication rows of its channel's kind. */
    static void publication(Form f, InspectorViewModel vm, Design d, String svc, Publication p) {
        of(kindOf(d, p.channel())).publication(f, vm, d, svc, p);
    }
}
