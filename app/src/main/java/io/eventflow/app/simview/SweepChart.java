package io.eventflow.app.simview;

import io.eventflow.simulator.sweep.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A sweep's figure at a glance: against one varied setting, the median over seeds as a line in the p5-p95 band; for
 * several settings, a box per combination (box p5-p95, line at the median, whiskers min-max); the goal's threshold as
 * a dashed line, and each combination marked as meeting the goal or not. Drawn with styled shapes (sweep.css).
 */
final class SweepChart extends Pane {
    private static final PseudoClass MEETS = PseudoClass.getPseudoClass("meets");
    private static final PseudoClass FAILS = PseudoClass.getPseudoClass("fails");
    private static final double LEFT = 64;
    private static final double RIGHT = 16;
    private static final double TOP = 24;
    private static final double BOTTOM = 40;

    /**
     * One combination on the chart.
     *
     * @param label its values, e.g. {@code 6} or {@code 4 · 12}
     * @param x its value on a numeric axis (band mode)
     * @param stats the figure's distribution over seeds
     * @param meets whether it meets the goal (null: no goal)
     */
    record Item(String label, double x, Stats stats, Boolean meets) {}

    private List<Item> items = List.of();
    private boolean band;
    private String figure = "";
    private String axis = "";
    private List<Double> goals = List.of();

    SweepChart() {
        getStyleClass().add("sweep-chart");
        setMinSize(200, 140);
    }

    /** Shows {@code items}: as a band over the numeric axis {@code xName} when {@code band}, else as box plots. */
    void show(String figure, String xName, boolean band, List<Item> items, List<Double> goals) {
        this.figure = figure;
        this.axis = xName;
        this.band = band;
        this.items = List.copyOf(items);
        this.goals = List.copyOf(goals);
        requestLayout();
    }

    void clear() {
        show("", "", false, List.of(), List.of());
    }

    /** The shapes drawn, for tests: style class → count. */
    long count(String styleClass) {
        return getChildren().stream()
                .filter(n -> n.getStyleClass().contains(styleClass))
                .count();
    }

    @Override
    protected void layoutChildren() {
        List<Node> out = new ArrayList<>();
        double w = getWidth();
        double h = getHeight();
        if (!items.isEmpty() && w > LEFT + RIGHT + 20 && h > TOP + BOTTOM + 20) {
            draw(out, w, h);
        }
        getChildren().setAll(out);
    }

    private void draw(List<Node> out, double w, double h) {
        double yMax = 0;
        for (Item i : items) {
            yMax = Math.max(yMax, band ? i.stats().p95() : i.stats().max());
        }
        for (double g : goals) {
            yMax = Math.max(yMax, g);
        }
        yMax = niceCeiling(yMax <= 0 ? 1 : yMax * 1.05);
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        double top = yMax;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH * (1 - v / top);
        axes(out, w, h, yMax, y);
        if (band) {
            drawBand(out, plotW, y);
        } else {
            drawBoxes(out, plotW, y);
        }
        for (double g : goals) {
            Line l = new Line(LEFT, y.applyAsDouble(g), w - RIGHT, y.applyAsDouble(g));
            l.getStyleClass().add("sweep-goal");
            out.add(l);
            out.add(text("goal " + fmt(g), w - RIGHT - 70, y.applyAsDouble(g) - 4, "sweep-goal-label"));
        }
        out.add(text(
                figure + (band ? "   (median, p5-p95 band over seeds)" : "   (box p5-p95, median, whiskers min-max)"),
                LEFT,
                14,
                "sweep-title"));
        out.add(text(axis, LEFT + plotW / 2 - axis.length() * 3, h - 6, "sweep-axis-label"));
    }

