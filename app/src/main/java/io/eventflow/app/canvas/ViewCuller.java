package io.eventflow.app.canvas;

import java.util.Collection;
import javafx.scene.CacheHint;
import javafx.scene.Group;

/**
 * Hides skins and edges outside the view, so that panning, zooming and dragging cost what is visible, not what the
 * design holds. While a pan or zoom is in progress the diagram ({@code content}) is cached as one bitmap that is moved
 * (pan: rendered at the exact zoom) or moved and scaled (zoom: cache hint speed) as a whole, instead of rasterising
 * every curve and box each frame; the culled area is then a quarter of a view larger on each side and is kept until
 * the view leaves it, so that the bitmap stays valid.
 */
final class ViewCuller {
    private static final double MARGIN_PX = 40;
    private static final double GESTURE_MARGIN = 0.25;

    private final Collection<ElementSkin> skins;
    private final Collection<EdgeSkin> edges;
    private final Group content;
    /** The world rectangle last culled for during a view change (x0, y0, x1, y1). */
    private final double[] culled = new double[4];

    private boolean viewChanging;

    ViewCuller(Collection<ElementSkin> skins, Collection<EdgeSkin> edges, Group content) {
        this.skins = skins;
        this.edges = edges;
        this.content = content;
    }

    boolean isViewChanging() {
        return viewChanging;
    }

    /**
     * Starts a view change (or turns a pan into a zoom); true if none was in progress (the caller then culls again).
     * A pan keeps the bitmap at the exact zoom (a plain copy per frame); a zoom lets it scale.
     */
    boolean begin(boolean zooming) {
        if (zooming && content.getCacheHint() != CacheHint.SPEED) {
            content.setCacheHint(CacheHint.SPEED);
        }
        if (viewChanging) {
            return false;
        }
        viewChanging = true;
        culled[0] = Double.MAX_VALUE; // forces the next cull, with the larger margin
        if (!zooming) {
            content.setCacheHint(CacheHint.QUALITY);
        }
        content.setCache(true);
        return true;
    }

    /** Ends a view change; true if one was in progress (the caller then culls again, with the normal margin). */
    boolean end() {
        if (!viewChanging) {
            return false;
        }
        viewChanging = false;
        content.setCache(false);
        content.setCacheHint(CacheHint.DEFAULT);
        return true;
    }

    /** Shows what lies in the view given by zoom, translation and size in pixels; hides the rest. */
    void cull(double z, double tx, double ty, double width, double height) {
        double vx0 = -tx / z;
        double vy0 = -ty / z;
        double vx1 = vx0 + width / z;
        double vy1 = vy0 + height / z;
        double mx = MARGIN_PX / z;
        double my = mx;
        if (viewChanging) {
            if (vx0 >= culled[0] && vy0 >= culled[1] && vx1 <= culled[2] && vy1 <= culled[3]) {
                return;
            }
            mx += (vx1 - vx0) * GESTURE_MARGIN;
            my += (vy1 - vy0) * GESTURE_MARGIN;
        }
        double x0 = vx0 - mx;
        double y0 = vy0 - my;
        double x1 = vx1 + mx;
        double y1 = vy1 + my;
        culled[0] = x0;
        culled[1] = y0;
        culled[2] = x1;
        culled[3] = y1;
        for (ElementSkin s : skins) {
            boolean in = s.getLayoutX() + s.width() >= x0
                    && s.getLayoutX() <= x1
                    && s.getLayoutY() + s.height() >= y0
                    && s.getLayoutY() <= y1;
            if (s.isVisible() != in) {
                s.setVisible(in);
            }
        }
        for (EdgeSkin e : edges) {
            boolean in = e.intersects(x0, y0, x1, y1);
            if (e.isVisible() != in) {
                e.setVisible(in);
            }
        }
    }
}
