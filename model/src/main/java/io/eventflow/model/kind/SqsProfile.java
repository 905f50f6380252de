package io.eventflow.model.kind;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.DistributionKind;
import io.eventflow.model.design.KindSettings;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/** SQS/SNS: a channel is a queue, or a fan-out topic that copies to the queues subscribed to it ({@link SqsQueue}). */
final class SqsProfile implements KindProfile {
    private static final long HOUR = 3_600_000_000_000L;

    private static final KindBindings BINDINGS = new SqsBindings();

    @Override
    public KindBindings bindings() {
        return BINDINGS;
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.SQS;
    }

    @Override
    public List<String> importKeys() {
        return List.of("snsTopic", "fifo", "visibilityTimeout", "maxReceiveCount");
    }

    static final String SQS_VISIBILITY = "EF015";
    static final String SQS_FIFO_NAME = "EF021";
    static final String SNS_NO_QUEUE = "EF022";

    @Override
    public List<KindRule> lintRules() {
        return List.of(
                new KindRule(
                        SQS_VISIBILITY,
                        false,
                        "SQS visibility timeout shorter than the processing time",
                        "A message still being processed when its visibility timeout ends becomes visible again and"
                                + " is received by another consumer: a duplicate, and the first receiver's delete uses"
                                + " a stale receipt handle. Compares with the processing distribution's max, else its"
                                + " mean."),
                new KindRule(
                        SQS_FIFO_NAME,
                        false,
                        "SQS/SNS FIFO name without .fifo (or a standard one with it)",
                        "AWS refuses a FIFO queue or topic whose name does not end in .fifo, and a standard one whose"
                                + " name does."),
                new KindRule(
                        SNS_NO_QUEUE,
                        false,
                        "SNS topic with no queue subscribed",
                        "A topic stores nothing and copies each message to the queues subscribed to it; with none,"
                                + " everything published there is dropped. Add a queue with snsTopics naming it."));
    }

    @Override
    public void lintChannel(Channel c, String p, LintContext out) {
        fifoName(c, p, out);
        if (SqsQueue.of(c).isTopic() && out.design().queuesOf(c.id()).isEmpty()) {
            out.report(
                    SNS_NO_QUEUE,
                    c.id(),
                    p,
                    "SNS topic '" + c.id() + "' has no queue subscribed to it: everything published there is"
                            + " dropped (a topic stores nothing)",
                    "add a queue with 'snsTopics: [" + c.id() + "]' and subscribe to the queue");
        }
    }

    private static void fifoName(Channel c, String p, LintContext out) {
        String address = c.effectiveAddress();
        boolean suffix = address.endsWith(".fifo");
        String what = SqsQueue.of(c).isTopic() ? "topic" : "queue";
        if (SqsQueue.of(c).isFifo() && !suffix) {
            out.report(
                    SQS_FIFO_NAME,
                    c.id(),
                    c.address() != null ? p + "/address" : p,
                    "FIFO " + what + " '" + c.id() + "' is named '" + address + "': AWS refuses a FIFO " + what
                            + " name that does not end in .fifo",
                    "rename it to '" + address + ".fifo'");
        } else if (!SqsQueue.of(c).isFifo() && suffix) {
            out.report(
                    SQS_FIFO_NAME,
                    c.id(),
                    c.address() != null ? p + "/address" : p,
                    "standard " + what + " '" + c.id() + "' is named '" + address + "': only FIFO " + what
                            + " names may end in .fifo",
                    "set 'fifo: true', or drop the .fifo suffix");
        }
    }

    @Override
    public void lintSubscription(Service s, Subscription sub, Channel c, String p, LintContext out) {
        if (SqsQueue.of(c).isTopic()) {
            return;
        }
        Distribution dist = sub.processingOrDefault();
        TimeSpan hold = LintContext.holdTime(dist);
        TimeSpan visibility = SqsQueue.of(c).visibilityTimeoutOrDefault();
        if (hold.compareTo(visibility) > 0) {
            String takes = dist.max() != null
                    ? "up to " + hold
                    : dist.kindOrDefault() == DistributionKind.CONSTANT ? hold.toString() : hold + " on average";
            out.report(
                    SQS_VISIBILITY,
                    s.id(),
                    sub.processing() != null ? p + "/processing" : p,
                    "'" + s.id() + "' takes " + takes + " to process a message from '" + c.id()
                            + "', but its visibility timeout is " + visibility + ": the message becomes visible"
                            + " again and is received a second time while the first receiver is still working (a"
                            + " duplicate)",
                    "raise 'visibilityTimeout' on '" + c.id() + "' well above the processing time, or extend it"
                            + " while processing (ChangeMessageVisibility)");
        }
    }

    @Override
    public Optional<Retention> retention(Channel c) {
        SqsQueue q = SqsQueue.of(c);
        return q.isTopic()
                ? Optional.empty()
                : Optional.of(new Retention(q.messageRetentionOrDefault(), "messageRetention"));
    }

    @Override
    public KindShape shape(Design d, Channel c) {
        if (SqsQueue.of(c).isTopic()) {
            int queues = d.queuesOf(c.id()).size();
            return new KindShape("hub", "SNS", "fan-out to " + queues + (queues == 1 ? " queue" : " queues"), 0);
        }
        return new KindShape("queue", "SQS", SqsQueue.of(c).isFifo() ? "FIFO" : "standard", 0);
    }

    @Override
    public Optional<Refusal> refuseDiskLimit(String channel) {
        return Optional.of(new Refusal(
                "'" + channel + "' is an SQS/SNS channel: SQS has no disk to fill; its"
                        + " messageRetention deletes old messages",
                "set messageRetention on the queue instead"));
    }

