package io.eventflow.app.shell;

import io.eventflow.app.fx.HoverTooltip;
import io.eventflow.app.fx.Icons;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;

/**
 * Binds action ids to what they do and when they are enabled. While a text field has focus, editing shortcuts go to the
 * field, so typing never deletes or pastes on the canvas.
 */
final class Actions {
    private record Binding(Runnable run, BooleanExpression enabled) {}

    private final Map<ActionId, Binding> bindings = new EnumMap<>(ActionId.class);
    private final java.util.Set<ActionId> inMenus = java.util.EnumSet.noneOf(ActionId.class);
    private Scene scene;

    void bind(ActionId id, Runnable run) {
        bind(id, run, new SimpleBooleanProperty(true));
    }

    void bind(ActionId id, Runnable run, BooleanExpression enabled) {
        bindings.put(id, new Binding(run, enabled));
    }

    void run(ActionId id) {
        if (forwardToText(id, scene)) {
            return;
        }
        Binding b = bindings.get(id);
        if (b != null && b.enabled().get()) {
            b.run().run();
        }
    }

    MenuItem menuItem(ActionId id) {
        MenuItem item = contextItem(id);
        inMenus.add(id);
        return item;
    }

    /** A menu item for a context menu: like {@link #menuItem}, but its shortcut stays the menu bar's or the scene's. */
    MenuItem contextItem(ActionId id) {
        MenuItem item = new MenuItem(id.label());
        item.setId("action-item-" + id.name().toLowerCase().replace('_', '-'));
        if (id.icon() != null) {
            item.setGraphic(Icons.of(id.icon()));
        }
        item.setOnAction(e -> run(id));
        item.setAccelerator(id.key());
        Binding b = bindings.get(id);
        if (b != null) {
            item.disableProperty().bind(b.enabled().not());
        }
        return item;
    }

    Button button(ActionId id) {
        Button button = new Button(null, Icons.of(id.icon()));
        // No CSS id, which would make each button its own entry in JavaFX's style cache (issue #15): the action is
        // kept in the button's properties instead ({@link ActionId#of}).
        button.getProperties().put(ActionId.NODE_PROPERTY, id);
        button.getStyleClass().addAll("flat", "button-icon");
        button.setAccessibleText(id.label());
        // Made on the first hover: a tooltip is a popup window, and the toolbar's sixteen took the FX thread 60-90 ms
        // in a cold JVM before the main window could show (issue #15).
        HoverTooltip.of(button)
                .text(id.label() + (id.key() == null ? "" : "  (" + id.key().getDisplayText() + ")"));
        button.setFocusTraversable(false);
        button.setOnAction(e -> run(id));
        Binding b = bindings.get(id);
        if (b != null) {
            button.disableProperty().bind(b.enabled().not());
        }
        return button;
    }

    /**
     * Shortcuts of the bound actions that have no menu item (Ctrl+Shift+Z, F5...): window-wide ones as the scene's
     * accelerators, canvas ones (plain letters, Backspace) only while {@code canvas} has focus. Call after the menus
     * are built.
     */
    void installKeys(Scene scene, javafx.scene.Node canvas) {
        for (ActionId id : bindings.keySet()) {
            if (id.key() == null || inMenus.contains(id)) {
                continue;
            }
            if (id.scope() == ActionId.Scope.CANVAS) {
                canvas.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                    if (id.key().match(e)) {
                        run(id);
                        e.consume();
                    }
                });
            } else {
                scene.getAccelerators().put(id.key(), () -> run(id));
            }
        }
    }

    /** Whether an action is bound (has something to do in this window). */
    boolean isBound(ActionId id) {
        return bindings.containsKey(id);
    }

    /**
     * While a text field has focus, editing shortcuts edit the text, not the design: they are forwarded to it.
     *
     * @return true when the action was forwarded
     */
    private static boolean forwardToText(ActionId id, Scene scene) {
        if (scene == null || !(scene.getFocusOwner() instanceof TextInputControl t)) {
            return false;
        }
        switch (id) {
            case UNDO -> t.undo();
            case REDO, REDO_ALT -> t.redo();
            case COPY -> t.copy();
            case PASTE -> t.paste();
            case DELETE -> t.deleteNextChar();
            case SELECT_ALL -> t.selectAll();
            case DUPLICATE -> {}
            default -> {
                return false;
            }
        }
        return true;
    }

    void setScene(Scene s) {
        scene = s;
    }
}
