package io.eventflow.model.validate;

import static io.eventflow.model.validate.Validator.IMPOSSIBLE_VALUE;
import static io.eventflow.model.validate.Validator.UNKNOWN_REFERENCE;
import static io.eventflow.model.validate.Validator.WRONG_BROKER_KIND;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import java.util.List;
import java.util.Optional;

/**
 * Validation of the settings that belong to one broker kind (SQS/SNS, Redis Streams, JMS, MQTT sessions and wills,
 * Postgres transactions): they sit on a channel of that kind and stay within what the broker accepts.
 */
final class KindChecks {
    /** Receives one error. */
    interface Sink {
        void error(String rule, String element, String pointer, String message, String hint);
    }

    private static final long HOUR = 3_600_000_000_000L;
    private final Design d;
    private final Sink out;

    KindChecks(Design d, Sink out) {
        this.d = d;
        this.out = out;
    }

    private BrokerKind kindOf(Channel c) {
        return d.kindOf(c).orElse(null);
    }

    private static boolean fits(BrokerKind kind, BrokerKind wanted) {
        return kind == null || kind == wanted || kind == BrokerKind.OTHER;
    }

    void channel(Channel c, String p) {
        BrokerKind kind = kindOf(c);
        SqsQueue q = c.sqs();
        if (!q.isEmpty() && !fits(kind, BrokerKind.SQS)) {
            wrongKind(c.id(), p, c, kind, "SQS/SNS settings (visibilityTimeout, fifo, snsTopics, ...)", "sqs");
        }
        if (!c.redis().isEmpty() && !fits(kind, BrokerKind.REDIS)) {
            wrongKind(c.id(), p, c, kind, "Redis Streams settings (maxLen)", "redis");
        }
        if (!c.jms().isEmpty() && !fits(kind, BrokerKind.JMS)) {
            wrongKind(c.id(), p, c, kind, "a JMS destination type", "jms");
        }
        Validator.positive(out, c.id(), p + "/maxReceiveCount", "maxReceiveCount", q.maxReceiveCount());
        Validator.positive(out, c.id(), p + "/maxLen", "maxLen", c.redis().maxLen());
        within(c.id(), p + "/visibilityTimeout", "visibilityTimeout", q.visibilityTimeout(), 0, 12 * HOUR, "12h");
        within(c.id(), p + "/receiveWait", "receiveWait", q.receiveWait(), 0, 20_000_000_000L, "20s");
        within(
                c.id(),
                p + "/messageRetention",
                "messageRetention",
                q.messageRetention(),
                60_000_000_000L,
                14 * 24 * HOUR,
                "14 days (and at least 60s)");
        if (q.isTopic() && !q.topicsOrEmpty().isEmpty()) {
            impossible(c.id(), p + "/snsTopics", "an SNS topic cannot itself subscribe to topics (snsTopics)");
        }
        if (q.isTopic() && (q.visibilityTimeout() != null || q.maxReceiveCount() != null || q.receiveWait() != null)) {
            impossible(
                    c.id(),
                    p + "/snsTopic",
                    "an SNS topic stores nothing: visibilityTimeout, maxReceiveCount and receiveWait belong on"
                            + " the queues subscribed to it");
        }
        List<String> topics = q.topicsOrEmpty();
        for (int i = 0; i < topics.size(); i++) {
            String t = topics.get(i);
            Optional<Channel> topic = d.channel(t);
            if (topic.isEmpty()) {
                String close = Levenshtein.closest(
                        t, d.channels().stream().map(Channel::id).toList(), false);
                out.error(
                        UNKNOWN_REFERENCE,
                        c.id(),
                        p + "/snsTopics/" + i,
                        "unknown channel '" + t + "'",
                        close == null ? null : "did you mean '" + close + "'?");
            } else if (!topic.get().sqs().isTopic()) {
                out.error(
                        IMPOSSIBLE_VALUE,
                        c.id(),
                        p + "/snsTopics/" + i,
                        "channel '" + t + "' is not an SNS topic",
                        "set snsTopic: true on '" + t + "'");
            }
        }
    }

