package io.eventflow.model.validate;

import static io.eventflow.model.validate.LintRules.*;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.DistributionKind;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RedisStream;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lint rules for the pitfalls of the MQTT, SQS/SNS, Redis Streams, Postgres LISTEN/NOTIFY and JMS kinds (EF014 to
 * EF023). Each looks at one channel or one subscription on a broker of its kind.
 */
final class KindLint {
    /** Receives one finding. */
    interface Out {
        void report(String rule, String element, String pointer, String message, String hint);
    }

    /** Imperative verbs a command's name starts with, followed by an upper-case letter, a separator or nothing. */
    private static final Pattern COMMAND_VERB = Pattern.compile(
            "^(?:[Ss]et|[Ss]tart|[Ss]top|[Tt]urn|[Oo]pen|[Cc]lose|[Cc]reate|[Uu]pdate|[Dd]elete|[Rr]eset|[Rr]eboot"
                    + "|[Rr]estart|[Ee]nable|[Dd]isable|[Cc]ancel|[Ll]ock|[Uu]nlock|[Aa]ctivate|[Dd]eactivate"
                    + "|[Ee]xecute|[Tt]rigger)(?:[A-Z_.\\- ].*)?$");
    /** Names that read as something that happened, not as an order. */
    private static final Pattern PAST = Pattern.compile(".*(?:ed|Event|event|Status|status)$");

    private final Design d;
    private final Out out;

    KindLint(Design design, Out out) {
        this.d = design;
        this.out = out;
    }

    /**
     * True when a message type's id or name reads as a command: it ends in Command/Cmd (any case, plural too), or it
     * starts with an imperative verb (Set, Start, Stop, Turn, Open, Close, Create, Update, Delete, Reset, Reboot,
     * Restart, Enable, Disable, Cancel, Lock, Unlock, Activate, Deactivate, Execute, Trigger) followed by an
     * upper-case letter, a separator or nothing, and does not end like an event (-ed, Event, Status).
     */
    static boolean isCommand(MessageType m) {
        return readsAsCommand(m.id()) || (m.name() != null && readsAsCommand(m.name()));
    }

