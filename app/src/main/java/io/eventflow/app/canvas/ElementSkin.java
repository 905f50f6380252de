package io.eventflow.app.canvas;

import io.eventflow.model.design.Design;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** One scene-graph skin per design element. Sizes are fixed so edges can be routed without a layout pass. */
public abstract class ElementSkin extends Region {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final double PORT_RADIUS = 6;

    private final String elementId;
    private final Circle inPort = new Circle(PORT_RADIUS);
    private final Circle outPort = new Circle(PORT_RADIUS);
    private boolean selected;
    private String nameText = "";
    private double farPx;
    private double minW;
    private double maxW;

    protected ElementSkin(String elementId, double width, double height, boolean ports) {
        this.elementId = elementId;
        getStyleClass().add("element");
        // No CSS id: JavaFX caches the stylesheets' matching per type, id and style classes, so an id of its own would
        // make every skin (and what it holds) be matched afresh (issue #15, docs/performance.md).
        // Tests find a skin by its elementId().
        // Placed by the canvas, never by its parent's layout: moving one skin must not lay out the others.
        setManaged(false);
        setMinSize(width, height);
        setPrefSize(width, height);
        setMaxSize(width, height);
        resize(width, height);
        if (ports) {
            inPort.getStyleClass().addAll("port", "in-port");
            outPort.getStyleClass().addAll("port", "out-port");
            inPort.setCenterX(0);
            inPort.setCenterY(height / 2);
            outPort.setCenterX(width);
            outPort.setCenterY(height / 2);
            inPort.setManaged(false);
            outPort.setManaged(false);
        }
    }

    /** Adds the port circles last, so they stay on top of the skin's content. */
    protected void addPorts() {
        getChildren().addAll(inPort, outPort);
    }

    public String elementId() {
        return elementId;
    }

    /** The label that shows the element's name. */
    public abstract Label nameLabel();

    /**
     * The far view (zoomed out): only the name, at {@code px} world pixels so that it stays legible on screen, wrapped
     * over the whole box and ellipsized when even that is too small; {@code px <= 0} returns to the full view.
     */
    public final void setFarName(double px) {
        farPx = Math.max(0, px);
        nameLabel().setStyle(farPx > 0 ? "-fx-font-size: " + farPx + "px;" : "");
        layoutFar(farPx > 0);
        showName(nameText);
    }

    /** Whether the far view (names only, larger) is shown. */
    public boolean isFar() {
        return farPx > 0;
    }

    /**
     * Shows the element's name. A skin that grows with its name (see {@link #growWithName}) takes the width the name
     * needs, up to its maximum; beyond that the far view breaks the name over two lines at a word boundary, and what
     * still does not fit is ellipsized (the tooltip has the whole name).
     */
    protected final void showName(String text) {
        nameText = text;
        boolean far = farPx > 0;
        double px = far ? farPx : NameFit.NAME_PX;
        double inset = nameInset(far);
        String shown = far && maxW > 0 ? NameFit.lines(text, px, maxW - inset) : text;
        nameLabel().setText(shown);
        if (maxW > 0) {
            setBoxWidth(Math.max(minW, Math.min(maxW, inset + NameFit.widestLine(shown, px))));
        }
    }

    /** Lets the box grow with the name from {@code min} to {@code max} world units wide. */
    protected final void growWithName(double min, double max) {
        minW = min;
        maxW = max;
    }

    /** The room the box keeps beside the name (left and right together) in the far or full view. */
    protected double nameInset(boolean far) {
        return 20;
    }

    /** Lays the name out for the far view (over the whole box) or the full view. */
    protected abstract void layoutFar(boolean far);

    private void setBoxWidth(double w) {
        if (w == width()) {
            return;
        }
        setMinWidth(w);
        setPrefWidth(w);
        setMaxWidth(w);
        resize(w, height());
        outPort.setCenterX(w);
        layoutBox();
        layoutFar(farPx > 0);
    }

    /** Sizes the skin's parts to its box (when it grows or shrinks with its name). */
    protected void layoutBox() {}

    /** Shows the element's current state. */
    public abstract void update(Object element, Design design);

    private static final PseudoClass DIFF_CHANGED = PseudoClass.getPseudoClass("diff-changed");
    private static final PseudoClass DIFF_BREAKING = PseudoClass.getPseudoClass("diff-breaking");
    private Boolean diffMark;

    /** Marks the element as changed since an earlier version: null unmarked, true for a breaking change. */
    public void setDiffMark(Boolean breaking) {
        diffMark = breaking;
        pseudoClassStateChanged(DIFF_CHANGED, breaking != null && !breaking);
        pseudoClassStateChanged(DIFF_BREAKING, breaking != null && breaking);
    }

    public Boolean diffMark() {
        return diffMark;
    }

    public boolean isSelected() {
        return selected;
    }

    public void setSelected(boolean value) {
        selected = value;
        pseudoClassStateChanged(SELECTED, value);
    }

    public Circle outPort() {
        return outPort;
    }

    public Circle inPort() {
        return inPort;
    }

    public double width() {
        return getPrefWidth();
    }

    public double height() {
        return getPrefHeight();
    }

    /** Where outgoing edges start, in world coordinates. */
    public Point2D outAnchor() {
        return new Point2D(getLayoutX() + width(), getLayoutY() + height() / 2);
    }

    /** Where incoming edges end, in world coordinates. */
    public Point2D inAnchor() {
        return new Point2D(getLayoutX(), getLayoutY() + height() / 2);
    }

    /** Whether a world point lies on the skin. */
    public boolean containsWorld(double x, double y) {
        return x >= getLayoutX() && x <= getLayoutX() + width() && y >= getLayoutY() && y <= getLayoutY() + height();
    }
}
