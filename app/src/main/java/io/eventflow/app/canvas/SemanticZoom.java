package io.eventflow.app.canvas;

import java.util.Collection;
import javafx.scene.Group;

/**
 * Semantic zoom: below {@link #NEAR_ZOOM} the diagram shows names only (no details, icons, badges or edge labels),
 * drawn at the smallest of a few sizes that keeps them at least 11.5 px high on screen; above it the full view
 * returns.
 */
final class SemanticZoom {
    /** Below this zoom the diagram shows names only, drawn larger; details return above it. */
    static final double NEAR_ZOOM = 0.85;
    /** The least height of a name on screen in the far view, in pixels. */
    static final double NAME_SCREEN_PX = 11.5;
    /** The far view's names grow up to this size in world pixels (so below about 0.29 zoom they shrink again). */
    private static final double MAX_NAME_PX = 40;

    /** The far view's name size in world pixels, 0 in the full view. */
    private double namePx;

    double namePx() {
        return namePx;
    }

    /**
     * Name sizes of the far view: a few steps about 20 % apart, so that a wheel zoom restyles the names (300 on a
     * large design, with their boxes and edges) only now and then, not at every 10 % step.
     */
    private static final double[] LADDER = {14, 17, 21, 26, 32, MAX_NAME_PX};

    /** The far view's name size for a zoom (the smallest step that keeps names legible), 0 for the full view. */
    static double namePxFor(double zoom) {
        if (zoom >= NEAR_ZOOM) {
            return 0;
        }
        double need = NAME_SCREEN_PX / zoom;
        for (double px : LADDER) {
            if (px >= need) {
                return px;
            }
        }
        return MAX_NAME_PX;
    }

    /** Shows the view for {@code zoom}; true if anything changed (skins may have changed width). */
    boolean apply(double zoom, Group world, Collection<ElementSkin> skins, Collection<EdgeSkin> edges) {
        double px = namePxFor(zoom);
        if (px == namePx) {
            return false;
        }
        namePx = px;
        boolean far = px > 0;
        if (far != world.getStyleClass().contains("far")) {
            if (far) {
                world.getStyleClass().add("far");
            } else {
                world.getStyleClass().remove("far");
            }
        }
        skins.forEach(s -> s.setFarName(px));
        edges.forEach(e -> e.setFar(far));
        return true;
    }
}
