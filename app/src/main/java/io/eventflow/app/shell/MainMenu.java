package io.eventflow.app.shell;

import io.eventflow.app.fx.Theme;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;

/** The menu bar: File, Edit, View, Arrange and Help, built from the window's actions. */
final class MainMenu {
    private final MainWindow w;
    private final Actions actions;

    MainMenu(MainWindow window, Actions actions) {
        this.w = window;
        this.actions = actions;
    }

    MenuBar build() {
        MenuBar bar = new MenuBar(file(), edit(), view(), arrange(), help());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu file() {
        Menu recent = new Menu("Open Recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : w.files().getRecent()) {
                MenuItem item = new MenuItem(p.toString());
                item.setOnAction(e -> w.files().openAsked(p));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        w.files().getRecent().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        Menu export = new Menu(
                "Export",
                null,
                item(ActionId.EXPORT_ASYNCAPI_30_YAML),
                item(ActionId.EXPORT_ASYNCAPI_30_JSON),
                item(ActionId.EXPORT_ASYNCAPI_26_YAML),
                item(ActionId.EXPORT_ASYNCAPI_26_JSON),
                new SeparatorMenuItem(),
                item(ActionId.EXPORT_HTML),
                item(ActionId.EXPORT_SVG),
                item(ActionId.EXPORT_PNG));
        return new Menu(
                "File",
                null,
                item(ActionId.NEW),
                item(ActionId.OPEN),
                recent,
                item(ActionId.OPEN_SAMPLE),
                new SeparatorMenuItem(),
                item(ActionId.SAVE),
                item(ActionId.SAVE_AS),
                new SeparatorMenuItem(),
                item(ActionId.IMPORT_ASYNCAPI),
                export,
                new SeparatorMenuItem(),
                item(ActionId.COMPARE_SAVED),
                item(ActionId.COMPARE_FILE),
                new SeparatorMenuItem(),
                item(ActionId.QUIT));
    }

    private Menu edit() {
        MenuItem undo = item(ActionId.UNDO);
        undo.textProperty().bind(w.document().undoTextProperty());
        MenuItem redo = item(ActionId.REDO);
        redo.textProperty().bind(w.document().redoTextProperty());
        return new Menu(
                "Edit",
                null,
                undo,
                redo,
                new SeparatorMenuItem(),
                item(ActionId.COPY),
                item(ActionId.PASTE),
                item(ActionId.DUPLICATE),
                item(ActionId.DELETE),
                new SeparatorMenuItem(),
                item(ActionId.SELECT_ALL));
    }

    private Menu view() {
        CheckMenuItem snap = new CheckMenuItem(ActionId.SNAP.label());
        snap.selectedProperty().bindBidirectional(w.canvasViewModel().snapToGridProperty());
        CheckMenuItem dark = new CheckMenuItem(ActionId.TOGGLE_THEME.label());
        dark.setId("menu-dark-theme");
        dark.setSelected(w.themeProperty().get() == Theme.DARK);
        // the toolbar button and saved settings change the theme too: the check mark follows (the window owns both)
        w.themeProperty().addListener((o, was, now) -> dark.setSelected(now == Theme.DARK));
        dark.setOnAction(e -> w.setTheme(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        return new Menu(
                "View",
                null,
                item(ActionId.FIT),
                item(ActionId.ZOOM_IN),
                item(ActionId.ZOOM_OUT),
                snap,
                new SeparatorMenuItem(),
                toggle("Palette", w.palettePanel(), w.mainSplit()),
                toggle("Inspector", w.inspectorPanel(), w.mainSplit()),
                toggle("Bottom panel", w.dockPanel(), w.verticalSplit()),
                new SeparatorMenuItem(),
                dark);
    }

    private Menu arrange() {
        return new Menu("Arrange", null, item(ActionId.AUTO_LAYOUT));
    }

    private Menu help() {
        MenuItem about = new MenuItem("About EventFlow Studio");
        about.setId("menu-about");
        about.setOnAction(e -> AboutDialog.show(w.stage()));
        return new Menu("Help", null, item(ActionId.SHORTCUTS), new SeparatorMenuItem(), about);
    }

    private MenuItem item(ActionId id) {
        return actions.menuItem(id);
    }

    private static CheckMenuItem toggle(String label, Node panel, SplitPane pane) {
        CheckMenuItem item = new CheckMenuItem(label);
        item.setSelected(true);
        int index = pane.getItems().indexOf(panel);
        item.setOnAction(e -> {
            if (item.isSelected() && !pane.getItems().contains(panel)) {
                pane.getItems().add(Math.min(index, pane.getItems().size()), panel);
            } else if (!item.isSelected()) {
                pane.getItems().remove(panel);
            }
        });
        return item;
    }
}
