package io.eventflow.app.canvas;

import io.eventflow.model.design.EdgeId;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/** Turns mouse and keyboard input on the canvas into gestures: select, move, connect, rubber band, pan, zoom. */
public final class CanvasInput {
    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");
    private static final double BROKER_HEADER = 30;

    private final DesignCanvas canvas;
    private final CanvasViewModel vm;
    /** Made on the first right-click: a context menu is a popup window, and the window's start need not build it. */
    private ContextMenu menu;

    private java.util.function.Function<String, MenuItem> actionItems = name -> null;
    private Gesture gesture;
    private boolean spaceDown;
    private TextField editor;

    CanvasInput(DesignCanvas canvas, CanvasViewModel vm) {
        this.canvas = canvas;
        this.vm = vm;
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (gesture != null) {
                gesture.drag(e.getX(), e.getY());
                e.consume();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (gesture != null) {
                Gesture g = gesture;
                gesture = null;
                g.release(e.getX(), e.getY());
                e.consume();
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(ZoomEvent.ZOOM, e -> {
            canvas.nudgeViewChange(true);
            vm.zoomAt(e.getZoomFactor(), e.getX(), e.getY());
        });
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        canvas.addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
            }
        });
    }

    /**
     * Where the context menu's actions come from: the window's action definitions, by action name ({@code DELETE},
     * {@code SELECT_ALL}, ...), so that they carry the same label, shortcut and enabled state as menus and toolbar.
     */
    public void setActionItems(java.util.function.Function<String, MenuItem> items) {
        actionItems = items;
    }

    /** True while a drag is in progress. */
    public boolean isBusy() {
        return gesture != null;
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        if (menu != null) {
            menu.hide();
        }
        if (gesture != null) {
            return;
        }
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            gesture = new PanGesture(canvas, vm, e.getX(), e.getY());
            return;
        }
        Point2D w = canvas.screenToWorld(e.getX(), e.getY());
        String hit = hitId(e, w);
        if (e.getButton() == MouseButton.SECONDARY) {
            if (hit != null && !vm.document().getSelection().contains(hit)) {
                select(hit, false);
            }
            showMenu(hit, w, e.getScreenX(), e.getScreenY());
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        ElementSkin port = portOwner(e.getTarget());
        if (port != null) {
            gesture = new ConnectGesture(canvas, vm, port);
            e.consume();
            return;
        }
        boolean toggle = e.isShortcutDown() || e.isShiftDown();
        if (hit == null) {
            gesture = new RubberBandGesture(canvas, vm, e.getX(), e.getY(), toggle);
            return;
        }
        if (e.getClickCount() == 2 && !EdgeId.isEdgeKey(hit)) {
            startRename(hit);
            return;
        }
        if (toggle) {
            if (!vm.document().getSelection().remove(hit)) {
                vm.document().getSelection().add(hit);
            }
        } else if (!vm.document().getSelection().contains(hit)) {
            select(hit, false);
        }
        if (!EdgeId.isEdgeKey(hit)) {
            gesture = new MoveGesture(canvas, vm, e.getX(), e.getY());
        }
        e.consume();
    }

    private String hitId(MouseEvent e, Point2D w) {
        for (Node n = (Node) e.getTarget(); n != null && n != canvas; n = n.getParent()) {
            if (n instanceof EdgeSkin es) {
                return es.edgeId();
            }
        }
        ElementSkin s = canvas.skinAt(w.getX(), w.getY());
        if (s instanceof BrokerSkin && w.getY() > s.getLayoutY() + BROKER_HEADER) {
            return null;
        }
        return s == null ? null : s.elementId();
    }

    private static ElementSkin portOwner(Object target) {
        if (target instanceof Node n
                && n.getStyleClass().contains("out-port")
                && n.getParent() instanceof ElementSkin s) {
            return s;
        }
        return null;
    }

    private void select(String id, boolean add) {
        if (!add) {
            vm.document().getSelection().clear();
        }
        vm.document().getSelection().add(id);
    }

    private void scrolled(ScrollEvent e) {
        canvas.nudgeViewChange(e.isShortcutDown());
        if (e.isShortcutDown()) {
            vm.zoomAt(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
        } else {
            vm.panBy(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE) {
            spaceDown = true;
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (gesture != null) {
                gesture.cancel();
                gesture = null;
            } else {
                vm.document().getSelection().clear();
            }
            e.consume();
        }
    }

    private void showMenu(String hit, Point2D world, double sx, double sy) {
        if (menu == null) {
            menu = new ContextMenu();
        }
        menu.getItems().clear();
        if (hit != null) {
            if (!EdgeId.isEdgeKey(hit)) {
                MenuItem rename = new MenuItem("Rename…");
                rename.setOnAction(a -> startRename(hit));
                menu.getItems().add(rename);
                addAction("DUPLICATE");
            }
            addAction("DELETE");
        } else {
            menu.getItems().add(addMenu(world));
            menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            addAction("PASTE");
            addAction("SELECT_ALL");
            menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            addAction("AUTO_LAYOUT");
            addAction("FIT");
        }
        menu.show(canvas, sx, sy);
    }

    private void addAction(String name) {
        MenuItem item = actionItems.apply(name);
        if (item != null) {
            menu.getItems().add(item);
        }
    }

    /** "Add" with every palette item, created where the menu was opened. */
    private javafx.scene.control.Menu addMenu(Point2D world) {
        javafx.scene.control.Menu add = new javafx.scene.control.Menu("Add here");
        add.setId("menu-add-here");
        PaletteItem previous = null;
        for (PaletteItem item : PaletteItem.all()) {
            if (previous != null
                    && (previous.isService() != item.isService() || previous.isBroker() != item.isBroker())) {
                add.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            }
            previous = item;
            MenuItem m = new MenuItem(item.label(), io.eventflow.app.fx.Icons.of(item.icon()));
            m.setId("add-here-" + item.idName());
            m.setOnAction(a -> vm.drop(item, world.getX(), world.getY(), null));
            add.getItems().add(m);
        }
        return add;
    }

    /** Shows a text field over the element to rename it; Enter commits, Esc cancels. */
    void startRename(String id) {
        ElementSkin s = canvas.skins().get(id);
        if (s == null) {
            return;
        }
        stopRename();
        editor = new TextField(id);
        editor.getStyleClass().add("inline-editor");
        editor.setPrefWidth(s.width() - 40);
        editor.relocate(s.getLayoutX() + 30, s.getLayoutY() + 6);
        TextField f = editor;
        // The model's id rule and uniqueness, as in the inspector's Id field: marked while typing, refused on Enter.
        f.textProperty().addListener((o, a, text) -> {
            String problem = vm.renameProblem(id, text.trim());
            f.pseudoClassStateChanged(INVALID, problem != null);
            f.setTooltip(problem == null ? null : new javafx.scene.control.Tooltip(problem));
        });
        f.setOnAction(a -> {
            if (vm.renameProblem(id, f.getText().trim()) == null) {
                stopRename();
                vm.rename(id, f.getText().trim());
            }
        });
        f.addEventHandler(KeyEvent.KEY_PRESSED, k -> {
            if (k.getCode() == KeyCode.ESCAPE) {
                stopRename();
                k.consume();
            }
        });
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now && editor == f) {
                stopRename();
            }
        });
        canvas.overlay().getChildren().add(f);
        f.requestFocus();
        f.selectAll();
    }

    private void stopRename() {
        if (editor != null) {
            TextField f = editor;
            editor = null;
            canvas.overlay().getChildren().remove(f);
            canvas.requestFocus();
        }
    }
}