    @Override
    public SqsQueue readChannel(SettingsSource f) {
        return new SqsQueue(
                f.bool("snsTopic"),
                f.strings("snsTopics"),
                f.timeSpan("visibilityTimeout"),
                f.integer("maxReceiveCount"),
                f.bool("fifo"),
                f.timeSpan("receiveWait"),
                f.timeSpan("messageRetention"));
    }

    @Override
    public void writeChannel(Channel c, SettingsSink o) {
        SqsQueue q = SqsQueue.of(c);
        o.put("snsTopic", q.snsTopic());
        o.putStrings("snsTopics", q.snsTopics());
        o.put("visibilityTimeout", q.visibilityTimeout());
        o.put("maxReceiveCount", q.maxReceiveCount());
        o.put("fifo", q.fifo());
        o.put("receiveWait", q.receiveWait());
        o.put("messageRetention", q.messageRetention());
    }

    @Override
    public KindSettings mapChannelRefs(KindSettings part, UnaryOperator<String> map) {
        SqsQueue q = (SqsQueue) part;
        if (q.snsTopics() == null) {
            return q;
        }
        return q.withSnsTopics(
                q.snsTopics().stream().map(map).filter(Objects::nonNull).toList());
    }

    @Override
    public void checkChannel(Channel c, Broker broker, String p, Checks out) {
        SqsQueue q = SqsQueue.of(c);
        out.positive(p + "/maxReceiveCount", "maxReceiveCount", q.maxReceiveCount());
        within(out, p + "/visibilityTimeout", "visibilityTimeout", q.visibilityTimeout(), 0, 12 * HOUR, "12h");
        within(out, p + "/receiveWait", "receiveWait", q.receiveWait(), 0, 20_000_000_000L, "20s");
        within(
                out,
                p + "/messageRetention",
                "messageRetention",
                q.messageRetention(),
                60_000_000_000L,
                14 * 24 * HOUR,
                "14 days (and at least 60s)");
        if (q.isTopic() && !q.topicsOrEmpty().isEmpty()) {
            out.impossible(p + "/snsTopics", "an SNS topic cannot itself subscribe to topics (snsTopics)", null);
        }
        if (q.isTopic() && (q.visibilityTimeout() != null || q.maxReceiveCount() != null || q.receiveWait() != null)) {
            out.impossible(
                    p + "/snsTopic",
                    "an SNS topic stores nothing: visibilityTimeout, maxReceiveCount and receiveWait belong on"
                            + " the queues subscribed to it",
                    null);
        }
        List<String> topics = q.topicsOrEmpty();
        for (int i = 0; i < topics.size(); i++) {
            String t = topics.get(i);
            Optional<Channel> topic = out.design().channel(t);
            if (topic.isEmpty()) {
                out.unknownChannel(p + "/snsTopics/" + i, t);
            } else if (!SqsQueue.of(topic.get()).isTopic()) {
                out.impossible(
                        p + "/snsTopics/" + i,
                        "channel '" + t + "' is not an SNS topic",
                        "set snsTopic: true on '" + t + "'");
            }
        }
    }

    private static void within(Checks out, String pointer, String key, TimeSpan t, long min, long max, String limit) {
        if (t != null && (t.nanos() < min || t.nanos() > max)) {
            out.impossible(
                    pointer, key + " " + t + " is outside what the broker accepts (at most " + limit + ")", null);
        }
    }

    @Override
    public String settingsName() {
        return "SQS/SNS settings (visibilityTimeout, fifo, snsTopics, ...)";
    }

    @Override
    public void checkSubscription(Service s, Subscription sub, Channel c, BrokerKind kind, String p, Checks out) {
        if (kind == kind() && SqsQueue.of(c).isTopic()) {
            out.impossible(
                    p + "/channel",
                    "'" + c.id() + "' is an SNS topic: it delivers to queues, not to consumers",
                    "add an sqs queue with snsTopics: [" + c.id() + "] and subscribe to that queue");
        }
    }

    @Override
    public void describeChannel(Design d, Channel c, BrokerKind kind, BiConsumer<String, Object> row) {
        SqsQueue q = SqsQueue.of(c);
        if (q.isTopic()) {
            row.accept("SNS topic", "stores nothing; copies each message to the queues subscribed to it");
            row.accept("FIFO", q.fifo());
        } else if (kind == BrokerKind.SQS || !q.isEmpty()) {
            row.accept("FIFO", q.isFifo() ? "yes: in order per message group, 5-minute dedup" : null);
            row.accept(
                    "Visibility timeout",
                    q.visibilityTimeout() != null
                            ? q.visibilityTimeout()
                            : q.visibilityTimeoutOrDefault() + " (default)");
            row.accept(
                    "Max receive count",
                    q.maxReceiveCount() == null
                            ? null
                            : q.maxReceiveCount() + (c.deadLetter() != null ? ", then to the dead-letter queue" : ""));
            row.accept(
                    "Receive wait",
                    q.receiveWait() == null
                            ? null
                            : q.receiveWait()
                                    + (q.receiveWait().nanos() == 0 ? " (short polling)" : " (long polling)"));
            row.accept(
                    "Message retention",
                    q.messageRetention() != null
                            ? q.messageRetention()
                            : kind == BrokerKind.SQS ? q.messageRetentionOrDefault() + " (default)" : null);
        }
    }

    @Override
    public void describeChannelLinks(Design d, Channel c, BiConsumer<String, List<String>> row) {
        SqsQueue q = SqsQueue.of(c);
        if (!q.topicsOrEmpty().isEmpty()) {
            row.accept("Subscribed to SNS topics", q.topicsOrEmpty());
        }
        if (q.isTopic()) {
            row.accept(
                    "Queues subscribed",
                    d.queuesOf(c.id()).stream().map(Channel::id).toList());
        }
    }
}
