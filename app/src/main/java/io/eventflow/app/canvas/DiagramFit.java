package io.eventflow.app.canvas;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Zoom to fit: the diagram's extent (with what sticks out of the boxes) and fitting it into the canvas. */
final class DiagramFit {
    /** How far instance stacks, kind badges and ports stick out of a skin's box, in world units. */
    private static final double OUTSET = 10;

    private DiagramFit() {}

    /**
     * Fits the diagram into the canvas. Names drawn for the new zoom may widen boxes (semantic zoom), which moves the
     * fit a little: it settles in a few rounds.
     */
    static void fit(DesignCanvas canvas, CanvasViewModel vm) {
        for (int round = 0; round < 3; round++) {
            double[] b = canvas.diagramBounds();
            double z = vm.zoomProperty().get();
            if (b == null) {
                vm.fit(0, 0, 0, 0, canvas.getWidth(), canvas.getHeight());
                return;
            }
            vm.fit(b[0], b[1], b[2], b[3], canvas.getWidth(), canvas.getHeight());
            if (Arrays.equals(b, canvas.diagramBounds())
                    && z == vm.zoomProperty().get()) {
                return;
            }
        }
    }

    /**
     * The world rectangle the diagram covers (x0, y0, x1, y1), with what sticks out of the skins' boxes (instance
     * stacks, kind badges, ports) and the edges' curves and labels; null when the design is empty.
     */
    static double[] bounds(Collection<ElementSkin> skins, Collection<EdgeSkin> edges) {
        if (skins.isEmpty()) {
            return null;
        }
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (ElementSkin s : skins) {
            b[0] = Math.min(b[0], s.getLayoutX() - OUTSET);
            b[1] = Math.min(b[1], s.getLayoutY() - OUTSET);
            b[2] = Math.max(b[2], s.getLayoutX() + s.width() + OUTSET);
            b[3] = Math.max(b[3], s.getLayoutY() + s.height() + OUTSET);
        }
        for (EdgeSkin e : edges) {
            e.growBounds(b);
        }
        return b;
    }

    /** The diagram's width and height on screen over the canvas's, as "w 0.95 h 0.61". */
    static String fillRatio(double[] b, double zoom, double width, double height) {
        if (b == null || width <= 0 || height <= 0) {
            return "empty";
        }
        return String.format(Locale.ROOT, "w %.2f h %.2f", (b[2] - b[0]) * zoom / width, (b[3] - b[1]) * zoom / height);
    }

    /** The smallest element name on screen, in pixels (its font size times the zoom). */
    static double smallestNamePx(Collection<ElementSkin> skins, double zoom) {
        return skins.stream()
                .mapToDouble(s -> s.nameLabel().getFont().getSize() * zoom)
                .min()
                .orElse(0);
    }

    /** The whole diagram at 100 %, every element shown, on a background (PNG export); the caller culls again. */
    static javafx.scene.image.WritableImage snapshot(
            javafx.scene.Node content,
            Collection<ElementSkin> skins,
            Collection<EdgeSkin> edges,
            javafx.scene.paint.Paint background) {
        skins.forEach(s -> s.setVisible(true));
        edges.forEach(e -> e.setVisible(true));
        javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
        p.setFill(background);
        return content.snapshot(p, null);
    }
}
