package io.eventflow.app.gui;

import io.eventflow.app.canvas.ElementSkin;
import io.eventflow.app.shell.ActionId;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.testfx.api.FxRobot;

/**
 * Finds the canvas's skins and the toolbar's buttons, which have no CSS id (an id of its own per node defeats JavaFX's
 * style cache, issue #15): a skin by its element's id, a button by its action.
 */
final class Find {
    private Find() {}

    /** The skin of the element {@code id} on the canvas. */
    static ElementSkin skin(FxRobot robot, String id) {
        return robot.lookup(
                        (Node n) -> n instanceof ElementSkin s && s.elementId().equals(id))
                .queryAs(ElementSkin.class);
    }

    /** The skin of the element {@code id}, if it is on the canvas. */
    static Optional<ElementSkin> trySkin(FxRobot robot, String id) {
        return robot.lookup(
                        (Node n) -> n instanceof ElementSkin s && s.elementId().equals(id))
                .tryQueryAs(ElementSkin.class);
    }

    /** A node in the skin of the element {@code id}, by a CSS selector ({@code .out-port}). */
    static Node in(FxRobot robot, String id, String selector) {
        return robot.from(skin(robot, id)).lookup(selector).query();
    }

    /** The toolbar button that runs {@code action}. */
    static Button action(FxRobot robot, ActionId action) {
        return robot.lookup((Node n) -> n instanceof Button && ActionId.of(n) == action)
                .queryAs(Button.class);
    }
}
