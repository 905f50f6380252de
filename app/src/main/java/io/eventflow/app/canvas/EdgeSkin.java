package io.eventflow.app.canvas;

import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;

/** An edge: a curve from port to port with an arrow head and a label (message type and rate, or group). */
public final class EdgeSkin extends Group {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final EdgeRef ref;
    private final CubicCurve hit = new CubicCurve();
    private final CubicCurve line = new CubicCurve();
    private final Polygon arrow = new Polygon(0, 0, -10, -5, -10, 5);
    private final Label label = new Label();

    public EdgeSkin(EdgeRef ref) {
        this.ref = ref;
        getStyleClass().addAll("edge", "edge-" + ref.kind().name().toLowerCase().replace('_', '-'));
        hit.getStyleClass().add("edge-hit");
        line.getStyleClass().add("edge-line");
        arrow.getStyleClass().add("edge-arrow");
        label.getStyleClass().addAll("edge-label", "zoom-detail");
        label.setMouseTransparent(true);
        line.setMouseTransparent(true);
        arrow.setMouseTransparent(true);
        getChildren().addAll(hit, line, arrow, label);
        update(ref);
    }

    public EdgeRef ref() {
        return ref;
    }

    public String edgeId() {
        return ref.id();
    }

    public void update(EdgeRef newRef) {
        label.setText(newRef.label());
    }

    public void setSelected(boolean value) {
        pseudoClassStateChanged(SELECTED, value);
    }

    /** Routes the edge from {@code a} to {@code b} (world coordinates). */
    public void route(Point2D a, Point2D b) {
        double dx = Math.max(50, Math.abs(b.getX() - a.getX()) / 2);
        for (CubicCurve c : new CubicCurve[] {hit, line}) {
            c.setStartX(a.getX());
            c.setStartY(a.getY());
            c.setControlX1(a.getX() + dx);
            c.setControlY1(a.getY());
            c.setControlX2(b.getX() - dx);
            c.setControlY2(b.getY());
            c.setEndX(b.getX() - 6);
            c.setEndY(b.getY());
        }
        arrow.setTranslateX(b.getX() - 6);
        arrow.setTranslateY(b.getY());
        // The label sits at the curve's midpoint (t = 0.5 of the cubic).
        double mx = 0.125 * a.getX() + 0.375 * (a.getX() + dx) + 0.375 * (b.getX() - dx) + 0.125 * b.getX();
        double my = 0.5 * (a.getY() + b.getY());
        label.setLayoutX(mx - label.prefWidth(-1) / 2);
        label.setLayoutY(my - 18);
    }
}
