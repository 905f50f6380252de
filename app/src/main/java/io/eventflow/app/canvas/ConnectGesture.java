package io.eventflow.app.canvas;

import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.shape.Line;

/** Drags from a port to another element: service → channel publishes, channel → service subscribes. */
final class ConnectGesture implements Gesture {
    private static final PseudoClass TARGET = PseudoClass.getPseudoClass("drop-target");

    private final DesignCanvas canvas;
    private final CanvasViewModel vm;
    private final ElementSkin source;
    private final Line line = new Line();
    private ElementSkin target;

    ConnectGesture(DesignCanvas canvas, CanvasViewModel vm, ElementSkin source) {
        this.canvas = canvas;
        this.vm = vm;
        this.source = source;
        Point2D a = source.outAnchor();
        line.setStartX(a.getX());
        line.setStartY(a.getY());
        line.setEndX(a.getX());
        line.setEndY(a.getY());
        line.getStyleClass().add("connect-line");
        line.setMouseTransparent(true);
        canvas.overlay().getChildren().add(line);
    }

    @Override
    public void drag(double x, double y) {
        Point2D w = canvas.screenToWorld(x, y);
        line.setEndX(w.getX());
        line.setEndY(w.getY());
        ElementSkin over = canvas.skinAt(w.getX(), w.getY());
        ElementSkin valid = over != null && vm.canConnect(source.elementId(), over.elementId()) ? over : null;
        if (valid != target) {
            if (target != null) {
                target.pseudoClassStateChanged(TARGET, false);
            }
            target = valid;
            if (target != null) {
                target.pseudoClassStateChanged(TARGET, true);
            }
        }
    }

    @Override
    public void release(double x, double y) {
        drag(x, y);
        ElementSkin t = target;
        cancel();
        if (t != null) {
            vm.connect(source.elementId(), t.elementId());
        }
    }

    @Override
    public void cancel() {
        canvas.overlay().getChildren().remove(line);
        if (target != null) {
            target.pseudoClassStateChanged(TARGET, false);
            target = null;
        }
    }
}
