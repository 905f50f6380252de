package io.eventflow.app.inspector;

import io.eventflow.app.canvas.EdgeRef;
import io.eventflow.model.design.AmqpQueue;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RedisStream;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import java.util.List;

/**
 * The settings that belong to one broker kind (SQS/SNS, Redis Streams, Postgres NOTIFY, JMS, MQTT sessions and wills):
 * shown only on channels, subscriptions and publications of that kind. Empty fields show the broker's default.
 */
final class KindForms {
    private static final TimeSpan ZERO = TimeSpan.ZERO;

    private KindForms() {}

    static BrokerKind kindOf(Design d, String channel) {
        return d.channel(channel).flatMap(d::kindOf).orElse(BrokerKind.OTHER);
    }

    /** The channel settings of SQS/SNS, Redis, Postgres and JMS channels. */
    static void channel(Form f, InspectorViewModel vm, Design d, Channel c, BrokerKind kind) {
        switch (kind) {
            case SQS -> {
                if (SqsQueue.of(c).isTopic()) {
                    snsTopic(f, vm, d, c);
                } else {
                    sqsQueue(f, vm, d, c);
                }
            }
            case REDIS -> {
                f.section("Redis stream");
                f.text(
                                "MAXLEN",
                                RedisStream.of(c).maxLen(),
                                Parsers.POSITIVE_INT,
                                v -> ChannelForms.editSettings(
                                        vm, c.id(), RedisStream.of(c).withMaxLen((Integer) v)))
                        .setPromptText("unbounded");
            }
            case POSTGRES -> {
                f.section("Postgres NOTIFY");
                f.info("Storage", "none: a notification reaches only the sessions listening at that moment");
            }
            case JMS -> jms(f, vm, c);
            default -> {}
        }
    }

    private static void snsTopic(Form f, InspectorViewModel vm, Design d, Channel c) {
        String id = c.id();
        SqsQueue q = SqsQueue.of(c);
        f.section("SNS topic");
        f.check("SNS topic", q.snsTopic(), v -> ChannelForms.editSettings(vm, id, q.withSnsTopic(v)));
        f.check("FIFO", q.fifo(), v -> ChannelForms.editSettings(vm, id, q.withFifo(v)));
        List<Channel> queues = d.queuesOf(id);
        f.info("Delivers to", queues.isEmpty() ? "no queue yet: drag from this topic's port to an SQS queue" : "");
        queues.forEach(x -> f.link("→ " + x.id(), () -> vm.select(x.id())));
    }

    private static void sqsQueue(Form f, InspectorViewModel vm, Design d, Channel c) {
        String id = c.id();
        SqsQueue q = SqsQueue.of(c);
        f.section("SQS queue");
        f.check("SNS topic", q.snsTopic(), v -> ChannelForms.editSettings(vm, id, asTopic(q, v)));
        f.text(
                        "Visibility timeout",
                        q.visibilityTimeout(),
                        Parsers.durationWithin(ZERO, TimeSpan.parse("12h")),
                        v -> ChannelForms.editSettings(vm, id, q.withVisibilityTimeout((TimeSpan) v)))
                .setPromptText(SqsQueue.DEFAULT_VISIBILITY + " (default)");
        f.text(
                        "Max receives",
                        q.maxReceiveCount(),
                        Parsers.POSITIVE_INT,
                        v -> ChannelForms.editSettings(vm, id, q.withMaxReceiveCount((Integer) v)))
                .setPromptText("never redriven");
        f.check("FIFO", q.fifo(), v -> ChannelForms.editSettings(vm, id, q.withFifo(v)));
        f.text(
                        "Receive wait",
                        q.receiveWait(),
                        Parsers.durationWithin(ZERO, TimeSpan.parse("20s")),
                        v -> ChannelForms.editSettings(vm, id, q.withReceiveWait((TimeSpan) v)))
                .setPromptText("0s (short polling)");
        f.text(
                        "Retention",
                        q.messageRetention(),
                        Parsers.durationWithin(TimeSpan.parse("60s"), TimeSpan.parse("14d")),
                        v -> ChannelForms.editSettings(vm, id, q.withMessageRetention((TimeSpan) v)))
                .setPromptText("4d (default)");
        f.section("Subscribed to SNS topics");
        List<Channel> topics = d.channels().stream()
                .filter(x -> SqsQueue.of(x).isTopic() && d.kindOf(x).orElse(null) == BrokerKind.SQS)
                .toList();
        if (topics.isEmpty()) {
            f.info("Topics", "none in the design: add an SNS topic from the palette");
        }
        for (int i = 0; i < topics.size(); i++) {
            String t = topics.get(i).id();
            boolean on = q.topicsOrEmpty().contains(t);
            f.option(
                    i == 0 ? "Topics" : "",
                    "topic " + t,
                    t,
                    on ? Boolean.TRUE : null,
                    v -> ChannelForms.editSettings(vm, id, q.withTopic(t, v != null)));
        }
    }

