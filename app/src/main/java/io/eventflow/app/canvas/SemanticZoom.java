package io.eventflow.app.canvas;

import java.util.Collection;
import javafx.scene.Group;

/**
 * Semantic zoom: below {@link #NEAR_ZOOM} the diagram shows names only (no details, icons, badges or edge labels),
 * drawn at {@code ceil(11.5 / zoom)} world pixels so that they stay at least 11.5 px high on screen; above it the full
 * view returns. The size is whole pixels, so a small zoom step restyles nothing.
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

    /** The far view's name size for a zoom, 0 for the full view. */
    static double namePxFor(double zoom) {
        return zoom >= NEAR_ZOOM ? 0 : Math.min(MAX_NAME_PX, Math.ceil(NAME_SCREEN_PX / zoom));
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
