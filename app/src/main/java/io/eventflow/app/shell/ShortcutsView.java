package io.eventflow.app.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help → Keyboard shortcuts: every shortcut, generated from {@link ActionId} (where menus, toolbar and keys get theirs),
 * then the canvas's mouse gestures. A window beside the main one, not a modal dialog.
 */
final class ShortcutsView {
    /** One row: what it does and its keys, e.g. "Redo" and "Ctrl+Y, Ctrl+Shift+Z". */
    record Row(String action, String keys) {}

    /** Mouse and keyboard gestures on the canvas: not actions, so not in {@link ActionId}. */
    static final List<Row> GESTURES = List.of(
            new Row("Zoom at the pointer", "Ctrl+wheel, pinch"),
            new Row("Pan", "Wheel, middle-drag, Space+drag"),
            new Row("Connect", "Drag from an element's port to another element"),
            new Row("Rename", "Double-click an element"),
            new Row("Select several", "Drag on empty canvas, Shift+click"),
            new Row("Cancel a drag, clear the selection", "Esc"),
            new Row("Element actions, faults in Simulate", "Right-click"));

    private ShortcutsView() {}

    /** The shortcuts of every action that has one, actions with the same label on one row, in definition order. */
    static List<Row> rows() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (ActionId id : ActionId.values()) {
            if (id.key() != null) {
                String k = id.key().getDisplayText() + (id.scope() == ActionId.Scope.CANVAS ? " (canvas)" : "");
                // Menu labels lean on their menu ("AsyncAPI 3.0 (YAML)" under Export): the list says it in full.
                String label = (id.name().startsWith("EXPORT_") ? "Export " : "")
                        + id.label().replace("…", "");
                keys.computeIfAbsent(label, x -> new ArrayList<>()).add(k);
            }
        }
        List<Row> out = new ArrayList<>();
        keys.forEach((label, k) -> out.add(new Row(label, String.join(", ", k))));
        return out;
    }

    static void show(Window owner) {
        GridPane grid = new GridPane();
        grid.setId("shortcuts");
        grid.setHgap(24);
        grid.setVgap(4);
        grid.setStyle("-fx-padding: 16;");
        int row = 0;
        row = section(grid, row, "Keyboard", rows());
        section(grid, row, "Mouse", GESTURES);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Keyboard shortcuts — EventFlow Studio");
        Scene scene = new Scene(new ScrollPane(grid), 560, 620);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
        stage.show();
    }

    private static int section(GridPane grid, int row, String title, List<Row> rows) {
        Label head = new Label(title);
        head.getStyleClass().add("form-section");
        grid.add(head, 0, row++, 2, 1);
        for (Row r : rows) {
            grid.add(new Label(r.action()), 0, row);
            Label k = new Label(r.keys());
            k.getStyleClass().add("shortcut-keys");
            grid.add(k, 1, row++);
        }
        return row;
    }
}
