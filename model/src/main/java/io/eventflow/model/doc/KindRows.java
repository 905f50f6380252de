package io.eventflow.model.doc;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the page shows of the SQS/SNS, Redis Streams, JMS, Postgres and MQTT-session settings. */
final class KindRows {
    private KindRows() {}

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