    /** Turning a queue into a topic drops the settings a topic cannot have (the validator refuses them). */
    static SqsQueue asTopic(SqsQueue q, Boolean topic) {
        return topic == null
                ? q.withSnsTopic(null)
                : new SqsQueue(true, null, null, null, q.fifo(), null, q.messageRetention());
    }

    /** {@code topics} with the topic taken out and, when {@code on}, added at the end; null when empty. */
    static List<String> toggled(List<String> topics, String topic, boolean on) {
        return SqsQueue.NONE.withSnsTopics(topics).withTopic(topic, on).snsTopics();
    }

    private static void jms(Form f, InspectorViewModel vm, Channel c) {
        String id = c.id();
        JmsDestination j = JmsDestination.of(c);
        f.section(j.isTopic() ? "JMS topic" : "JMS queue");
        f.choice(
                "Destination",
                JmsDestination.Type.values(),
                j.type(),
                v -> ChannelForms.editSettings(vm, id, j.withType(v)));
        if (!j.isTopic()) {
            ChannelForms.queueLimits(f, vm, id, AmqpQueue.of(c), true);
        }
    }

    /** Subscription settings of MQTT sessions, JMS topics and Redis consumer groups. */
    static void subscription(Form f, InspectorViewModel vm, Design d, String svc, Subscription x) {
        String ch = x.channel();
        BrokerKind kind = kindOf(d, ch);
        if (kind == BrokerKind.MQTT || kind == BrokerKind.OTHER) {
            f.text(
                            "MQTT QoS",
                            x.qos(),
                            Parsers.QOS,
                            v -> vm.editSubscription(svc, ch, "qos", s -> Records.with(s, "qos", v)))
                    .setPromptText("0");
        }
        if (kind == BrokerKind.MQTT) {
            f.text(
                            "Session expiry",
                            x.sessionExpiry(),
                            Parsers.DURATION,
                            v -> vm.editSubscription(
                                    svc, ch, "session expiry", s -> Records.with(s, "sessionExpiry", v)))
                    .setPromptText("0s (clean session)");
            f.text(
                            "Receive maximum",
                            x.receiveMaximum(),
                            Parsers.intWithin(1, 65_535),
                            v -> vm.editSubscription(
                                    svc, ch, "receive maximum", s -> Records.with(s, "receiveMaximum", v)))
                    .setPromptText("65535");
        }
        if (kind == BrokerKind.JMS
                && JmsDestination.of(d.channel(ch).orElseThrow()).isTopic()) {
            f.check(
                    "Durable",
                    x.durable(),
                    v -> vm.editSubscription(svc, ch, "durable", s -> Records.with(s, "durable", v)));
        }
        if (kind == BrokerKind.REDIS) {
            f.text(
                            "Claim idle after",
                            x.claimIdle(),
                            Parsers.DURATION,
                            v -> vm.editSubscription(svc, ch, "claim idle", s -> Records.with(s, "claimIdle", v)))
                    .setPromptText("never (XAUTOCLAIM off)");
        }
    }

    /** Publication settings of MQTT wills and Postgres transactions. */
    static void publication(Form f, InspectorViewModel vm, Design d, String svc, Publication p) {
        String ch = p.channel();
        BrokerKind kind = kindOf(d, ch);
        if (kind == BrokerKind.MQTT) {
            f.check("Last will", p.will(), v -> vm.editPublication(svc, ch, "will", x -> withWill(x, v)));
        }
        if (kind == BrokerKind.POSTGRES) {
            f.text(
                            "Transaction",
                            p.transaction(),
                            Parsers.DURATION,
                            v -> vm.editPublication(svc, ch, "transaction", x -> Records.with(x, "transaction", v)))
                    .setPromptText("none: sent at once");
            f.text(
                            "Rollback %",
                            p.rollbackPercent(),
                            s -> {
                                if (p.transaction() == null) {
                                    throw new IllegalArgumentException(
                                            "set Transaction first: only notifications sent in a transaction roll back");
                                }
                                return Parsers.PERCENT.apply(s);
                            },
                            v -> vm.editPublication(svc, ch, "rollback", x -> Records.with(x, "rollbackPercent", v)))
                    .setPromptText("0");
        }
    }

    /** The publication as a last will (no rate, no trigger: the validator refuses them on a will), or not. */
    static Publication withWill(Publication p, Boolean will) {
        Publication out = Records.with(p, "will", will);
        return will == null
                ? out
                : Records.with(Records.with(Records.with(out, "rate", null), "per", null), "from", null);
    }

    /** An SNS subscription edge: which topic copies its messages to which queue. */
    static Form snsEdge(InspectorViewModel vm, EdgeRef e) {
        Form f = new Form();
        f.section("SNS subscription: " + e.service() + " → " + e.channel());
        f.info("Delivery", "the topic copies every message it gets to the queue; consumers read the queue");
        f.link("Open topic " + e.service(), () -> vm.select(e.service()));
        f.link("Open queue " + e.channel(), () -> vm.select(e.channel()));
        return f;
    }
}
