package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.edit.DesignEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * SQS/SNS on the canvas: a queue (FIFO, visibility timeout, redrive as chips) or an SNS topic that stores nothing and
 * copies each message to the queues subscribed to it. A subscription is an edge from topic to queue (the queue's
 * {@code snsTopics}), drawn by dragging from the topic's port to a queue.
 */
public final class SqsLook implements KindLook {
    public static final PaletteItem QUEUE = PaletteItem.channel(
            "SQS_QUEUE",
            "SQS queue",
            "sqs-queue",
            MaterialDesignT.TRAY_ARROW_DOWN,
            BrokerKind.SQS,
            c -> c,
            "SQS-like queue: visibility timeout, redrive to a dead-letter queue, FIFO");
    public static final PaletteItem TOPIC = PaletteItem.channel(
            "SNS_TOPIC",
            "SNS topic",
            "sns-topic",
            MaterialDesignS.SOURCE_FORK,
            BrokerKind.SQS,
            c -> c.with(new SqsQueue(true, null, null, null, null, null, null)),
            "SNS-like fan-out: copies each message to the SQS queues subscribed to it (drag from its port to a queue)");
    public static final PaletteItem BROKER = PaletteItem.broker(
            "SQS_BROKER", "SQS / SNS", "sqs", BrokerKind.SQS, "SQS queues and SNS topics (an AWS account and region)");

    @Override
    public BrokerKind kind() {
        return BrokerKind.SQS;
    }

    @Override
    public List<PaletteItem> channelItems() {
        return List.of(QUEUE, TOPIC);
    }

    @Override
    public Optional<PaletteItem> brokerItem() {
        return Optional.of(BROKER);
    }

    @Override
    public PaletteItem itemOf(Channel c) {
        return SqsQueue.of(c).isTopic() ? TOPIC : QUEUE;
    }

    @Override
    public String settings(Design d, Channel c, String messages, List<String> chips) {
        SqsQueue q = SqsQueue.of(c);
        if (q.isTopic()) {
            int queues = d.queuesOf(c.id()).size();
            return "fan-out to " + queues + (queues == 1 ? " queue" : " queues") + " · " + messages;
        }
        if (q.isFifo()) {
            chips.add("FIFO");
        }
        chips.add("visibility " + q.visibilityTimeoutOrDefault());
        if (q.maxReceiveCount() != null) {
            chips.add("DLQ after " + q.maxReceiveCount());
        }
        return messages;
    }

    /** A topic keeps nothing: it copies each message to its queues at once. */
    @Override
    public Depth depth(Channel c) {
        return SqsQueue.of(c).isTopic() ? Depth.NONE : Depth.STORED;
    }

    @Override
    public String sampleScenario() {
        return "orders-sqs-sns.scenario.yaml";
    }

    @Override
    public List<EdgeRef> links(Design d, Channel q) {
        List<EdgeRef> out = new ArrayList<>();
        for (String topic : SqsQueue.of(q).topicsOrEmpty()) {
            if (d.channel(topic).isPresent()) {
                out.add(new EdgeRef(EdgeId.Kind.SNS, topic, q.id(), "fan-out"));
            }
        }
        return out;
    }

    @Override
    public boolean isLink(EdgeId e) {
        return e.kind() == EdgeId.Kind.SNS;
    }

    /** Whether {@code topic} is an SNS topic and {@code queue} an SQS queue (not a topic) it may deliver to. */
    @Override
    public boolean canLink(Design d, String topic, String queue) {
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

    @Override
    public String linkName(String topic, String queue) {
        return "Subscribe " + queue + " to SNS topic " + topic;
    }

    /** The queue subscribed to the topic (its {@code snsTopics} gains the topic); unchanged when it already is. */
    @Override
    public Design link(Design d, String topic, String queue) {
        Channel q = d.channel(queue).orElseThrow();
        if (SqsQueue.of(q).topicsOrEmpty().contains(topic)) {
            return d;
        }
        return DesignEdits.replace(d, queue, q.with(SqsQueue.of(q).withTopic(topic, true)));
    }

    /** The queue no longer subscribed to the topic; {@code snsTopics} is dropped when it becomes empty. */
    @Override
    public Design unlink(Design d, EdgeId e) {
        String topic = e.service();
        String queue = e.channel();
        Channel q = d.channel(queue).orElse(null);
        if (q == null || !SqsQueue.of(q).topicsOrEmpty().contains(topic)) {
            return d;
        }
        return DesignEdits.replace(d, queue, q.with(SqsQueue.of(q).withTopic(topic, false)));
    }

    @Override
    public String linkFaultNote() {
        return "SNS fan-out inside the broker: no link to fault (use the topic or queue)";
    }

    /** A copy of the settings with {@code snsTopics} replaced (kept for the tests; see {@link SqsQueue#withSnsTopics}). */
    static SqsQueue withTopics(SqsQueue s, List<String> topics) {
        return s.withSnsTopics(topics);
    }

    @Override
    public ConnectionHints connectionHints() {
        return new ConnectionHints(
                "https://sqs.eu-west-1.amazonaws.com or http://localhost:9324 (empty: runs embedded)",
                "region=eu-west-1\naccessKeyId=AKIA…",
                "secretAccessKey",
                "AWS_SECRET_ACCESS_KEY");
    }
}
