package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
import java.util.ArrayList;
import java.util.List;

/**
 * An edge of the diagram: a publication (service → channel), a subscription (channel → service), a dead-letter route
 * (service → dead-letter channel, drawn from its subscription) or an SNS subscription (SNS topic → SQS queue, from the
 * queue's {@code snsTopics}).
 *
 * @param kind what it stands for
 * @param service the service's id (for an SNS subscription: the topic's id)
 * @param channel the channel's id (for an SNS subscription: the queue's id)
 * @param label message type and rate on two lines, e.g. {@code OrderPlaced} and {@code 200/s}
 */
public record EdgeRef(Kind kind, String service, String channel, String label) {
    /** What an edge stands for. */
    public enum Kind {
        PUBLISH,
        SUBSCRIBE,
        DEAD_LETTER,
        /** An SNS topic delivering to an SQS queue: both ends are channels. */
        SNS
    }

    /** A stable id, e.g. {@code pub:checkout>orders}. Ids with a colon are edges, the rest elements. */
    public String id() {
        return switch (kind) {
            case PUBLISH -> "pub:" + service + ">" + channel;
            case SUBSCRIBE -> "sub:" + channel + ">" + service;
            case DEAD_LETTER -> "dlq:" + service + ">" + channel;
            case SNS -> "sns:" + service + ">" + channel;
        };
    }

    /** The element the edge starts from. */
    public String from() {
        return kind == Kind.SUBSCRIBE ? channel : service;
    }

    /** The element the edge ends at. */
    public String to() {
        return kind == Kind.SUBSCRIBE ? service : channel;
    }

    /** Parses an edge id back; null for an element id. */
    public static EdgeRef parse(String id) {
        int colon = id.indexOf(':');
        int gt = id.indexOf('>');
        if (colon < 0 || gt < colon) {
            return null;
        }
        String a = id.substring(colon + 1, gt);
        String b = id.substring(gt + 1);
        return switch (id.substring(0, colon)) {
            case "pub" -> new EdgeRef(Kind.PUBLISH, a, b, "");
            case "sub" -> new EdgeRef(Kind.SUBSCRIBE, b, a, "");
            case "dlq" -> new EdgeRef(Kind.DEAD_LETTER, a, b, "");
            case "sns" -> new EdgeRef(Kind.SNS, a, b, "");
            default -> null;
        };
    }

    /** Every edge of a design whose two ends exist. */
    public static List<EdgeRef> of(Design d) {
        List<EdgeRef> out = new ArrayList<>();
        for (Service s : d.services()) {
            for (Publication p : s.publishes()) {
                if (d.channel(p.channel()).isPresent()) {
                    out.add(new EdgeRef(Kind.PUBLISH, s.id(), p.channel(), publicationLabel(d, p)));
                }
            }
            for (Subscription x : s.subscribes()) {
                if (d.channel(x.channel()).isPresent()) {
                    out.add(new EdgeRef(Kind.SUBSCRIBE, s.id(), x.channel(), subscriptionLabel(d, x)));
                }
                if (x.deadLetter() != null && d.channel(x.deadLetter()).isPresent()) {
                    out.add(new EdgeRef(Kind.DEAD_LETTER, s.id(), x.deadLetter(), "dead letters"));
                }
            }
        }
        for (Channel q : d.channels()) {
            for (String topic : SqsQueue.of(q).topicsOrEmpty()) {
                if (d.channel(topic).isPresent()) {
                    out.add(new EdgeRef(Kind.SNS, topic, q.id(), "fan-out"));
                }
            }
        }
        return out;
    }

    private static String publicationLabel(Design d, Publication p) {
        String message = p.message() != null
                ? p.message()
                : d.channel(p.channel())
                        .filter(c -> c.messages().size() == 1)
                        .map(c -> c.messages().get(0))
                        .orElse("");
        String rate = p.isChained()
                ? "per processed"
                : p.rate() == null ? "" : p.rate().text();
        return message.isEmpty() ? rate : rate.isEmpty() ? message : message + "\n" + rate;
    }

    private static String subscriptionLabel(Design d, Subscription x) {
        String label = x.group() == null
                ? x.deliveryOrDefault().key()
                : x.group() + " · " + x.deliveryOrDefault().key();
        boolean jmsTopic = d.channel(x.channel())
                .filter(c -> d.kindOf(c).orElse(null) == BrokerKind.JMS
                        && JmsDestination.of(c).isTopic())
                .isPresent();
        return jmsTopic ? label + "\n" + (x.isDurable() ? "durable" : "non-durable") : label;
    }
}
