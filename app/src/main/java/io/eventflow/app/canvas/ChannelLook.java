package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
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
            case SQS -> c.sqs().isTopic() ? PaletteItem.SNS_TOPIC : PaletteItem.SQS_QUEUE;
            case REDIS -> PaletteItem.REDIS_STREAM;
            case POSTGRES -> PaletteItem.POSTGRES_CHANNEL;
            case JMS -> c.jms().isTopic() ? PaletteItem.JMS_TOPIC : PaletteItem.JMS_QUEUE;
        };
    }

    public static ChannelLook of(Design d, Channel c) {
        BrokerKind kind = d.kindOf(c).orElse(BrokerKind.OTHER);
        PaletteItem item = itemOf(d, c);
        String messages = c.messages().isEmpty() ? "no message type" : String.join(", ", c.messages());
        List<String> chips = new ArrayList<>();
        String kindBadge = kind.key().toUpperCase();
        return switch (item) {
            case KAFKA_TOPIC -> {
                int p = c.kafka().partitionCount();
                String s = p + (p == 1 ? " partition" : " partitions") + " · " + messages;
                yield new ChannelLook("log", item.icon(), kindBadge, s, chips, Math.min(p, 12));
            }
            case MQTT_TOPIC -> {
                String s = "QoS " + c.mqtt().qosOrDefault()
                        + (Boolean.TRUE.equals(c.mqtt().retained()) ? " · retained" : "") + " · " + messages;
                yield new ChannelLook("hub", item.icon(), kindBadge, s, chips, 0);
            }
            case SQS_QUEUE -> sqsQueue(c.sqs(), item, messages);
            case SNS_TOPIC -> {
                int queues = d.queuesOf(c.id()).size();
                String s = "fan-out to " + queues + (queues == 1 ? " queue" : " queues") + " · " + messages;
                yield new ChannelLook("hub", item.icon(), "SNS", s, chips, 0);
            }
            case REDIS_STREAM -> {
                if (c.redis().maxLen() != null) {
                    chips.add("maxLen " + c.redis().maxLen());
                }
                yield new ChannelLook("log", item.icon(), kindBadge, "stream · " + messages, chips, 6);
            }
            case POSTGRES_CHANNEL -> {
                chips.add("no storage");
                yield new ChannelLook("broadcast", item.icon(), "NOTIFY", "LISTEN · " + messages, chips, 0);
            }
            case JMS_TOPIC -> jmsTopic(d, c, item, messages);
            case JMS_QUEUE -> {
                queueLimits(c, chips);
                yield new ChannelLook("queue", item.icon(), kindBadge, "queue · " + messages, chips, 0);
            }
            default -> {
                String ex = c.amqp().exchange() == null ? "" : c.amqp().exchange() + " · ";
                queueLimits(c, chips);
                yield new ChannelLook("queue", item.icon(), kindBadge, ex + messages, chips, 0);
            }
        };
    }

    private static ChannelLook sqsQueue(SqsQueue q, PaletteItem item, String messages) {
        List<String> chips = new ArrayList<>();
        if (q.isFifo()) {
            chips.add("FIFO");
        }
        chips.add("visibility " + q.visibilityTimeoutOrDefault());
        if (q.maxReceiveCount() != null) {
            chips.add("DLQ after " + q.maxReceiveCount());
        }
        return new ChannelLook("queue", item.icon(), "SQS", messages, chips, 0);
    }

    private static ChannelLook jmsTopic(Design d, Channel c, PaletteItem item, String messages) {
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
        List<String> chips = new ArrayList<>();
        if (durable > 0) {
            chips.add(durable + " durable");
        }
        if (other > 0) {
            chips.add(other + " non-durable");
        }
        return new ChannelLook("hub", item.icon(), "JMS", "topic · " + messages, chips, 0);
    }

    private static void queueLimits(Channel c, List<String> chips) {
        if (c.amqp().ttl() != null) {
            chips.add("TTL " + c.amqp().ttl());
        }
        if (c.amqp().maxLength() != null) {
            chips.add("max " + c.amqp().maxLength());
        }
    }
}
