package io.eventflow.app.inspector;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.TimeSpan;
import java.util.List;

/** SQS/SNS: a queue's visibility, redrive, polling and topic subscriptions, or a topic's fan-out. */
final class SqsForm implements KindForm {
    private static final TimeSpan ZERO = TimeSpan.ZERO;

    @Override
    public void channel(Form f, InspectorViewModel vm, Design d, Channel c) {
        if (SqsQueue.of(c).isTopic()) {
            snsTopic(f, vm, d, c);
        } else {
            sqsQueue(f, vm, d, c);
        }
    }

    /** An SNS topic keeps nothing, so nothing is dead-lettered from it. */
    @Override
    public boolean storesNothing(Channel c) {
        return SqsQueue.of(c).isTopic();
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

    /** An SNS subscription edge: which topic copies its messages to which queue. */
    @Override
    public void link(Form f, InspectorViewModel vm, EdgeId e) {
        f.section("SNS subscription: " + e.service() + " → " + e.channel());
        f.info("Delivery", "the topic copies every message it gets to the queue; consumers read the queue");
        f.link("Open topic " + e.service(), () -> vm.select(e.service()));
        f.link("Open queue " + e.channel(), () -> vm.select(e.channel()));
    }
}
