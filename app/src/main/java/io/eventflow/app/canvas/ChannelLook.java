package io.eventflow.app.canvas;

import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.RedisStream;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.doc.ChannelShape;
import java.util.ArrayList;
import java.util.List;
import org.kordamp.ikonli.Ikon;

/**
 * How a channel looks on the canvas, worked out from the design alone (no nodes): its shape (a log, a queue, a fan-out
 * hub, or a broadcast that stores nothing), icon, kind badge, settings line, small badges and partition cells.
 *
 * @param shape {@code log}, {@code queue}, {@code hub} or {@code broadcast}: the skin's CSS class {@code shape-*}
 * @param icon the palette item's icon for this kind of channel
 * @param badge the kind badge, e.g. {@code SQS}, {@code SNS}
 * @param settings the settings line: the kind's main setting and the message types
 * @param chips short badges under the text, e.g. {@code FIFO}, {@code visibility 30s}, {@code maxLen 1000}
 * @param cells number of log cells drawn under the text (Kafka partitions, a Redis stream's entries)
 */
public record ChannelLook(String shape, Ikon icon, String badge, String settings, List<String> chips, int cells) {
    public ChannelLook {
        chips = List.copyOf(chips);
    }

    /** The palette item a channel corresponds to (its broker kind, and for SQS and JMS topic or queue). */
    public static PaletteItem itemOf(Design d, Channel c) {
        return switch (d.kindOf(c).orElse(BrokerKind.OTHER)) {
            case KAFKA, OTHER -> PaletteItem.KAFKA_TOPIC;
            case AMQP -> PaletteItem.AMQP_QUEUE;
            case MQTT -> PaletteItem.MQTT_TOPIC;
            case SQS -> SqsQueue.of(c).isTopic() ? PaletteItem.SNS_TOPIC : PaletteItem.SQS_QUEUE;
            case REDIS -> PaletteItem.REDIS_STREAM;
            case POSTGRES -> PaletteItem.POSTGRES_CHANNEL;
            case JMS -> JmsDestination.of(c).isTopic() ? PaletteItem.JMS_TOPIC : PaletteItem.JMS_QUEUE;
        };
    }

    /**
     * The channel's look: shape, kind badge and cells as in the SVG diagram ({@link ChannelShape}), with the canvas's
     * own icon, settings line and chips.
     */
    public static ChannelLook of(Design d, Channel c) {
        ChannelShape shape = ChannelShape.of(d, c);
        PaletteItem item = itemOf(d, c);
        String messages = c.messages().isEmpty() ? "no message type" : String.join(", ", c.messages());
        List<String> chips = new ArrayList<>();
        String settings =
                switch (item) {
                    case KAFKA_TOPIC -> {
                        int p = KafkaTopic.of(c).partitionCount();
                        yield p + (p == 1 ? " partition" : " partitions") + " · " + messages;
                    }
                    case MQTT_TOPIC -> "QoS " + MqttTopic.of(c).qosOrDefault()
                            + (Boolean.TRUE.equals(MqttTopic.of(c).retained()) ? " · retained" : "") + " · " + messages;
                    case SQS_QUEUE -> {
                        sqsChips(SqsQueue.of(c), chips);
                        yield messages;
                    }
                    case SNS_TOPIC -> {
                        int queues = d.queuesOf(c.id()).size();
                        yield "fan-out to " + queues + (queues == 1 ? " queue" : " queues") + " · " + messages;
                    }
                    case REDIS_STREAM -> {
                        if (RedisStream.of(c).maxLen() != null) {
                            chips.add("maxLen " + RedisStream.of(c).maxLen());
                        }
                        yield "stream · " + messages;
                    }
                    case POSTGRES_CHANNEL -> {
                        chips.add("no storage");
                        yield "LISTEN · " + messages;
                    }
                    case JMS_TOPIC -> {
                        subscriberChips(d, c, chips);
                        yield "topic · " + messages;
                    }
                    case JMS_QUEUE -> {
                        queueLimits(c, chips);
                        yield "queue · " + messages;
                    }
                    default -> {
                        String ex = AmqpQueue.of(c).exchange() == null
                                ? ""
                                : AmqpQueue.of(c).exchange() + " · ";
                        queueLimits(c, chips);
                        yield ex + messages;
                    }
                };
        return new ChannelLook(shape.shape(), item.icon(), shape.badge(), settings, chips, shape.cells());
    }

    private static void sqsChips(SqsQueue q, List<String> chips) {
        if (q.isFifo()) {
            chips.add("FIFO");
        }
        chips.add("visibility " + q.visibilityTimeoutOrDefault());
        if (q.maxReceiveCount() != null) {
            chips.add("DLQ after " + q.maxReceiveCount());
        }
    }

    /** A JMS topic's chips: how many durable and non-durable subscriptions it has. */
    private static void subscriberChips(Design d, Channel c, List<String> chips) {
        int durable = 0;
        int other = 0;
        for (Service s : d.services()) {
            for (Subscription x : s.subscribes()) {
                if (x.channel().equals(c.id())) {
                    if (x.isDurable()) {
                        durable++;
                    } else {
                        other++;
                    }
                }
            }
        }
        if (durable > 0) {
            chips.add(durable + " durable");
        }
        if (other > 0) {
            chips.add(other + " non-durable");
        }
    }

    private static void queueLimits(Channel c, List<String> chips) {
        if (AmqpQueue.of(c).ttl() != null) {
            chips.add("TTL " + AmqpQueue.of(c).ttl());
        }
        if (AmqpQueue.of(c).maxLength() != null) {
            chips.add("max " + AmqpQueue.of(c).maxLength());
        }
    }
}
