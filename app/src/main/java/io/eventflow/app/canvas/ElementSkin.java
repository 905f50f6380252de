package io.eventflow.app.canvas;

import io.eventflow.model.design.Design;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
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

    protected ElementSkin(String elementId, double width, double height, boolean ports) {
        this.elementId = elementId;
        getStyleClass().add("element");
        setId("skin-" + elementId);
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

    /** Shows the element's current state. */
    public abstract void update(Object element, Design design);

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
