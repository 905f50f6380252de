package io.eventflow.app.canvas;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.edit.DesignEdits;
import java.util.List;

/**
 * The edits behind palette channels and SNS subscriptions: a channel of an item's kind (with its broker when the design
 * has none of that kind yet), and an SQS queue subscribed to an SNS topic. Pure functions of the design.
 */
final class NewChannels {
    private NewChannels() {}

    /** Adds a channel for a palette item at a position; the first channel of a kind also adds a broker of it. */
    static Design add(Design d, PaletteItem item, String id, Position at) {
        BrokerKind kind = item.kind();
        Design out = d;
        String broker = d.brokers().stream()
                .filter(b -> b.kind() == kind)
                .map(Broker::id)
                .findFirst()
                .orElse(null);
        if (broker == null) {
            broker = DesignEdits.uniqueId(d, kind.key());
            out = DesignEdits.add(out, new Broker(broker, kind), new Position(at.x() - 20, at.y() - 60));
        }
        return DesignEdits.add(out, channel(item, id, broker), at);
    }

    /**
     * A new channel of the item's kind. It has no address of its own: its address is its id (shown as a placeholder in
     * the inspector) and follows a rename until the user sets one.
     */
    private static Channel channel(PaletteItem item, String id, String broker) {
        Channel c = new Channel(id, broker, null, List.of());
        return switch (item) {
            case KAFKA_TOPIC -> c.with(new KafkaTopic(3, null, null, null, null, null, null));
            case MQTT_TOPIC -> c.with(new MqttTopic(1, null));
            case SNS_TOPIC -> c.with(new SqsQueue(true, null, null, null, null, null, null));
            case JMS_QUEUE -> c.with(new JmsDestination(JmsDestination.Type.QUEUE));
            case JMS_TOPIC -> c.with(new JmsDestination(JmsDestination.Type.TOPIC));
            default -> c;
        };
    }

    /** Whether {@code topic} is an SNS topic and {@code queue} an SQS queue (not a topic) it may deliver to. */
    static boolean canSubscribe(Design d, String topic, String queue) {
        Channel t = d.channel(topic).orElse(null);
        Channel q = d.channel(queue).orElse(null);
        return t != null
                && q != null
                && !topic.equals(queue)
                && isSqs(d, t)
                && isSqs(d, q)
                && SqsQueue.of(t).isTopic()
                && !SqsQueue.of(q).isTopic();
    }

    private static boolean isSqs(Design d, Channel c) {
        return d.kindOf(c).orElse(null) == BrokerKind.SQS;
    }

    /** The queue subscribed to the topic (its {@code snsTopics} gains the topic); unchanged when it already is. */
    static Design subscribe(Design d, String topic, String queue) {
        Channel q = d.channel(queue).orElseThrow();
        if (SqsQueue.of(q).topicsOrEmpty().contains(topic)) {
            return d;
        }
        return DesignEdits.replace(d, queue, q.with(SqsQueue.of(q).withTopic(topic, true)));
    }

    /** The queue no longer subscribed to the topic; {@code snsTopics} is dropped when it becomes empty. */
    static Design unsubscribe(Design d, String topic, String queue) {
        Channel q = d.channel(queue).orElse(null);
        if (q == null || !SqsQueue.of(q).topicsOrEmpty().contains(topic)) {
            return d;
        }
        return DesignEdits.replace(d, queue, q.with(SqsQueue.of(q).withTopic(topic, false)));
    }

    /** A copy of the settings with {@code snsTopics} replaced (kept for the tests; see {@link SqsQueue#withSnsTopics}). */
    static SqsQueue withTopics(SqsQueue s, List<String> topics) {
        return s.withSnsTopics(topics);
    }
}
