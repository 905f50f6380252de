package io.eventflow.model.doc;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.layout.AutoLayout;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Draws a design as SVG from its layout (elements without a position are laid out automatically): brokers and services
 * as boxes, channels shaped by their kind as on the canvas ({@link ChannelShape}: a log, a queue, a hub, a dashed
 * broadcast, with a kind badge), publications and subscriptions as arrows, dead-letter routes dashed red, fan-out
 * (topic → subscribed queue) dash-dotted and labelled. The same writer serves
 * the HTML documentation (inline, with links to the sections) and the GUI's SVG export (standalone file).
 */
public final class DiagramSvgWriter {
    private static final double PAD = 24;

    private final Design d;
    private final boolean links;
    private final StringBuilder sb = new StringBuilder();

    private DiagramSvgWriter(Design design, boolean links) {
        this.d = AutoLayout.ensureLayout(design);
        this.links = links;
    }

    /** A standalone SVG document (with XML declaration), e.g. for a {@code .svg} file. */
    public static String standalone(Design design) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + new DiagramSvgWriter(design, false).svg();
    }

    /** An {@code <svg>} element to inline in HTML; nodes link to {@code #channel-ID}, {@code #service-ID}, ... */
    public static String inline(Design design) {
        return new DiagramSvgWriter(design, true).svg();
    }

    private String svg() {
        double[] box = bounds();
        double w = box[2] - box[0] + 2 * PAD;
        double h = box[3] - box[1] + 2 * PAD;
        sb.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ef-diagram\" viewBox=\"%s %s %s %s\" width=\"%s\""
                        + " height=\"%s\" role=\"img\" aria-label=\"%s\">\n",
                n(box[0] - PAD),
                n(box[1] - PAD),
                n(w),
                n(h),
                n(w),
                n(h),
                Html.esc("Diagram of " + d.name())));
        sb.append("<defs><marker id=\"ef-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\""
                + " fill=\"#64748b\"/></marker></defs>\n");
        sb.append("<style>.ef-diagram text{font-family:system-ui,-apple-system,'Segoe UI',sans-serif}"
                + ".ef-edge{fill:none;stroke:#64748b;stroke-width:1.6}.ef-dlq{stroke:#dc2626;stroke-dasharray:6 4}"
                + ".ef-reply{stroke-dasharray:2 3}.ef-fanout{stroke-dasharray:7 3 2 3}</style>\n");
        edges();
        for (Broker b : d.brokers()) {
            node(
                    b.id(),
                    "broker",
                    AutoLayout.BROKER,
                    "#e2e8f0",
                    "#475569",
                    b.description() != null && b.description().startsWith("Made up") ? b.id() : b.id(),
                    b.kind().key() + (b.host() != null ? " · " + b.host() : ""),
                    null);
        }
        for (Channel c : d.channels()) {
            ChannelShape shape = ChannelShape.of(d, c);
            node(
                    c.id(),
                    "channel",
                    AutoLayout.CHANNEL,
                    "#fef3c7",
                    "#b45309",
                    c.title() != null ? c.title() : c.id(),
                    c.effectiveAddress(),
                    shape);
        }
        for (Service s : d.services()) {
            String fill =
                    switch (s.role()) {
                        case PRODUCER -> "#dbeafe";
                        case CONSUMER -> "#dcfce7";
                        case SERVICE -> "#ede9fe";
                    };
            String sub =
                    s.role().name().toLowerCase(Locale.ROOT) + (s.instanceCount() > 1 ? " ×" + s.instanceCount() : "");
            node(
                    s.id(),
                    "service",
                    AutoLayout.SERVICE,
                    fill,
                    "#334155",
                    s.title() != null ? s.title() : s.id(),
                    sub,
                    null);
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private double[] bounds() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (String id : nodeIds()) {
            Position p = d.layout().get(id);
            double[] size = AutoLayout.size(d, id);
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x() + size[0]);
            maxY = Math.max(maxY, p.y() + size[1]);
        }
        return minX == Double.MAX_VALUE ? new double[] {0, 0, 200, 100} : new double[] {minX, minY, maxX, maxY};
    }

    private Set<String> nodeIds() {
        Set<String> ids = new LinkedHashSet<>();
        d.brokers().forEach(b -> ids.add(b.id()));
        d.channels().forEach(c -> ids.add(c.id()));
        d.services().forEach(s -> ids.add(s.id()));
        ids.retainAll(d.layout().keySet());
        return ids;
    }

    private void node(
            String id,
            String kind,
            double[] size,
            String fill,
            String stroke,
            String title,
            String sub,
            ChannelShape shape) {
        Position p = d.layout().get(id);
        if (p == null) {
            return;
        }
        if (links) {
            sb.append("<a href=\"#")
                    .append(kind)
                    .append('-')
                    .append(Html.anchor(id))
                    .append("\">");
        }
        if (shape == null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "<g class=\"ef-%s\"><title>%s</title><rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"8\""
                            + " fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>",
                    kind,
                    Html.esc(kind + " " + id),
                    n(p.x()),
                    n(p.y()),
                    n(size[0]),
                    n(size[1]),
                    fill,
                    stroke));
        } else {
            channelShape(id, p, size, fill, stroke, shape);
        }
        double cx = p.x() + size[0] / 2;
        sb.append(String.format(
                Locale.ROOT,
                "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\" fill=\"#0f172a\">"
                        + "%s</text>",
                n(cx),
                n(p.y() + size[1] / 2 - 2),
                Html.esc(clip(title, size[0]))));
        sb.append(String.format(
                Locale.ROOT,
                "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"10.5\" fill=\"#475569\">%s</text></g>",
                n(cx),
                n(p.y() + size[1] / 2 + 12),
                Html.esc(clip(sub, size[0]))));
        sb.append(links ? "</a>\n" : "\n");
    }

    /**
     * A channel's body by its shape (radii as the canvas's CSS: a log square, a queue with a round head, a hub as a pill,
     * a broadcast with a round tail and a dashed border), a log's cells along the bottom, and the kind badge on the top
     * border.
     */
    private void channelShape(String id, Position p, double[] size, String fill, String stroke, ChannelShape shape) {
        double x = p.x();
        double y = p.y();
        double w = size[0];
        double h = size[1];
        double r = h / 2;
        double[] radii =
                switch (shape.shape()) {
                    case "queue" -> new double[] {4, r, r, 4};
                    case "hub" -> new double[] {r, r, r, r};
                    case "broadcast" -> new double[] {r, 4, 4, r};
                    default -> new double[] {4, 4, 4, 4};
                };
        String tip = "channel " + id + " · " + shape.badge() + (shape.detail().isEmpty() ? "" : " · " + shape.detail());
        sb.append(String.format(
                Locale.ROOT,
                "<g class=\"ef-channel ef-shape-%s\"><title>%s</title><path d=\"%s\" fill=\"%s\" stroke=\"%s\""
                        + " stroke-width=\"1.5\"%s/>",
                shape.shape(),
                Html.esc(tip),
                roundedRect(x, y, w, h, radii),
                fill,
                stroke,
                shape.shape().equals("broadcast") ? " stroke-dasharray=\"5 3\"" : ""));
        if (shape.shape().equals("log")) {
            int cells = Math.max(1, shape.cells());
            double cw = 9;
            double gap = 2;
            double x0 = x + w / 2 - (cells * cw + (cells - 1) * gap) / 2;
            for (int i = 0; i < cells; i++) {
                sb.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%s\" y=\"%s\" width=\"9\" height=\"3\" rx=\"1\" fill=\"%s\" opacity=\"0.55\"/>",
                        n(x0 + i * (cw + gap)),
                        n(y + h - 5),
                        stroke));
            }
        }
        double bw = 8 + shape.badge().length() * 5.6;
        double bx = x + w - 16 - bw;
        sb.append(String.format(
                Locale.ROOT,
                "<rect class=\"ef-badge\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"12\" rx=\"6\" fill=\"#ffffff\""
                        + " stroke=\"%s\"/><text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"8.5\""
                        + " font-weight=\"700\" fill=\"%s\">%s</text>",
                n(bx),
                n(y - 6),
                n(bw),
                stroke,
                n(bx + bw / 2),
                n(y + 3),
                stroke,
                Html.esc(shape.badge())));
    }

    /** A closed path of a rectangle with radii top-left, top-right, bottom-right, bottom-left. */
    private static String roundedRect(double x, double y, double w, double h, double[] r) {
        return String.format(
                Locale.ROOT,
                "M%s,%s H%s A%s,%s 0 0 1 %s,%s V%s A%s,%s 0 0 1 %s,%s H%s A%s,%s 0 0 1 %s,%s V%s A%s,%s 0 0 1 %s,%s Z",
                n(x + r[0]),
                n(y),
                n(x + w - r[1]),
                n(r[1]),
                n(r[1]),
                n(x + w),
                n(y + r[1]),
                n(y + h - r[2]),
                n(r[2]),
                n(r[2]),
                n(x + w - r[2]),
                n(y + h),
                n(x + r[3]),
                n(r[3]),
                n(r[3]),
                n(x),
                n(y + h - r[3]),
                n(y + r[0]),
                n(r[0]),
                n(r[0]),
                n(x + r[0]),
                n(y));
    }

    private static String clip(String s, double width) {
        int max = (int) (width / 6.6);
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }

    private void edges() {
        Set<String> seen = new LinkedHashSet<>();
        for (Service s : d.services()) {
            for (Publication p : s.publishes()) {
                edge(s.id(), p.channel(), "", seen);
            }
            for (RequestReply r : s.requests()) {
                edge(s.id(), r.channel(), "", seen);
                edge(r.replyChannel(), s.id(), " ef-reply", seen);
            }
            for (Subscription sub : s.subscribes()) {
                edge(sub.channel(), s.id(), "", seen);
                if (sub.reply() != null) {
                    edge(s.id(), sub.reply().channel(), " ef-reply", seen);
                }
                if (sub.deadLetter() != null) {
                    edge(s.id(), sub.deadLetter(), " ef-dlq", seen);
                }
            }
        }
        for (Channel c : d.channels()) {
            if (c.deadLetter() != null) {
                edge(c.id(), c.deadLetter(), " ef-dlq", seen);
            }
            for (String topic : c.settings().fedBy()) {
                if (d.channel(topic).isPresent()) {
                    edge(topic, c.id(), " ef-fanout", seen);
                }
            }
        }
    }

    private void edge(String from, String to, String cls, Set<String> seen) {
        Position a = from == null ? null : d.layout().get(from);
        Position b = to == null ? null : d.layout().get(to);
        if (a == null || b == null || from.equals(to) || !seen.add(from + ">" + to + cls)) {
            return;
        }
        double[] sa = AutoLayout.size(d, from);
        double[] sbz = AutoLayout.size(d, to);
        double x1 = a.x() + sa[0];
        double y1 = a.y() + sa[1] / 2;
        double x2 = b.x();
        double y2 = b.y() + sbz[1] / 2;
        if (x2 < x1) {
            x1 = a.x() + sa[0] / 2;
            y1 = a.y() + (b.y() > a.y() ? sa[1] : 0);
            x2 = b.x() + sbz[0] / 2;
            y2 = b.y() + (b.y() > a.y() ? 0 : sbz[1]);
        }
        double dx = Math.max(30, Math.abs(x2 - x1) / 2);
        boolean vertical = x2 != b.x();
        String path = vertical
                ? String.format(
                        Locale.ROOT,
                        "M%s,%s C%s,%s %s,%s %s,%s",
                        n(x1),
                        n(y1),
                        n(x1),
                        n((y1 + y2) / 2),
                        n(x2),
                        n((y1 + y2) / 2),
                        n(x2),
                        n(y2))
                : String.format(
                        Locale.ROOT,
                        "M%s,%s C%s,%s %s,%s %s,%s",
                        n(x1),
                        n(y1),
                        n(x1 + dx),
                        n(y1),
                        n(x2 - dx),
                        n(y2),
                        n(x2),
                        n(y2));
        String stroke = cls.contains("dlq") ? "#dc2626" : "#64748b";
        String dash = cls.contains("dlq")
                ? " stroke-dasharray=\"6 4\""
                : cls.contains("reply")
                        ? " stroke-dasharray=\"2 3\""
                        : cls.contains("fanout") ? " stroke-dasharray=\"7 3 2 3\"" : "";
        sb.append("<path class=\"ef-edge")
                .append(cls)
                .append("\" d=\"")
                .append(path)
                .append("\" fill=\"none\" stroke=\"")
                .append(stroke)
                .append("\" stroke-width=\"1.6\"")
                .append(dash)
                .append(" marker-end=\"url(#ef-arrow)\"/>\n");
        if (cls.contains("fanout")) {
            // Both curves are symmetric, so their midpoint is the middle of the two ends. A white halo first (not
            // every renderer knows paint-order), then the label.
            String at = String.format(
                    Locale.ROOT,
                    "x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"10\"",
                    n((x1 + x2) / 2),
                    n((y1 + y2) / 2 + 3));
            sb.append("<text ")
                    .append(at)
                    .append(
                            " fill=\"#ffffff\" stroke=\"#ffffff\" stroke-width=\"3\" aria-hidden=\"true\">fan-out</text>")
                    .append("<text class=\"ef-edge-label\" ")
                    .append(at)
                    .append(" fill=\"#475569\">fan-out</text>\n");
        }
    }

    private static String n(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
