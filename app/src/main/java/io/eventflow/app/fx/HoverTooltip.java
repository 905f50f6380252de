package io.eventflow.app.fx;

import java.util.function.Consumer;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip that is made when the pointer first comes over its node, in time for the hover that shows it. A
 * {@link Tooltip} is a popup window of its own: the toolbar's sixteen and one per element of the diagram were a good
 * part of the FX thread's work before the window and the design could show (issue #15). The text can be set at any
 * time; it is the tooltip's once there is one.
 */
public final class HoverTooltip {
    private final Consumer<Tooltip> install;
    private String text = "";
    private Tooltip tooltip;

    private HoverTooltip(Node node, Consumer<Tooltip> install) {
        this.install = install;
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                make();
            }
        });
    }

    /** A tooltip for {@code control}, made on its first hover as its {@link Control#tooltipProperty() tooltip}. */
    public static HoverTooltip of(Control control) {
        return new HoverTooltip(control, control::setTooltip);
    }

    /** A tooltip for any node, made on its first hover and installed with {@link Tooltip#install}. */
    public static HoverTooltip on(Node node) {
        return new HoverTooltip(node, t -> Tooltip.install(node, t));
    }

    public HoverTooltip text(String value) {
        text = value == null ? "" : value;
        if (tooltip != null) {
            tooltip.setText(text);
        }
        return this;
    }

    public String text() {
        return text;
    }

    /** The tooltip, or null while the node has not been hovered. */
    public Tooltip tooltip() {
        return tooltip;
    }

    private void make() {
        if (tooltip == null) {
            tooltip = new Tooltip(text);
            install.accept(tooltip);
        }
    }
}
