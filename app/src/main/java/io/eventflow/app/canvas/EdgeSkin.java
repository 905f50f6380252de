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
    private double roomX;
    private double roomY;
    private double minX;
    private double minY;
    private double maxX;
    private double maxY;
    private boolean far;
    /** Where along the curve the label may sit, in order of preference. */
    private static final double[] LABEL_AT = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8};

    private java.util.function.Predicate<javafx.geometry.Bounds> blocked;

    public EdgeSkin(EdgeRef ref) {
        this.ref = ref;
        getStyleClass().addAll("edge", "edge-" + ref.kind().name().toLowerCase().replace('_', '-'));
        hit.getStyleClass().add("edge-hit");
        // Invisible but pickable: opacity 0 skips rendering, unlike a transparent stroke.
        hit.setOpacity(0);
        line.getStyleClass().add("edge-line");
        arrow.getStyleClass().add("edge-arrow");
        label.getStyleClass().addAll("edge-label", "zoom-detail");
        label.setMouseTransparent(true);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        line.setMouseTransparent(true);
        arrow.setMouseTransparent(true);
        getChildren().addAll(hit, line, arrow, label);
        label.widthProperty().addListener(o -> placeLabel());
        label.heightProperty().addListener(o -> placeLabel());
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

    /**
     * Puts the label on the curve: at its middle, or further along where the middle lies on an element (see
     * {@link #setBlocked}); it hides rather than run under the elements the edge connects or sit on another.
     */
    private void placeLabel() {
        double w = label.getWidth() > 0 ? label.getWidth() : label.prefWidth(-1);
        double h = label.getHeight() > 0 ? label.getHeight() : label.prefHeight(-1);
        if (far || !(roomX >= w + 12 || roomY >= h + 24)) {
            label.setVisible(false);
            return;
        }
        for (double t : LABEL_AT) {
            double x = bezier(t, line.getStartX(), line.getControlX1(), line.getControlX2(), line.getEndX());
            double y = bezier(t, line.getStartY(), line.getControlY1(), line.getControlY2(), line.getEndY());
            label.setLayoutX(x - w / 2);
            label.setLayoutY(y - h / 2);
            if (blocked == null || !blocked.test(new javafx.geometry.BoundingBox(x - w / 2, y - h / 2, w, h))) {
                label.setVisible(true);
                return;
            }
        }
        label.setVisible(false);
    }

    private static double bezier(double t, double p0, double p1, double p2, double p3) {
        double u = 1 - t;
        return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
    }

    /** Tells the edge where its label may not go (on an element), so it moves along the curve or hides. */
    void setBlocked(java.util.function.Predicate<javafx.geometry.Bounds> value) {
        blocked = value;
    }

    /** In the far view (zoomed out, names only) the edge's label is hidden: it would be too small to read. */
    public void setFar(boolean value) {
        if (far != value) {
            far = value;
            // Hidden in the far view, the label leaves the scene graph, so a design opened zoomed out does not style
            // it (or make its skin) until it is first shown (issue #15).
            if (far) {
                getChildren().remove(label);
            } else {
                getChildren().add(label);
            }
            placeLabel();
        }
    }

    /** The label's box in world coordinates while it is shown, else null (tests). */
    public javafx.geometry.Bounds labelBounds() {
        return !far && label.isVisible() && !label.getText().isEmpty() ? label.getBoundsInParent() : null;
    }

    /** Whether the edge may show inside the world rectangle (a cheap test on its control box). */
    public boolean intersects(double x0, double y0, double x1, double y1) {
        return maxX >= x0 && minX <= x1 && maxY >= y0 && minY <= y1;
    }

    /** Widens a world rectangle (x0, y0, x1, y1) to hold the curve and its label when shown. */
    void growBounds(double[] b) {
        if (line.getParent() == null) {
            return;
        }
        javafx.geometry.Bounds lb = line.getBoundsInParent();
        b[0] = Math.min(b[0], lb.getMinX());
        b[1] = Math.min(b[1], lb.getMinY());
        b[2] = Math.max(b[2], lb.getMaxX());
        b[3] = Math.max(b[3], lb.getMaxY());
        // The far view hides edge labels (studio.css); asked before its stylesheets reach the label (a design opened
        // is fitted before its skins are styled), the label is still visible then.
        if (!far && label.isVisible() && !label.getText().isEmpty()) {
            javafx.geometry.Bounds t = label.getBoundsInParent();
            b[0] = Math.min(b[0], t.getMinX());
            b[1] = Math.min(b[1], t.getMinY());
            b[2] = Math.max(b[2], t.getMaxX());
            b[3] = Math.max(b[3], t.getMaxY());
        }
    }

    /** Routes a dead-letter edge downwards: from the bottom of the service to the top of the channel. */
    public void routeDown(Point2D a, Point2D b) {
        double dy = Math.max(40, Math.abs(b.getY() - a.getY()) / 2);
        minX = Math.min(a.getX(), b.getX()) - 20;
        maxX = Math.max(a.getX(), b.getX()) + 20;
        minY = Math.min(a.getY(), b.getY()) - dy;
        maxY = Math.max(a.getY(), b.getY()) + dy;
        for (CubicCurve c : new CubicCurve[] {hit, line}) {
            c.setStartX(a.getX());
            c.setStartY(a.getY());
            c.setControlX1(a.getX());
            c.setControlY1(a.getY() + dy);
            c.setControlX2(b.getX());
            c.setControlY2(b.getY() - dy);
            c.setEndX(b.getX());
            c.setEndY(b.getY() - 6);
        }
        arrow.setTranslateX(b.getX());
        arrow.setTranslateY(b.getY() - 6);
        arrow.setRotate(90);
        roomX = Math.abs(b.getX() - a.getX());
        roomY = Math.abs(b.getY() - a.getY());
        placeLabel();
    }

    /** Routes the edge from {@code a} to {@code b} (world coordinates). */
    public void route(Point2D a, Point2D b) {
        arrow.setRotate(0);
        double dx = Math.max(50, Math.abs(b.getX() - a.getX()) / 2);
        minX = Math.min(a.getX(), b.getX()) - dx;
        maxX = Math.max(a.getX(), b.getX()) + dx;
        minY = Math.min(a.getY(), b.getY()) - 20;
        maxY = Math.max(a.getY(), b.getY()) + 20;
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
        roomX = b.getX() - a.getX();
        roomY = Math.abs(b.getY() - a.getY());
        placeLabel();
    }
}
