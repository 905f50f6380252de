package io.eventflow.app.canvas;

import javafx.geometry.Point2D;
import javafx.scene.shape.Rectangle;

/** Selects every element inside a rectangle dragged on the empty canvas (Shift adds to the selection). */
final class RubberBandGesture implements Gesture {
    private final DesignCanvas canvas;
    private final CanvasViewModel vm;
    private final Point2D start;
    private final Rectangle band = new Rectangle();
    private final boolean add;

    RubberBandGesture(DesignCanvas canvas, CanvasViewModel vm, double x, double y, boolean add) {
        this.canvas = canvas;
        this.vm = vm;
        this.start = canvas.screenToWorld(x, y);
        this.add = add;
        band.getStyleClass().add("rubber-band");
        band.setMouseTransparent(true);
        canvas.overlay().getChildren().add(band);
        if (!add) {
            vm.document().getSelection().clear();
        }
    }

    @Override
    public void drag(double x, double y) {
        Point2D w = canvas.screenToWorld(x, y);
        band.setX(Math.min(start.getX(), w.getX()));
        band.setY(Math.min(start.getY(), w.getY()));
        band.setWidth(Math.abs(w.getX() - start.getX()));
        band.setHeight(Math.abs(w.getY() - start.getY()));
        band.setStrokeWidth(1 / vm.zoomProperty().get());
    }

    @Override
    public void release(double x, double y) {
        drag(x, y);
        canvas.overlay().getChildren().remove(band);
        var sel = vm.document().getSelection();
        if (!add) {
            sel.clear();
        }
        for (ElementSkin s : canvas.skins().values()) {
            if (band.getBoundsInParent().intersects(s.getBoundsInParent()) && !(s instanceof BrokerSkin)) {
                sel.add(s.elementId());
            }
        }
    }

    @Override
    public void cancel() {
        canvas.overlay().getChildren().remove(band);
    }
}
