package io.eventflow.app.canvas;

/** One drag on the canvas, from press to release. Screen coordinates are the canvas's local coordinates. */
interface Gesture {
    void drag(double x, double y);

    /** Finishes the gesture: at most one command. */
    void release(double x, double y);

    /** Esc: undo the visual effect, no command. */
    void cancel();
}
