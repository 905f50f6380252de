package io.eventflow.app.canvas;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Position;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Point2D;

/**
 * Moves the selected elements. Skins move live; the design changes once, on release (one undo step). Dragging a broker
 * moves its channels with it.
 */
final class MoveGesture implements Gesture {
    private final DesignCanvas canvas;
    private final CanvasViewModel vm;
    private final Map<String, Point2D> start = new LinkedHashMap<>();
    private final Point2D origin;
    private double dx;
    private double dy;

    MoveGesture(DesignCanvas canvas, CanvasViewModel vm, double x, double y) {
        this.canvas = canvas;
        this.vm = vm;
        this.origin = canvas.screenToWorld(x, y);
        Design d = vm.document().getDesign();
        for (String id : vm.document().getSelection()) {
            ElementSkin s = canvas.skins().get(id);
            if (s == null) {
                continue;
            }
            if (s instanceof BrokerSkin) {
                for (Channel c : d.channels()) {
                    ElementSkin cs = canvas.skins().get(c.id());
                    if (id.equals(c.broker()) && cs != null) {
                        start.put(c.id(), new Point2D(cs.getLayoutX(), cs.getLayoutY()));
                    }
                }
            }
            start.put(id, new Point2D(s.getLayoutX(), s.getLayoutY()));
        }
    }

    @Override
    public void drag(double x, double y) {
        Point2D w = canvas.screenToWorld(x, y);
        dx = w.getX() - origin.getX();
        dy = w.getY() - origin.getY();
        start.forEach((id, p) -> {
            ElementSkin s = canvas.skins().get(id);
            if (!(s instanceof BrokerSkin)) {
                s.relocate(vm.snap(p.getX() + dx), vm.snap(p.getY() + dy));
            }
        });
        canvas.rerouteEdges(start.keySet());
        canvas.layoutBrokers(vm.document().getDesign());
        canvas.cullMoved(start.keySet());
    }

    @Override
    public void release(double x, double y) {
        drag(x, y);
        if (Math.abs(dx) < 1 && Math.abs(dy) < 1) {
            cancel();
            return;
        }
        Map<String, Position> moved = new LinkedHashMap<>();
        start.forEach((id, p) -> moved.put(id, new Position(vm.snap(p.getX() + dx), vm.snap(p.getY() + dy))));
        vm.move(moved);
    }

    @Override
    public void cancel() {
        start.forEach((id, p) -> canvas.skins().get(id).relocate(p.getX(), p.getY()));
        canvas.rerouteEdges(start.keySet());
        canvas.layoutBrokers(vm.document().getDesign());
    }
}
