package io.eventflow.app.canvas;

/** Pans the view: middle button, or space + primary button. */
final class PanGesture implements Gesture {
    private final CanvasViewModel vm;
    private final double startPanX;
    private final double startPanY;
    private double lastX;
    private double lastY;

    PanGesture(CanvasViewModel vm, double x, double y) {
        this.vm = vm;
        this.lastX = x;
        this.lastY = y;
        this.startPanX = vm.panXProperty().get();
        this.startPanY = vm.panYProperty().get();
    }

    @Override
    public void drag(double x, double y) {
        vm.panBy(x - lastX, y - lastY);
        lastX = x;
        lastY = y;
    }

    @Override
    public void release(double x, double y) {
        drag(x, y);
    }

    @Override
    public void cancel() {
        vm.panXProperty().set(startPanX);
        vm.panYProperty().set(startPanY);
    }
}
