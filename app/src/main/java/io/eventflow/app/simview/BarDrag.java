package io.eventflow.app.simview;

import java.util.function.LongConsumer;
import javafx.scene.Cursor;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/** Dragging a timeline bar along simulated time (snapped to 100 ms); a click without a drag selects it. */
final class BarDrag {
    private static final long SNAP = 100_000_000L;
    private double pressX;
    private double startX;
    private boolean moved;

    BarDrag(Rectangle bar, Text text, double nanosToPx, long at, LongConsumer moveTo, Runnable select) {
        bar.setCursor(Cursor.H_RESIZE);
        bar.setOnMousePressed(e -> {
            pressX = e.getSceneX();
            startX = bar.getX();
            moved = false;
            e.consume();
        });
        bar.setOnMouseDragged(e -> {
            double dx = e.getSceneX() - pressX;
            if (Math.abs(dx) > 2) {
                moved = true;
            }
            bar.setX(startX + dx);
            text.setX(startX + dx + 4);
            e.consume();
        });
        bar.setOnMouseReleased(e -> {
            if (moved) {
                double dx = e.getSceneX() - pressX;
                long t = Math.max(0, at + Math.round(dx / nanosToPx));
                moveTo.accept(Math.round(t / (double) SNAP) * SNAP);
            } else {
                select.run();
            }
            e.consume();
        });
    }
}
