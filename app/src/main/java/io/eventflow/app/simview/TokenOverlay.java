package io.eventflow.app.simview;

import io.eventflow.app.simview.CanvasGeometry.Box;
import io.eventflow.app.simview.CanvasGeometry.Curve;
import io.eventflow.simulator.SimulationSnapshot;
import io.eventflow.simulator.SimulationSnapshot.InFlight;
import java.util.List;
import java.util.Set;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A Canvas over the designer canvas that draws the run: message tokens moving along edges coloured by state, channel
 * depth bars, consumer lag and instance states, broker nodes, effects that flash where failures hit, and the traced
 * path. Mouse-transparent; redrawn from the latest snapshot once per frame. Tokens are drawn in one pass per colour.
 */
public final class TokenOverlay extends Canvas {
    /**
     * The overlay's colours, set by the theme's stylesheet (studio.css maps them to the looked-up {@code -eda-token-*}
     * colours of colors-light.css and colors-dark.css); grey until the stylesheet applies.
     */
    private static final StyleablePropertyFactory<TokenOverlay> CSS =
            new StyleablePropertyFactory<>(Canvas.getClassCssMetaData());

    private final java.util.Map<String, StyleableObjectProperty<Color>> colours = new java.util.HashMap<>();
    private final StyleableObjectProperty<Color> normal = colour("normal");
    private final StyleableObjectProperty<Color> retried = colour("retried");
    private final StyleableObjectProperty<Color> redelivered = colour("redelivered");
    private final StyleableObjectProperty<Color> dead = colour("dead");
    private final StyleableObjectProperty<Color> dropped = colour("dropped");
    private final StyleableObjectProperty<Color> ok = colour("ok");
    private final StyleableObjectProperty<Color> barBackground = colour("bar");
    private final StyleableObjectProperty<Color> trace = colour("trace");
    private final StyleableObjectProperty<Color> pillText = colour("pill-text");
    private static final javafx.scene.text.Font FONT = javafx.scene.text.Font.font(10);
    private static final long EFFECT_NANOS = 700_000_000L;
    private static final int MAX_TOKENS = 4000;

    private final CanvasGeometry geo;
    private final double[][] xs = new double[4][MAX_TOKENS];
    private final double[][] ys = new double[4][MAX_TOKENS];
    private final int[] counts = new int[4];
    private final double[] hitX = new double[MAX_TOKENS];
    private final double[] hitY = new double[MAX_TOKENS];
    private final long[] hitCorr = new long[MAX_TOKENS];
    private int hits;
    private int drawn;
    private Set<String> tracedEdges = Set.of();
    private SimulationSnapshot lastSnapshot;
    private io.eventflow.simulator.report.SimulationReport report;
    private io.eventflow.model.design.Design design;
    private java.util.Map<String, ChannelDepth> depthKinds = java.util.Map.of();
    private double[] lastView = new double[0];
    private boolean dirty;

    public TokenOverlay(CanvasGeometry geo) {
        this.geo = geo;
        setMouseTransparent(true);
        getStyleClass().add("sim-overlay");
    }

