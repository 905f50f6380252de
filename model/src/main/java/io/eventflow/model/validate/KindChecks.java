package io.eventflow.model.validate;

import static io.eventflow.model.validate.Validator.IMPOSSIBLE_VALUE;
import static io.eventflow.model.validate.Validator.WRONG_BROKER_KIND;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
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
                        || (kind == BrokerKind.JMS && !JmsDestination.of(c).isTopic()))) {
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
        if (kind == BrokerKind.SQS && SqsQueue.of(c).isTopic()) {
            out.error(
                    IMPOSSIBLE_VALUE,
                    s.id(),
                    p + "/channel",
                    "'" + c.id() + "' is an SNS topic: it delivers to queues, not to consumers",
                    "add an sqs queue with snsTopics: [" + c.id() + "] and subscribe to that queue");
        }
    }

    private void impossible(String element, String pointer, String message) {
        out.error(IMPOSSIBLE_VALUE, element, pointer, message, null);
    }
}
