package io.eventflow.model.design;

import java.util.Optional;

/**
 * The id of an edge of a design: a publication (service → channel), a subscription (channel → service), a dead-letter
 * route (service → the dead-letter channel of its subscription) or an SNS subscription (SNS topic → SQS queue, from the
 * queue's {@code snsTopics}). Edges have no id of their own in the file; views and selections use {@link #key()}.
 *
 * @param kind what it stands for
 * @param service the service's id (for an SNS subscription: the topic's id)
 * @param channel the channel's id (for an SNS subscription: the queue's id)
 */
public record EdgeId(Kind kind, String service, String channel) {
    /** What an edge stands for. */
    public enum Kind {
        PUBLISH("pub"),
        SUBSCRIBE("sub"),
        DEAD_LETTER("dlq"),
        /** An SNS topic delivering to an SQS queue: both ends are channels. */
        SNS("sns");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public EdgeId {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(service, "service");
        java.util.Objects.requireNonNull(channel, "channel");
    }

    public static EdgeId publish(String service, String channel) {
        return new EdgeId(Kind.PUBLISH, service, channel);
    }

    public static EdgeId subscribe(String service, String channel) {
        return new EdgeId(Kind.SUBSCRIBE, service, channel);
    }

    /**
     * A stable key in the selection, e.g. {@code pub:checkout>orders}, from → to. Keys with a colon are edges, the rest
     * elements: {@link ElementId} keeps {@code :} and {@code >} out of element ids.
     */
    public String key() {
        return kind.prefix + ":" + from() + ">" + to();
    }

    /** The element the edge starts from. */
    public String from() {
        return kind == Kind.SUBSCRIBE ? channel : service;
    }

    /** The element the edge ends at. */
    public String to() {
        return kind == Kind.SUBSCRIBE ? service : channel;
    }

    /** Whether a selection key names an edge rather than an element. */
    public static boolean isEdgeKey(String key) {
        return parse(key).isPresent();
    }

    /** Parses a {@link #key()} back; empty for an element id. */
    public static Optional<EdgeId> parse(String key) {
        int colon = key.indexOf(':');
        int gt = key.indexOf('>');
        if (colon < 0 || gt < colon) {
            return Optional.empty();
        }
        String a = key.substring(colon + 1, gt);
        String b = key.substring(gt + 1);
        return Optional.ofNullable(
                switch (key.substring(0, colon)) {
                    case "pub" -> new EdgeId(Kind.PUBLISH, a, b);
                    case "sub" -> new EdgeId(Kind.SUBSCRIBE, b, a);
                    case "dlq" -> new EdgeId(Kind.DEAD_LETTER, a, b);
                    case "sns" -> new EdgeId(Kind.SNS, a, b);
                    default -> null;
                });
    }

    /** The service's publication this edge stands for (a publish edge), if it is in the design. */
    public Optional<Publication> publication(Design d) {
        if (kind != Kind.PUBLISH) {
            return Optional.empty();
        }
        return d.service(service).flatMap(s -> s.publishes().stream()
                .filter(p -> p.channel().equals(channel))
                .findFirst());
    }

    /**
     * The service's subscription this edge stands for (a subscribe edge; for a dead-letter edge the subscription whose
     * dead-letter channel it is), if it is in the design.
     */
    public Optional<Subscription> subscription(Design d) {
        if (kind != Kind.SUBSCRIBE && kind != Kind.DEAD_LETTER) {
            return Optional.empty();
        }
        return d.service(service).flatMap(s -> s.subscribes().stream()
                .filter(x -> kind == Kind.DEAD_LETTER
                        ? channel.equals(x.deadLetter())
                        : x.channel().equals(channel))
                .findFirst());
    }
}
