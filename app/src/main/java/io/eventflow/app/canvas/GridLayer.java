package io.eventflow.app.canvas;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The dotted grid behind the diagram: drawn on a Canvas, only when the viewport, the size or the theme changed. Its
 * colours are styleable ({@code -ef-grid-minor}, {@code -ef-grid-major}; studio.css maps them to the theme's
 * looked-up colours).
 */
final class GridLayer extends Region {
    private static final StyleablePropertyFactory<GridLayer> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final Canvas canvas = new Canvas();
    private final StyleableObjectProperty<Color> minor = (StyleableObjectProperty<Color>)
            CSS.createStyleableColorProperty(this, "minor", "-ef-grid-minor", g -> g.minor, Color.gray(0.88));
    private final StyleableObjectProperty<Color> major = (StyleableObjectProperty<Color>)
            CSS.createStyleableColorProperty(this, "major", "-ef-grid-major", g -> g.major, Color.gray(0.8));
    private double zoom = 1;
    private double panX;
    private double panY;
    private boolean dirty = true;

    GridLayer() {
        getStyleClass().add("grid-layer");
        getChildren().add(canvas);
        setMouseTransparent(true);
        minor.addListener(o -> redraw());
        major.addListener(o -> redraw());
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    /** The colour of the minor dots, as styled by the theme (tests). */
    Color minorColor() {
        return minor.get();
    }

    private void redraw() {
        dirty = true;
        requestLayout();
    }

    void setViewport(double z, double px, double py) {
        zoom = z;
        panX = px;
        panY = py;
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        if (dirty) {
            draw(w, h);
            dirty = false;
        }
    }

    private void draw(double w, double h) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        double step = CanvasViewModel.GRID * zoom;
        while (step < 12) {
            step *= 5;
        }
        double x0 = ((panX % step) + step) % step;
        double y0 = ((panY % step) + step) % step;
        double size = Math.max(1, Math.min(2, zoom * 1.5));
        g.setFill(minor.get());
        for (double x = x0; x < w; x += step) {
            for (double y = y0; y < h; y += step) {
                g.fillRect(x, y, size, size);
            }
        }
        g.setStroke(major.get());
        g.setLineWidth(1);
        double big = step * 5;
        double bx = ((panX % big) + big) % big;
        double by = ((panY % big) + big) % big;
        g.setFill(major.get());
        for (double x = bx; x < w; x += big) {
            for (double y = by; y < h; y += big) {
                g.fillRect(x - 1, y - 1, size + 1, size + 1);
            }
        }
    }
}
