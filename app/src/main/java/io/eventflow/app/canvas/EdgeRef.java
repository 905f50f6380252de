package io.eventflow.app.canvas;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.ArrayList;
import java.util.List;

/**
 * An edge of the diagram as drawn: its {@link EdgeId} and its label.
 *
 * @param edge which publication, subscription, dead-letter route or link between two channels it stands for
 * @param label message type and rate on two lines, e.g. {@code OrderPlaced} and {@code 200/s}
 */
public record EdgeRef(EdgeId edge, String label) {
    public EdgeRef(EdgeId.Kind kind, String service, String channel, String label) {
        this(new EdgeId(kind, service, channel), label);
    }

    public EdgeId.Kind kind() {
        return edge.kind();
    }

    /** The service's id (for a link between two channels: the channel it starts from). */
    public String service() {
        return edge.service();
    }

    /** The channel's id (for a link between two channels: the channel it ends at). */
    public String channel() {
        return edge.channel();
    }

    /** The edge's key in the selection, e.g. {@code pub:checkout>orders}. */
    public String id() {
        return edge.key();
    }

    /** The element the edge starts from. */
    public String from() {
        return edge.from();
    }

    /** The element the edge ends at. */
    public String to() {
        return edge.to();
    }

    /** Every edge of a design whose two ends exist. */
    public static List<EdgeRef> of(Design d) {
        List<EdgeRef> out = new ArrayList<>();
        for (Service s : d.services()) {
            for (Publication p : s.publishes()) {
                if (d.channel(p.channel()).isPresent()) {
                    out.add(new EdgeRef(EdgeId.Kind.PUBLISH, s.id(), p.channel(), publicationLabel(d, p)));
                }
            }
            for (Subscription x : s.subscribes()) {
                if (d.channel(x.channel()).isPresent()) {
                    out.add(new EdgeRef(EdgeId.Kind.SUBSCRIBE, s.id(), x.channel(), subscriptionLabel(d, x)));
                }
                if (x.deadLetter() != null && d.channel(x.deadLetter()).isPresent()) {
                    out.add(new EdgeRef(EdgeId.Kind.DEAD_LETTER, s.id(), x.deadLetter(), "dead letters"));
                }
            }
        }
        for (Channel c : d.channels()) {
            for (KindLook look : KindLooks.all()) {
                out.addAll(look.links(d, c));
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
        return d.channel(x.channel())
                .map(c -> KindLooks.of(d, c).subscriptionLabel(c, x, label))
                .orElse(label);
    }
}