    /** A colour styled as {@code -ef-token-<name>}; a new value redraws the overlay on the next frame. */
    private StyleableObjectProperty<Color> colour(String name) {
        String css = "-ef-token-" + name;
        StyleableObjectProperty<Color> p = (StyleableObjectProperty<Color>)
                CSS.createStyleableColorProperty(this, name, css, o -> o.colours.get(css), Color.GRAY);
        p.addListener(o -> dirty = true);
        colours.put(css, p);
        return p;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    /** The colour tokens in flight are drawn in (normal state), as styled by the theme (tests). */
    public Color normalTokenColour() {
        return normal.get();
    }

    /** Edge keys ({@code from>to}) to highlight for the traced correlation id. */
    public void setTracedEdges(Set<String> edges) {
        tracedEdges = edges;
        dirty = true;
    }

    /** The design being run, for what to show under each channel ({@link ChannelDepth}). */
    public void setDesign(io.eventflow.model.design.Design d) {
        if (d != design) {
            design = d;
            depthKinds = d == null ? java.util.Map.of() : ChannelDepth.of(d);
            dirty = true;
        }
    }

    /** The latest report, for the channels' eviction and expiry counts. */
    public void setReport(io.eventflow.simulator.report.SimulationReport r) {
        report = r;
    }

    /** Forces a redraw on the next frame (theme, geometry or mode changed). */
    public void invalidate() {
        dirty = true;
    }

    /** Tokens drawn in the last frame. */
    public int drawn() {
        return drawn;
    }

    /** Where the first token of the last frame was drawn (canvas coordinates), or null (tests). */
    public javafx.geometry.Point2D firstToken() {
        return hits == 0 ? null : new javafx.geometry.Point2D(hitX[0], hitY[0]);
    }

    /** The correlation id of the token nearest to a canvas point (within 8 px), or -1. */
    public long tokenAt(double x, double y) {
        long best = -1;
        double bestD = 64;
        for (int i = 0; i < hits; i++) {
            double d = (hitX[i] - x) * (hitX[i] - x) + (hitY[i] - y) * (hitY[i] - y);
            if (d < bestD) {
                bestD = d;
                best = hitCorr[i];
            }
        }
        return best;
    }

    private final LeaderMoves leaderMoves = new LeaderMoves();

    public void draw(SimulationSnapshot s, LiveModel live, long now) {
        double[] view = {geo.zoom(), geo.panX(), geo.panY(), getWidth(), getHeight()};
        boolean quiet = !live.effects().iterator().hasNext();
        if (s == lastSnapshot && quiet && java.util.Arrays.equals(view, lastView) && !dirty) {
            // Paused and nothing moving: the last frame still stands. The leader moves' wall clock still follows, so
            // the pause is not charged against a badge's display time once the run moves again (an update whose
            // simulated time did not advance only moves the clock's reference point, see LeaderMoves.update).
            leaderMoves.update(s, now);
            return;
        }
        lastSnapshot = s;
        lastView = view;
        dirty = false;
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (s == null) {
            drawn = 0;
            return;
        }
        double z = geo.zoom();
        double px = geo.panX();
        double py = geo.panY();
        stacks.clear();
        drawTraced(g, z, px, py);
        drawLinkFaults(g, live, z, px, py);
        leaderMoves.update(s, now);
        drawChannels(s, z, leaderMoves.lines());
        drawServices(s, z);
        drawBrokers(live);
        drawStacks(g, z, px, py);
        drawTokens(g, s, live, z, px, py);
        drawEffects(g, live, now, z, px, py);
    }

    /**
     * One badge drawn in the last frame: the element it belongs to, its text (empty for depth bars and instance dots)
     * and its bounds in this canvas's coordinates.
     */
    public record Badge(String element, String text, javafx.geometry.Rectangle2D bounds) {}

    /** The badges of the last frame, each element's stacked in one area that covers no other element (tests). */
    public java.util.List<Badge> badges() {
        return java.util.List.copyOf(badges);
    }

    /** A row of an element's badge stack: its size on screen and how to draw it with its top-left corner at x, y. */
    private record Row(String text, double w, double h, RowPainter painter) {}

    @FunctionalInterface
    private interface RowPainter {
        void paint(GraphicsContext g, double x, double y);
    }

    private static final double ROW_GAP = 2;
    private final java.util.Map<String, java.util.List<Row>> stacks = new java.util.LinkedHashMap<>();
    private final java.util.List<Badge> badges = new java.util.ArrayList<>();
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    private void row(String element, Row r) {
        stacks.computeIfAbsent(element, k -> new java.util.ArrayList<>()).add(r);
    }

    private double textWidth(String text) {
        measure.setFont(FONT);
        measure.setText(text);
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }

    /** A text line in a colour, optionally on a filled pill with white text. */
    private Row textRow(String text, Color colour, boolean pill) {
        double w = textWidth(text) + (pill ? 8 : 0);
        return new Row(text, w, 14, (g, x, y) -> {
            g.setFont(FONT);
            if (pill) {
                g.setFill(colour);
                g.fillRoundRect(x, y, w, 14, 8, 8);
                g.setFill(pillText.get());
                g.fillText(text, x + 4, y + 11);
            } else {
                g.setFill(colour);
                g.fillText(text, x, y + 11);
            }
        });
    }

    /**
     * Lays each element's rows out as one stack just under the element, else just above it, else further down, where
     * it covers neither another element (of a broker region only its title line) nor a stack placed before; a stack
     * with no such place is not drawn.
     */
    private void drawStacks(GraphicsContext g, double z, double px, double py) {
        badges.clear();
        java.util.List<javafx.geometry.Rectangle2D> placed = new java.util.ArrayList<>();
        for (var e : stacks.entrySet()) {
            Box b = geo.box(e.getKey());
            if (b == null) {
                continue;
            }
            double w = 0;
            double h = -ROW_GAP;
            for (Row r : e.getValue()) {
                w = Math.max(w, r.w());
                h += r.h() + ROW_GAP;
            }
            double x = b.x() * z + px;
            double below = (b.y() + b.h()) * z + py + ROW_GAP;
            double above = b.y() * z + py - ROW_GAP - h;
            javafx.geometry.Rectangle2D at = null;
            java.util.List<Double> tries = new java.util.ArrayList<>(java.util.List.of(below, above));
            for (int k = 1; k <= 40; k++) {
                tries.add(below + 4 * k);
            }
            for (double y : tries) {
                var r = new javafx.geometry.Rectangle2D(x, y, w, h);
                if (free(b, r, placed, z, px, py)) {
                    at = r;
                    break;
                }
            }
            if (at == null) {
                continue;
            }
            placed.add(at);
            double y = at.getMinY();
            for (Row r : e.getValue()) {
                r.painter().paint(g, x, y);
                badges.add(new Badge(e.getKey(), r.text(), new javafx.geometry.Rectangle2D(x, y, r.w(), r.h())));
                y += r.h() + ROW_GAP;
            }
        }
    }

    private boolean free(
            Box own,
            javafx.geometry.Rectangle2D r,
            java.util.List<javafx.geometry.Rectangle2D> placed,
            double z,
            double px,
            double py) {
        for (var p : placed) {
            if (p.intersects(r)) {
                return false;
            }
        }
        for (Box o : geo.boxes().values()) {
            if (o == own) {
                continue;
            }
            // of a broker region, only its title line is in the way of what is inside it
            double oh = o.broker() && inside(own, o) ? CanvasGeometry.BROKER_HEADER : o.h();
            if (r.intersects(o.x() * z + px, o.y() * z + py, o.w() * z, oh * z)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Box b, Box region) {
        return b.x() >= region.x()
                && b.y() >= region.y()
                && b.x() + b.w() <= region.x() + region.w()
                && b.y() + b.h() <= region.y() + region.h();
    }

    private void drawTraced(GraphicsContext g, double z, double px, double py) {
        if (tracedEdges.isEmpty()) {
            return;
        }
        g.setStroke(trace.get());
        g.setLineWidth(Math.max(3, 6 * z));
        for (String key : tracedEdges) {
            Curve c = geo.curves().get(key);
            if (c != null) {
                g.beginPath();
                g.moveTo(c.x0() * z + px, c.y0() * z + py);
                g.bezierCurveTo(
                        c.x1() * z + px,
                        c.y1() * z + py,
                        c.x2() * z + px,
                        c.y2() * z + py,
                        c.x3() * z + px,
                        c.y3() * z + py);
                g.stroke();
            }
        }
    }

    /** A red cut across partitioned edges, an amber tag on edges with latency, drops, duplicates or reordering. */
    private void drawLinkFaults(GraphicsContext g, LiveModel live, double z, double px, double py) {
        for (var e : geo.curves().entrySet()) {
            String[] ft = e.getKey().split(">", 2);
            String kind = live.linkFault(ft[0], ft[1]);
            if (kind == null) {
                continue;
            }
            Curve c = e.getValue();
            double x = c.x(0.5) * z + px;
            double y = c.y(0.5) * z + py;
            if (kind.equals("partition")) {
                g.setStroke(dead.get());
                g.setLineWidth(3);
                g.strokeLine(x - 6, y - 10, x + 6, y + 10);
                g.strokeLine(x + 2, y - 10, x + 14, y + 10);
            } else {
                g.setFill(retried.get());
                g.setFont(FONT);
                g.fillText(kind, x - 16, y + 16);
            }
        }
    }

    /** The text under each channel in the last frame, also where it was hidden for lack of room (tests; FX thread, as it is refilled every frame). */
    public java.util.Map<String, String> channelLabels() {
        return java.util.Map.copyOf(channelLabels);
    }

    private final java.util.Map<String, String> channelLabels = new java.util.HashMap<>();

    private void drawChannels(SimulationSnapshot s, double z, java.util.Map<String, String> leaderLines) {
        channelLabels.clear();
        for (SimulationSnapshot.ChannelState c : s.channels()) {
            Box b = geo.box(c.id());
            ChannelDepth kind = depthKinds.getOrDefault(c.id(), ChannelDepth.STORED);
            if (b == null || c.depths().isEmpty() || kind.label(0) == null) {
                continue;
            }
            String text = kind.label(c.depth()) + extra(c.id());
            channelLabels.put(c.id(), text);
            if (kind.bars()) {
                java.util.List<Long> depths = java.util.List.copyOf(c.depths());
                int n = depths.size();
                double h = Math.max(8, 16 * z);
                double w = b.w() * z;
                double gap = Math.min(2, w / n / 4);
                double bw = (w - gap * (n - 1)) / n;
                row(c.id(), new Row("", w, h, (g, x0, y0) -> {
                    for (int i = 0; i < n; i++) {
                        long d = depths.get(i);
                        double f = Math.min(1, Math.log10(d + 1) / 4);
                        double x = x0 + i * (bw + gap);
                        g.setFill(barBackground.get());
                        g.fillRect(x, y0, bw, h);
                        g.setFill(d >= 1000 ? dead.get() : retried.get());
                        g.fillRect(x, y0 + h * (1 - f), bw, h * f);
                    }
                }));
            }
            if (z >= 0.3) {
                row(c.id(), textRow(text, dropped.get(), false));
                String moved = leaderLines.get(c.id());
                if (moved != null) {
                    row(c.id(), textRow(moved, retried.get(), false));
                }
            }
        }
    }

    private String extra(String channel) {
        var cr = report == null ? null : report.channels().get(channel);
        return cr == null
                ? ""
                : (cr.evicted() > 0 ? "  evicted " + cr.evicted() : "")
                        + (cr.expired() > 0 ? "  expired " + cr.expired() : "");
    }

    private void drawServices(SimulationSnapshot s, double z) {
        java.util.Map<String, java.util.List<SimulationSnapshot.InstanceState>> instances =
                new java.util.LinkedHashMap<>();
        for (SimulationSnapshot.InstanceState i : s.instances()) {
            if (geo.box(i.service()) != null) {
                instances
                        .computeIfAbsent(i.service(), k -> new java.util.ArrayList<>())
                        .add(i);
            }
        }
        double r = Math.max(3, 5 * z);
        instances.forEach((svc, list) -> {
            var shown = java.util.List.copyOf(list.subList(0, Math.min(12, list.size())));
            row(svc, new Row("", shown.size() * (2 * r + 3), 2 * r, (g, x0, y0) -> {
                for (int k = 0; k < shown.size(); k++) {
                    var i = shown.get(k);
                    double cx = x0 + (k + 0.5) * (2 * r + 3);
                    double cy = y0 + r;
                    if (!i.alive() || !i.active()) {
                        g.setStroke(i.alive() ? dropped.get() : dead.get());
                        g.setLineWidth(Math.max(1, 2 * z));
                        g.strokeLine(cx - r, cy - r, cx + r, cy + r);
                        g.strokeLine(cx - r, cy + r, cx + r, cy - r);
                    } else {
                        g.setFill(i.busy() > 0 ? ok.get() : dropped.get());
                        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
                    }
                }
            }));
        });
        if (z < 0.3) {
            return;
        }
        java.util.Map<String, Integer> retrying = new java.util.TreeMap<>();
        for (InFlight f : s.inFlight()) {
            if (f.phase().equals("backoff") || f.phase().equals("retry-wait")) {
                retrying.merge(
                        geo.box(f.to()) != null && !f.phase().equals("retry-wait") ? f.to() : f.from(),
                        1,
                        Integer::sum);
            }
        }
        retrying.forEach((svc, n) -> {
            if (geo.box(svc) != null) {
                row(svc, textRow(retryingText(n), retried.get(), false));
            }
        });
        java.util.Map<String, String> serviceOf = new java.util.HashMap<>();
        for (SimulationSnapshot.InstanceState i : s.instances()) {
            serviceOf.put(i.id(), i.service());
        }
        for (SimulationSnapshot.GroupState gs : s.groups()) {
            String svc = ownerOf(gs, serviceOf);
            if (svc != null && geo.box(svc) != null && gs.lag() > 0) {
                row(svc, textRow("lag " + gs.lag(), gs.lag() > 1000 ? dead.get() : retried.get(), true));
            }
        }
    }

    /** "1 message retrying", "3 messages retrying". */
    static String retryingText(int n) {
        return n + (n == 1 ? " message retrying" : " messages retrying");
    }

    /** "all nodes up", "node 2 down", "nodes 1, 2 down". */
    static String nodesText(Set<Integer> down) {
        if (down.isEmpty()) {
            return "all nodes up";
        }
        var sorted = new java.util.TreeSet<>(down);
        String ids = String.join(", ", sorted.stream().map(String::valueOf).toList());
        return (sorted.size() == 1 ? "node " : "nodes ") + ids + " down";
    }

    /** The service that consumes for a group: the one owning an instance in the assignment, else the group name. */
    private static String ownerOf(SimulationSnapshot.GroupState gs, java.util.Map<String, String> serviceOf) {
        for (String a : gs.assignment()) {
            int eq = a.indexOf('=');
            String inst = eq > 0 ? a.substring(0, eq) : a;
            int slash = inst.indexOf('/');
            String svc = serviceOf.get(slash > 0 ? inst.substring(0, slash) : inst);
            if (svc != null) {
                return svc;
            }
        }
        return gs.group();
    }

    private void drawBrokers(LiveModel live) {
        for (Box b : geo.boxes().values()) {
            if (!b.broker()) {
                continue;
            }
            Set<Integer> down = live.brokerNodesDown(b.id());
            String text = nodesText(down);
            Color colour = down.isEmpty() ? ok.get() : dead.get();
            Row t = textRow(text, colour, false);
            row(b.id(), new Row(text, t.w() + 12, t.h(), (g, x, y) -> {
                g.setFill(colour);
                g.fillOval(x, y + 3, 8, 8);
                t.painter().paint(g, x + 12, y);
            }));
        }
    }

    private void drawTokens(GraphicsContext g, SimulationSnapshot s, LiveModel live, double z, double px, double py) {
        java.util.Arrays.fill(counts, 0);
        hits = 0;
        for (InFlight f : s.inFlight()) {
            double wx;
            double wy;
            if (f.phase().equals("processing")) {
                Box b = geo.box(f.to());
                if (b == null) {
                    continue;
                }
                wx = b.x() + 10 + f.progress() * (b.w() - 20);
                wy = b.y() + b.h() - 8;
            } else {
                Curve c = geo.edge(f.from(), f.to());
                if (c == null) {
                    continue;
                }
                wx = c.x(f.progress());
                wy = c.y(f.progress());
            }
            int k = f.phase().equals("retry-wait") || f.phase().equals("backoff")
                    ? 1
                    : live.isMarked(f.messageId()) ? 2 : 0;
            if (counts[k] < MAX_TOKENS) {
                xs[k][counts[k]] = wx * z + px;
                ys[k][counts[k]] = wy * z + py;
                counts[k]++;
            }
            if (hits < MAX_TOKENS) {
                hitX[hits] = wx * z + px;
                hitY[hits] = wy * z + py;
                hitCorr[hits++] = f.correlationId();
            }
        }
        double r = Math.max(3.5, 5 * z);
        Color[] colours = {normal.get(), retried.get(), redelivered.get()};
        drawn = 0;
        for (int k = 0; k < 3; k++) {
            g.setFill(colours[k]);
            for (int i = 0; i < counts[k]; i++) {
                g.fillOval(xs[k][i] - r, ys[k][i] - r, 2 * r, 2 * r);
            }
            drawn += counts[k];
        }
    }

    private void drawEffects(GraphicsContext g, LiveModel live, long now, double z, double px, double py) {
        live.expire(now, EFFECT_NANOS);
        double r = Math.max(3, 6 * z);
        for (LiveModel.Effect e : live.effects()) {
            double a = Math.min(1, (now - e.startNanos()) / (double) EFFECT_NANOS);
            switch (e.kind()) {
                case DEAD_LETTER -> {
                    Curve c = geo.edge(e.from(), e.to());
                    if (c != null) {
                        g.setFill(dead.get());
                        g.fillOval(c.x(a) * z + px - r, c.y(a) * z + py - r, 2 * r, 2 * r);
                    }
                }
                case DROP -> {
                    Box b = geo.box(e.from());
                    if (b != null) {
                        g.setFill(dropped.get().deriveColor(0, 1, 1, 1 - a));
                        double x = (b.x() + b.w() / 2) * z + px;
                        double y = (b.y() + b.h() + 30 * a + 20) * z + py;
                        g.fillOval(x - r, y - r, 2 * r, 2 * r);
                    }
                }
                case FAULT -> {
                    Box b = geo.box(e.from());
                    if (b != null) {
                        double grow = 4 + 16 * a;
                        g.setStroke(dead.get().deriveColor(0, 1, 1, 1 - a));
                        g.setLineWidth(3);
                        g.strokeRoundRect(
                                (b.x() - grow) * z + px,
                                (b.y() - grow) * z + py,
                                (b.w() + 2 * grow) * z,
                                (b.h() + 2 * grow) * z,
                                16 * z,
                                16 * z);
                    }
                }
                default -> {}
            }
        }
    }
}
