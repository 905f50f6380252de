package io.eventflow.app.shell;

import io.eventflow.app.canvas.DesignCanvas;
import javafx.scene.layout.Pane;

/** Wraps the canvas so it fills its split-pane cell. */
final class StackPaneCanvas extends Pane {
    private final DesignCanvas canvas;

    StackPaneCanvas(DesignCanvas canvas) {
        this.canvas = canvas;
        getChildren().add(canvas);
        setMinSize(100, 100);
    }

    @Override
    protected void layoutChildren() {
        canvas.resizeRelocate(0, 0, getWidth(), getHeight());
    }
}
