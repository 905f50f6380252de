package io.eventflow.model.layout;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.RequestReply;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.tinylog.Logger;

/**
 * Lays a design out left to right with ELK's layered algorithm: producers, then the channels they publish to, then
 * the consumers of those channels (and so on along chains); a fan-out topic comes before the queues
 * subscribed to it. Brokers sit in a row above. Positions are top-left
 * corners in canvas units; node sizes are those of {@link #size(String)}.
 */
public final class AutoLayout {
    /** Width and height of a service node. */
    public static final double[] SERVICE = {160, 56};
    /** Width and height of a channel node. */
    public static final double[] CHANNEL = {190, 44};
    /** Width and height of a broker node. */
    public static final double[] BROKER = {150, 36};

    private static final double MARGIN = 40;
    private static final double BROKER_ROW = 90;

    private AutoLayout() {}

    /** The node size of an element of the design: {@link #SERVICE}, {@link #CHANNEL} or {@link #BROKER}. */
    public static double[] size(Design d, String id) {
        if (d.broker(id).isPresent()) {
            return BROKER;
        }
        return d.channel(id).isPresent() ? CHANNEL : SERVICE;
    }

    /** A full layout of the design's brokers, channels and services, ignoring any layout it has. */
    public static Map<String, Position> layout(Design design) {
        org.eclipse.elk.core.data.LayoutMetaDataService.getInstance();
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, 36.0);
        graph.setProperty(org.eclipse.elk.alg.layered.options.LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 90.0);
        graph.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(0));
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (Service s : design.services()) {
            nodes.put(s.id(), node(graph, s.id(), SERVICE));
        }
        for (Channel c : design.channels()) {
            nodes.put(c.id(), node(graph, c.id(), CHANNEL));
        }
        edges(design, nodes);
        try {
            new LayeredLayoutProvider().layout(graph, new BasicProgressMonitor());
        } catch (RuntimeException e) {
            Logger.warn(e, "ELK layout failed; falling back to a grid");
            return grid(design);
        }
        Map<String, Position> out = new LinkedHashMap<>();
        double x = MARGIN;
        for (Broker b : design.brokers()) {
            out.put(b.id(), new Position(x, 20));
            x += BROKER[0] + 30;
        }
        double top = design.brokers().isEmpty() ? MARGIN : BROKER_ROW + MARGIN;
        nodes.forEach((id, n) -> out.put(id, new Position(round(MARGIN + n.getX()), round(top + n.getY()))));
        return out;
    }

    private static double round(double v) {
        return Math.round(v);
    }

    /** The design with positions for every element that has none (existing positions are kept). */
    public static Design ensureLayout(Design design) {
        Set<String> missing = new HashSet<>();
        design.brokers().forEach(b -> missing.add(b.id()));
        design.channels().forEach(c -> missing.add(c.id()));
        design.services().forEach(s -> missing.add(s.id()));
        missing.removeAll(design.layout().keySet());
        if (missing.isEmpty()) {
            return design;
        }
        Map<String, Position> full = layout(design);
        Map<String, Position> merged = new LinkedHashMap<>(design.layout());
        full.forEach((id, p) -> {
            if (missing.contains(id)) {
                merged.put(id, p);
            }
        });
        return design.withLayout(merged);
    }

    private static ElkNode node(ElkNode graph, String id, double[] size) {
        ElkNode n = ElkGraphUtil.createNode(graph);
        n.setIdentifier(id);
        n.setDimensions(size[0], size[1]);
        return n;
    }

    private static void edges(Design d, Map<String, ElkNode> nodes) {
        Set<String> seen = new HashSet<>();
        for (Service s : d.services()) {
            for (Publication p : s.publishes()) {
                edge(nodes, s.id(), p.channel(), seen);
            }
            for (RequestReply r : s.requests()) {
                edge(nodes, s.id(), r.channel(), seen);
                edge(nodes, r.replyChannel(), s.id(), seen);
            }
            for (Subscription sub : s.subscribes()) {
                edge(nodes, sub.channel(), s.id(), seen);
                if (sub.reply() != null) {
                    edge(nodes, s.id(), sub.reply().channel(), seen);
                }
                if (sub.deadLetter() != null) {
                    edge(nodes, s.id(), sub.deadLetter(), seen);
                }
            }
        }
        // fan-out: a topic delivers to the queues subscribed to it, so topics come before their queues.
        for (Channel q : d.channels()) {
            for (String topic : q.settings().fedBy()) {
                edge(nodes, topic, q.id(), seen);
            }
        }
    }

    private static void edge(Map<String, ElkNode> nodes, String from, String to, Set<String> seen) {
        ElkNode a = from == null ? null : nodes.get(from);
        ElkNode b = to == null ? null : nodes.get(to);
        if (a != null && b != null && a != b && seen.add(from + "\u0000" + to)) {
            ElkGraphUtil.createSimpleEdge(a, b);
        }
    }

    private static Map<String, Position> grid(Design d) {
        Map<String, Position> out = new LinkedHashMap<>();
        int i = 0;
        for (String id : d.elementIds().filter(id -> d.message(id).isEmpty()).toList()) {
            out.put(id, new Position(MARGIN + (i % 5) * 240, MARGIN + (i / 5) * 120));
            i++;
        }
        return out;
    }
}