    private void axes(List<Node> out, double w, double h, double yMax, java.util.function.DoubleUnaryOperator y) {
        Line xAxis = new Line(LEFT, h - BOTTOM, w - RIGHT, h - BOTTOM);
        Line yAxis = new Line(LEFT, TOP, LEFT, h - BOTTOM);
        xAxis.getStyleClass().add("sweep-axis");
        yAxis.getStyleClass().add("sweep-axis");
        out.add(xAxis);
        out.add(yAxis);
        for (int k = 0; k <= 4; k++) {
            double v = yMax * k / 4;
            double py = y.applyAsDouble(v);
            Line grid = new Line(LEFT, py, w - RIGHT, py);
            grid.getStyleClass().add("sweep-grid");
            out.add(grid);
            out.add(text(fmt(v), 4, py + 4, "sweep-tick"));
        }
    }

    private void drawBand(List<Node> out, double plotW, java.util.function.DoubleUnaryOperator y) {
        double xMin = items.stream().mapToDouble(Item::x).min().orElse(0);
        double xMax = items.stream().mapToDouble(Item::x).max().orElse(1);
        double span = xMax > xMin ? xMax - xMin : 1;
        java.util.function.DoubleUnaryOperator x =
                v -> items.size() == 1 ? LEFT + plotW / 2 : LEFT + plotW * 0.04 + plotW * 0.92 * (v - xMin) / span;
        Polygon area = new Polygon();
        Polyline median = new Polyline();
        for (Item i : items) {
            area.getPoints()
                    .addAll(x.applyAsDouble(i.x()), y.applyAsDouble(i.stats().p95()));
        }
        for (int k = items.size() - 1; k >= 0; k--) {
            Item i = items.get(k);
            area.getPoints()
                    .addAll(x.applyAsDouble(i.x()), y.applyAsDouble(i.stats().p5()));
        }
        area.getStyleClass().add("sweep-band");
        out.add(area);
        int every = Math.max(1, (int) Math.ceil(items.size() / (plotW / 60)));
        for (int k = 0; k < items.size(); k++) {
            Item i = items.get(k);
            double px = x.applyAsDouble(i.x());
            median.getPoints().addAll(px, y.applyAsDouble(i.stats().p50()));
            Circle dot = new Circle(px, y.applyAsDouble(i.stats().p50()), 4);
            mark(dot, "sweep-point", i.meets());
            out.add(dot);
            if (k % every == 0) {
                out.add(text(i.label(), px - i.label().length() * 3, y.applyAsDouble(0) + 16, "sweep-tick"));
            }
        }
        median.getStyleClass().add("sweep-median");
        out.add(out.size() - items.size(), median);
    }

    private void drawBoxes(List<Node> out, double plotW, java.util.function.DoubleUnaryOperator y) {
        double slot = plotW / items.size();
        double boxW = Math.max(4, Math.min(40, slot * 0.6));
        int every = Math.max(1, (int) Math.ceil(items.size() / (plotW / 70)));
        for (int k = 0; k < items.size(); k++) {
            Item i = items.get(k);
            Stats s = i.stats();
            double cx = LEFT + slot * (k + 0.5);
            Line whisker = new Line(cx, y.applyAsDouble(s.min()), cx, y.applyAsDouble(s.max()));
            whisker.getStyleClass().add("sweep-whisker");
            double top = y.applyAsDouble(s.p95());
            Rectangle box = new Rectangle(cx - boxW / 2, top, boxW, Math.max(1, y.applyAsDouble(s.p5()) - top));
            mark(box, "sweep-box", i.meets());
            Line median = new Line(cx - boxW / 2, y.applyAsDouble(s.p50()), cx + boxW / 2, y.applyAsDouble(s.p50()));
            median.getStyleClass().add("sweep-median");
            out.add(whisker);
            out.add(box);
            out.add(median);
            if (k % every == 0) {
                out.add(text(i.label(), cx - i.label().length() * 3, y.applyAsDouble(0) + 16, "sweep-tick"));
            }
        }
    }

    private static void mark(Node n, String styleClass, Boolean meets) {
        n.getStyleClass().add(styleClass);
        n.pseudoClassStateChanged(MEETS, Boolean.TRUE.equals(meets));
        n.pseudoClassStateChanged(FAILS, Boolean.FALSE.equals(meets));
    }

    private static Text text(String s, double x, double y, String styleClass) {
        Text t = new Text(x, y, s);
        t.getStyleClass().add(styleClass);
        return t;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : "%.2f", v);
    }
}
