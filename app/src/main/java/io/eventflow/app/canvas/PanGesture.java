package io.eventflow.app.canvas;

/** Pans the view: middle button, or space + primary button; the diagram moves as one bitmap meanwhile. */
final class PanGesture implements Gesture {
    private final DesignCanvas canvas;
    private final CanvasViewModel vm;
    private final double startPanX;
    private final double startPanY;
    private final double startX;
    private final double startY;

    PanGesture(DesignCanvas canvas, CanvasViewModel vm, double x, double y) {
        this.canvas = canvas;
        this.vm = vm;
        this.startX = x;
        this.startY = y;
        this.startPanX = vm.panXProperty().get();
        this.startPanY = vm.panYProperty().get();
        canvas.beginViewChange(false);
    }

    @Override
    public void drag(double x, double y) {
        if (x != startX || y != startY) {
            vm.fittingProperty().set(false);
        }
        // Whole pixels: the diagram's bitmap is then copied, not resampled, on each frame.
        vm.panXProperty().set(Math.rint(startPanX + x - startX));
        vm.panYProperty().set(Math.rint(startPanY + y - startY));
    }

    @Override
    public void release(double x, double y) {
        drag(x, y);
        canvas.endViewChange();
    }

    @Override
    public void cancel() {
        vm.panXProperty().set(startPanX);
        vm.panYProperty().set(startPanY);
        canvas.endViewChange();
    }
}