    static boolean readsAsCommand(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.matches(".*(?:command|cmd)s?")) {
            return true;
        }
        return COMMAND_VERB.matcher(name).matches() && !PAST.matcher(name).matches();
    }

    void channel(Channel c, String p) {
        BrokerKind kind = d.kindOf(c).orElse(BrokerKind.OTHER);
        if (kind == BrokerKind.SQS) {
            sqsName(c, p);
            if (SqsQueue.of(c).isTopic() && !hasQueue(c)) {
                out.report(
                        SNS_NO_QUEUE,
                        c.id(),
                        p,
                        "SNS topic '" + c.id() + "' has no queue subscribed to it: everything published there is"
                                + " dropped (a topic stores nothing)",
                        "add a queue with 'snsTopics: [" + c.id() + "]' and subscribe to the queue");
            }
        } else if (kind == BrokerKind.MQTT && MqttTopic.of(c).qosOrDefault() == 0 && isPublished(c)) {
            List<String> commands = commands(c);
            if (!commands.isEmpty()) {
                out.report(
                        QOS0_COMMAND,
                        c.id(),
                        MqttTopic.of(c).qos() != null ? p + "/qos" : p,
                        "channel '" + c.id() + "' carries commands (" + String.join(", ", commands)
                                + ") but its publishers send at QoS 0: a command sent while the connection drops"
                                + " is lost without a trace",
                        "publish commands at 'qos: 1' with an idempotent handler, or 'qos: 2'");
            }
        }
    }

    /** EF023: a producer retry policy on a service that publishes on MQTT channels at QoS 0 (never retried). */
    void producer(Service s, String p) {
        if (s.producer() == null || s.producer().retry() == null) {
            return;
        }
        List<String> qos0 = new ArrayList<>();
        for (Publication pub : s.publishes()) {
            Channel c = d.channel(pub.channel()).orElse(null);
            if (c != null
                    && d.kindOf(c).orElse(BrokerKind.OTHER) == BrokerKind.MQTT
                    && MqttTopic.of(c).qosOrDefault() == 0
                    && !qos0.contains(c.id())) {
                qos0.add(c.id());
            }
        }
        if (!qos0.isEmpty()) {
            out.report(
                    QOS0_RETRY,
                    s.id(),
                    p + "/producer/retry",
                    "'" + s.id() + "' has a producer retry policy, but publishes on " + String.join(", ", qos0)
                            + " at QoS 0: no PUBACK comes back, so a lost publish is never retried",
                    "publish at 'qos: 1' (or 2) where lost sends must be retried; else the retry policy can go");
        }
    }

    void subscription(Service s, Subscription sub, String p) {
        Channel c = d.channel(sub.channel()).orElse(null);
        if (c == null) {
            return;
        }
        boolean mayLose = sub.deliveryOrDefault() != DeliveryGuarantee.AT_MOST_ONCE;
        switch (d.kindOf(c).orElse(BrokerKind.OTHER)) {
            case POSTGRES -> {
                if (mayLose) {
                    listenNotify(s, sub, c, p);
                }
            }
            case SQS -> visibility(s, sub, c, p);
            case MQTT -> {
                qos0Subscription(s, sub, c, p);
                if (mayLose) {
                    cleanSession(s, sub, c, p);
                }
            }
            case JMS -> {
                if (mayLose && JmsDestination.of(c).isTopic() && !sub.isDurable()) {
                    out.report(
                            JMS_NON_DURABLE,
                            s.id(),
                            sub.durable() != null ? p + "/durable" : p,
                            "'" + s.id() + "' has a non-durable subscription to JMS topic '" + c.id()
                                    + "': every message published while it is disconnected (restart, deploy, crash)"
                                    + " is lost for it",
                            "set 'durable: true', or 'delivery: at-most-once' if missing those is fine");
                }
            }
            case REDIS -> {
                if (mayLose) {
                    redis(s, sub, c, p);
                }
            }
            default -> {}
        }
    }

    private void listenNotify(Service s, Subscription sub, Channel c, String p) {
        out.report(
                LISTEN_NOTIFY,
                s.id(),
                sub.delivery() != null ? p + "/delivery" : p,
                "'" + s.id() + "' reads '" + c.id() + "' "
                        + sub.deliveryOrDefault().key()
                        + ", but Postgres NOTIFY stores nothing: a listener that is down or reconnecting misses"
                        + " every notification sent meanwhile",
                "for events that must not be lost, write them to an outbox table (NOTIFY only as a wake-up) or"
                        + " use a queue; else declare 'delivery: at-most-once'");
    }

    /** The time one message is held: the distribution's max when it has one, else its mean. */
    static TimeSpan holdTime(Distribution dist) {
        if (dist.max() != null) {
            return dist.max();
        }
        return TimeSpan.ofNanos(Math.round(dist.meanNanos()));
    }

    private void visibility(Service s, Subscription sub, Channel c, String p) {
        if (SqsQueue.of(c).isTopic()) {
            return;
        }
        Distribution dist = sub.processingOrDefault();
        TimeSpan hold = holdTime(dist);
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

    private void qos0Subscription(Service s, Subscription sub, Channel c, String p) {
        List<String> commands = commands(c);
        if (sub.qos() != null && sub.qos() == 0 && MqttTopic.of(c).qosOrDefault() > 0 && !commands.isEmpty()) {
            out.report(
                    QOS0_COMMAND,
                    s.id(),
                    p + "/qos",
                    "'" + s.id() + "' subscribes to commands (" + String.join(", ", commands) + ") on '" + c.id()
                            + "' at QoS 0: the broker delivers at min(published, subscribed) = 0, so a command is"
                            + " lost when the connection drops",
                    "subscribe at 'qos: " + MqttTopic.of(c).qosOrDefault() + "'");
        }
    }

    private void cleanSession(Service s, Subscription sub, Channel c, String p) {
        int granted = Math.min(MqttTopic.of(c).qosOrDefault(), sub.qos() == null ? 2 : sub.qos());
        boolean clean = sub.sessionExpiry() == null || sub.sessionExpiry().nanos() == 0;
        if (granted >= 1 && clean) {
            out.report(
                    MQTT_CLEAN_SESSION,
                    s.id(),
                    sub.sessionExpiry() != null ? p + "/sessionExpiry" : p,
                    "'" + s.id() + "' receives '" + c.id() + "' at QoS " + granted + " with a clean session: while"
                            + " it is disconnected the broker keeps nothing for it, so messages published meanwhile"
                            + " are lost despite QoS " + granted,
                    "set 'sessionExpiry' longer than its expected outage (the broker then queues QoS 1/2 messages"
                            + " for it), or declare 'delivery: at-most-once'");
        }
    }

    private void redis(Service s, Subscription sub, Channel c, String p) {
        int instances = Linter.groupInstances(d, sub.groupOr(s.id()), c.id());
        if (sub.claimIdle() == null && instances > 1) {
            out.report(
                    REDIS_NO_CLAIM,
                    s.id(),
                    p,
                    "'" + s.id() + "' reads stream '" + c.id() + "' with " + instances + " consumers but no"
                            + " claimIdle: entries a crashed consumer had read stay in its pending list until that"
                            + " same consumer comes back (for ever if it never does); no other consumer takes them",
                    "set 'claimIdle' (XAUTOCLAIM min idle time) above the longest processing time");
        }
        Integer maxLen = RedisStream.of(c).maxLen();
        double rate = rateInto(c);
        boolean own = sub.maxDowntime() != null;
        TimeSpan down = Linter.downtime(d, sub);
        if (maxLen != null && rate * down.seconds() > maxLen) {
            out.report(
                    REDIS_TRIM,
                    s.id(),
                    own ? p + "/maxDowntime" : p,
                    "stream '" + c.id() + "' keeps its newest " + maxLen + " entries (maxLen), but at "
                            + format(rate) + "/s about " + Math.round(rate * down.seconds()) + " arrive while '"
                            + s.id() + "' may be down (" + down + (own ? "" : ", lint.expectedDowntime")
                            + "): trimming evicts entries it has not read",
                    "raise maxLen above " + Math.round(rate * down.seconds()) + ", or trim by age (MINID) after"
                            + " every group has read");
        }
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.format(Locale.ROOT, "%.2f", rate);
    }

    private void sqsName(Channel c, String p) {
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

    private boolean hasQueue(Channel topic) {
        return !d.queuesOf(topic.id()).isEmpty();
    }

    private boolean isPublished(Channel c) {
        return d.services().stream()
                .flatMap(s -> s.publishes().stream())
                .anyMatch(pub -> pub.channel().equals(c.id()) && !pub.isWill());
    }

    private List<String> commands(Channel c) {
        List<String> ids = new ArrayList<>();
        for (String id : c.messages()) {
            d.message(id).filter(KindLint::isCommand).ifPresent(m -> ids.add(m.id()));
        }
        return ids;
    }

    /**
     * Messages per second published on the channel at a rate, all instances together (chained publications have no
     * rate and count 0).
     */
    private double rateInto(Channel c) {
        double sum = 0;
        for (Service s : d.services()) {
            for (Publication pub : s.publishes()) {
                if (pub.channel().equals(c.id()) && pub.rate() != null) {
                    sum += pub.rate().perSecond();
                }
            }
        }
        return sum;
    }
}