    /** {@code ch}: the publication's channel, empty when it does not exist. */
    void publication(Service s, Publication pub, Optional<Channel> ch, String p) {
        BrokerKind kind = ch.map(this::kindOf).orElse(null);
        if (pub.isWill()) {
            if (!fits(kind, BrokerKind.MQTT)) {
                out.error(
                        WRONG_BROKER_KIND,
                        s.id(),
                        p + "/will",
                        "a last will is an MQTT feature, but channel '" + pub.channel() + "' is on a " + kind
                                + " broker",
                        "publish the will on an mqtt channel");
            }
            if (pub.rate() != null || pub.isChained()) {
                impossible(
                        s.id(),
                        p + "/will",
                        "a last will is published by the broker when an instance disconnects uncleanly: it has no"
                                + " rate and no 'per'");
            }
        }
        if ((pub.transaction() != null || pub.rollbackPercent() != null) && !fits(kind, BrokerKind.POSTGRES)) {
            out.error(
                    WRONG_BROKER_KIND,
                    s.id(),
                    p + "/transaction",
                    "transaction and rollbackPercent describe Postgres NOTIFY, but channel '" + pub.channel()
                            + "' is on a " + kind + " broker",
                    "remove them or move the channel to a postgres broker");
        }
        if (pub.rollbackPercent() != null) {
            if (pub.rollbackPercent() < 0 || pub.rollbackPercent() > 100) {
                impossible(
                        s.id(),
                        p + "/rollbackPercent",
                        "rollbackPercent is a percentage from 0 to 100, not " + pub.rollbackPercent());
            }
            if (pub.transaction() == null) {
                impossible(
                        s.id(),
                        p + "/rollbackPercent",
                        "rollbackPercent needs 'transaction': only notifications sent in a transaction roll back");
            }
        }
    }

    /** {@code ch}: the subscription's channel, empty when it does not exist. */
    void subscription(Service s, Subscription sub, Optional<Channel> ch, String p) {
        if (ch.isEmpty()) {
            return;
        }
        Channel c = ch.get();
        BrokerKind kind = kindOf(c);
        if (sub.durable() != null
                && (!fits(kind, BrokerKind.JMS)
                        || (kind == BrokerKind.JMS && !c.jms().isTopic()))) {
            out.error(
                    WRONG_BROKER_KIND,
                    s.id(),
                    p + "/durable",
                    "'durable' applies to subscriptions of JMS topics; '" + c.id() + "' is "
                            + (kind == BrokerKind.JMS ? "a JMS queue" : "on a " + kind + " broker"),
                    kind == BrokerKind.JMS ? "set destination: topic on '" + c.id() + "'" : "remove 'durable'");
        }
        if ((sub.sessionExpiry() != null || sub.receiveMaximum() != null) && !fits(kind, BrokerKind.MQTT)) {
            out.error(
                    WRONG_BROKER_KIND,
                    s.id(),
                    p + "/sessionExpiry",
                    "sessionExpiry and receiveMaximum are MQTT client settings, but '" + c.id() + "' is on a " + kind
                            + " broker",
                    "remove them");
        }
        if (sub.receiveMaximum() != null && (sub.receiveMaximum() < 1 || sub.receiveMaximum() > 65_535)) {
            impossible(s.id(), p + "/receiveMaximum", "receiveMaximum is from 1 to 65535, not " + sub.receiveMaximum());
        }
        if (sub.claimIdle() != null && !fits(kind, BrokerKind.REDIS)) {
            out.error(
                    WRONG_BROKER_KIND,
                    s.id(),
                    p + "/claimIdle",
                    "claimIdle is a Redis Streams setting (XAUTOCLAIM), but '" + c.id() + "' is on a " + kind
                            + " broker",
                    "remove it");
        }
        if ((sub.isolation() != null || sub.rebalancePause() != null) && !fits(kind, BrokerKind.KAFKA)) {
            out.error(
                    WRONG_BROKER_KIND,
                    s.id(),
                    p + (sub.isolation() != null ? "/isolation" : "/rebalancePause"),
                    "isolation and rebalancePause are Kafka consumer settings, but '" + c.id() + "' is on a " + kind
                            + " broker",
                    "remove them");
        }
        if (kind == BrokerKind.SQS && c.sqs().isTopic()) {
            out.error(
                    IMPOSSIBLE_VALUE,
                    s.id(),
                    p + "/channel",
                    "'" + c.id() + "' is an SNS topic: it delivers to queues, not to consumers",
                    "add an sqs queue with snsTopics: [" + c.id() + "] and subscribe to that queue");
        }
    }

    private void within(String element, String pointer, String key, TimeSpan t, long min, long max, String limit) {
        if (t != null && (t.nanos() < min || t.nanos() > max)) {
            impossible(element, pointer, key + " " + t + " is outside what the broker accepts (at most " + limit + ")");
        }
    }

    private void wrongKind(String element, String p, Channel c, BrokerKind kind, String what, String wanted) {
        out.error(
                WRONG_BROKER_KIND,
                element,
                p + "/broker",
                "channel '" + c.id() + "' has " + what + " but broker '" + c.broker() + "' is " + kind,
                "put the channel on a " + wanted + " broker or remove those settings");
    }

    private void impossible(String element, String pointer, String message) {
        out.error(IMPOSSIBLE_VALUE, element, pointer, message, null);
    }
}
