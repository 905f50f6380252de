package io.eventflow.app.simview;

import io.eventflow.app.canvas.BrokerSkin;
import io.eventflow.app.canvas.DesignCanvas;
import io.eventflow.app.canvas.EdgeSkin;
import io.eventflow.app.canvas.ElementSkin;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Where things are on the designer canvas, read from its skins: element boxes and the edges' curves (the same cubic
 * the edge skins draw), in world coordinates, with the viewport transform to screen. Rebuilt when marked dirty.
 */
final class CanvasGeometry {
    /** A cubic Bézier edge in world coordinates. */
    record Curve(String id, double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) {
        double x(double t) {
            double u = 1 - t;
            return u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
        }

        double y(double t) {
            double u = 1 - t;
            return u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
        }
    }

    /** An element's box in world coordinates. */
    record Box(String id, double x, double y, double w, double h, boolean broker) {
        boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    /** Height of a broker region's title line (BrokerSkin's header). */
    static final double BROKER_HEADER = 24;

    private final DesignCanvas canvas;
    private final Map<String, Box> boxes = new HashMap<>();
    private final Map<String, Curve> curves = new HashMap<>();
    private boolean dirty = true;

    CanvasGeometry(DesignCanvas canvas) {
        this.canvas = canvas;
    }

    void markDirty() {
        dirty = true;
    }

    private void refresh() {
        if (!dirty) {
            return;
        }
        dirty = false;
        boxes.clear();
        curves.clear();
        Map<String, ElementSkin> skins = new HashMap<>();
        collect(canvas, skins);
        skins.forEach((id, s) -> boxes.put(
                id, new Box(id, s.getLayoutX(), s.getLayoutY(), s.width(), s.height(), s instanceof BrokerSkin)));
        edges(canvas, skins);
    }

    private static void collect(Parent p, Map<String, ElementSkin> out) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof ElementSkin s) {
                out.put(s.elementId(), s);
            } else if (n instanceof Parent q && !(n instanceof EdgeSkin)) {
                collect(q, out);
            }
        }
    }

    private void edges(Parent p, Map<String, ElementSkin> skins) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof EdgeSkin e) {
                ElementSkin a = skins.get(e.ref().from());
                ElementSkin b = skins.get(e.ref().to());
                if (a != null && b != null) {
                    Curve c = curve(e.edgeId(), a.outAnchor(), b.inAnchor());
                    curves.put(e.ref().from() + ">" + e.ref().to(), c);
                }
            } else if (n instanceof Parent q && !(n instanceof ElementSkin)) {
                edges(q, skins);
            }
        }
    }

    /** Same routing as the edge skins: horizontal tangents, control points half the distance (at least 50) away. */
    static Curve curve(String id, Point2D a, Point2D b) {
        double dx = Math.max(50, Math.abs(b.getX() - a.getX()) / 2);
        return new Curve(
                id, a.getX(), a.getY(), a.getX() + dx, a.getY(), b.getX() - dx, b.getY(), b.getX() - 6, b.getY());
    }

    /** The edge from one element to another (publication, subscription or dead-letter route), or null. */
    Curve edge(String from, String to) {
        refresh();
        return curves.get(from + ">" + to);
    }

    Box box(String id) {
        refresh();
        return boxes.get(id);
    }

    Map<String, Box> boxes() {
        refresh();
        return boxes;
    }

    Map<String, Curve> curves() {
        refresh();
        return curves;
    }

    double zoom() {
        return canvas.viewModel().zoomProperty().get();
    }

    double panX() {
        return canvas.viewModel().panXProperty().get();
    }

    double panY() {
        return canvas.viewModel().panYProperty().get();
    }

    /** The element (not broker, unless nothing else) under a point in canvas coordinates, or null. */
    String elementAt(double sx, double sy) {
        double z = zoom();
        double wx = (sx - panX()) / z;
        double wy = (sy - panY()) / z;
        String broker = null;
        for (Box b : boxes().values()) {
            if (b.contains(wx, wy)) {
                if (!b.broker()) {
                    return b.id();
                }
                broker = b.id();
            }
        }
        return broker;
    }

    /** The edge id of an edge skin under the event target, or null. */
    static String edgeIdOf(Object target) {
        for (Node n = target instanceof Node t ? t : null; n != null; n = n.getParent()) {
            if (n instanceof EdgeSkin es) {
                return es.edgeId();
            }
        }
        return null;
    }
}
