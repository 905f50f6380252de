package io.eventflow.model.doc;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RedisStream;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the page shows of the SQS/SNS, Redis Streams, JMS, Postgres and MQTT-session settings. */
final class KindRows {
    private KindRows() {}

    /** Setting rows of a channel of one of those kinds (plain text values). */
    static void channel(Design d, Channel c, List<String[]> rows) {
        BrokerKind kind = d.kindOf(c).orElse(BrokerKind.OTHER);
        SqsQueue q = SqsQueue.of(c);
        if (q.isTopic()) {
            HtmlSections.add(rows, "SNS topic", "stores nothing; copies each message to the queues subscribed to it");
            HtmlSections.add(rows, "FIFO", q.fifo());
        } else if (kind == BrokerKind.SQS || !q.isEmpty()) {
            HtmlSections.add(rows, "FIFO", q.isFifo() ? "yes: in order per message group, 5-minute dedup" : null);
            HtmlSections.add(
                    rows,
                    "Visibility timeout",
                    q.visibilityTimeout() != null
                            ? q.visibilityTimeout()
                            : q.visibilityTimeoutOrDefault() + " (default)");
            HtmlSections.add(
                    rows,
                    "Max receive count",
                    q.maxReceiveCount() == null
                            ? null
                            : q.maxReceiveCount() + (c.deadLetter() != null ? ", then to the dead-letter queue" : ""));
            HtmlSections.add(
                    rows,
                    "Receive wait",
                    q.receiveWait() == null
                            ? null
                            : q.receiveWait()
                                    + (q.receiveWait().nanos() == 0 ? " (short polling)" : " (long polling)"));
            HtmlSections.add(
                    rows,
                    "Message retention",
                    q.messageRetention() != null
                            ? q.messageRetention()
                            : kind == BrokerKind.SQS ? q.messageRetentionOrDefault() + " (default)" : null);
        }
        if (RedisStream.of(c).maxLen() != null) {
            HtmlSections.add(
                    rows,
                    "Max length (MAXLEN)",
                    RedisStream.of(c).maxLen() + " entries; older ones are trimmed, read or not");
        }
        if (kind == BrokerKind.JMS || !JmsDestination.of(c).isEmpty()) {
            HtmlSections.add(
                    rows,
                    "Destination",
                    JmsDestination.of(c).isTopic() ? "topic (publish/subscribe)" : "queue (point to point)");
        }
        if (kind == BrokerKind.POSTGRES) {
            HtmlSections.add(
                    rows, "Delivery", "LISTEN/NOTIFY: only to sessions listening at that moment; nothing is stored");
        }
    }

    /** What a publication's "When" cell adds for a last will or a Postgres transaction; empty when nothing. */
    static String publication(Publication p) {
        if (p.isWill()) {
            return "MQTT last will: published by the broker when an instance disconnects uncleanly";
        }
        if (p.transaction() != null) {
            String rollback = p.rollbackPercent() == null || p.rollbackPercent() == 0
                    ? ""
                    : ", " + percent(p.rollbackPercent()) + " rolled back";
            return "in a transaction committing " + p.transaction() + " later" + rollback;
        }
        return "";
    }

    private static String percent(double v) {
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v)) + "%";
    }

    /** The session settings of a subscription, for its "Delivery" cell; empty when it has none. */
    static String subscription(Design d, Subscription sub) {
        Optional<Channel> channel = d.channel(sub.channel());
        BrokerKind kind = channel.flatMap(d::kindOf).orElse(BrokerKind.OTHER);
        boolean jmsTopic = channel.map(c -> JmsDestination.of(c).isTopic()).orElse(false);
        List<String> parts = new ArrayList<>();
        if (sub.qos() != null) {
            parts.add("QoS " + sub.qos());
        }
        if (kind == BrokerKind.MQTT) {
            parts.add(
                    sub.sessionExpiry() == null || sub.sessionExpiry().nanos() == 0
                            ? "clean session"
                            : "session kept " + sub.sessionExpiry());
        }
        if (sub.receiveMaximum() != null) {
            parts.add("receive maximum " + sub.receiveMaximum());
        }
        if (jmsTopic || sub.durable() != null) {
            parts.add(sub.isDurable() ? "durable" : "non-durable");
        }
        if (sub.claimIdle() != null) {
            parts.add("claims entries idle over " + sub.claimIdle());
        }
        return String.join(", ", parts);
    }
}
