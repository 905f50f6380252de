package io.eventflow.app.shell;

import io.eventflow.app.canvas.DesignCanvas;
import javafx.scene.layout.Pane;

/** The split-pane cell that holds the design canvas and sizes it to the whole cell (a plain Pane would not). */
final class CanvasCell extends Pane {
    private final DesignCanvas canvas;

    CanvasCell(DesignCanvas canvas) {
        this.canvas = canvas;
        getChildren().add(canvas);
        setMinSize(100, 100);
    }

    @Override
    protected void layoutChildren() {
        canvas.resizeRelocate(0, 0, getWidth(), getHeight());
    }
}
