package io.eventflow.model.doc;

import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.RedisStream;
import io.eventflow.model.design.SqsQueue;
import java.util.Locale;

/**
 * The shape and kind badge of a channel in a diagram, the same choice the canvas makes (the app's {@code ChannelLook}):
 * a log (Kafka, Redis stream), a queue (AMQP, SQS, JMS queue), a fan-out hub (MQTT, SNS topic, JMS topic) or a
 * broadcast that stores nothing (Postgres NOTIFY).
 *
 * @param shape {@code log}, {@code queue}, {@code hub} or {@code broadcast}
 * @param badge the kind badge, e.g. {@code KAFKA}, {@code SQS}, {@code SNS}, {@code NOTIFY}
 * @param detail the kind's main setting in a few words, e.g. {@code 6 partitions}, {@code QoS 1}, {@code FIFO}
 * @param cells number of log cells drawn in the shape: Kafka partitions (at most 12), 6 for a Redis stream, 0 for
 *     other kinds
 */
public record ChannelShape(String shape, String badge, String detail, int cells) {
    public static ChannelShape of(Design d, Channel c) {
        BrokerKind kind = d.kindOf(c).orElse(BrokerKind.OTHER);
        String key = kind.key().toUpperCase(Locale.ROOT);
        return switch (kind) {
            case KAFKA, OTHER -> {
                int p = KafkaTopic.of(c).partitionCount();
                yield new ChannelShape("log", key, p + (p == 1 ? " partition" : " partitions"), Math.min(p, 12));
            }
            case AMQP -> new ChannelShape(
                    "queue",
                    key,
                    AmqpQueue.of(c).exchange() == null ? "" : AmqpQueue.of(c).exchange(),
                    0);
            case MQTT -> new ChannelShape(
                    "hub",
                    key,
                    "QoS " + MqttTopic.of(c).qosOrDefault()
                            + (Boolean.TRUE.equals(MqttTopic.of(c).retained()) ? " · retained" : ""),
                    0);
            case SQS -> {
                if (SqsQueue.of(c).isTopic()) {
                    int queues = d.queuesOf(c.id()).size();
                    yield new ChannelShape(
                            "hub", "SNS", "fan-out to " + queues + (queues == 1 ? " queue" : " queues"), 0);
                }
                yield new ChannelShape("queue", "SQS", SqsQueue.of(c).isFifo() ? "FIFO" : "standard", 0);
            }
            case REDIS -> new ChannelShape(
                    "log",
                    key,
                    RedisStream.of(c).maxLen() == null
                            ? "stream"
                            : "stream · maxLen " + RedisStream.of(c).maxLen(),
                    6);
            case POSTGRES -> new ChannelShape("broadcast", "NOTIFY", "no storage", 0);
            case JMS -> JmsDestination.of(c).isTopic()
                    ? new ChannelShape("hub", "JMS", "topic", 0)
                    : new ChannelShape("queue", key, "queue", 0);
        };
    }
}
