package io.eventflow.app.canvas;

import io.eventflow.app.fx.Icons;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

/**
 * The palette: items dragged onto the canvas with plain mouse events (press, drag, release over the canvas), or
 * double-clicked to add at the centre of the view.
 */
public final class PaletteView extends VBox {
    private final DesignCanvas canvas;
    private final VBox messages = new VBox();
    private java.util.List<String> shownMessages = java.util.List.of();
    private Label ghost;

    public PaletteView(DesignCanvas canvas) {
        super(2);
        this.canvas = canvas;
        getStyleClass().add("palette");
        addSection("Services", PaletteItem.PRODUCER, PaletteItem.CONSUMER, PaletteItem.SERVICE);
        addSection("Channels", PaletteItem.channels());
        addSection("Brokers", PaletteItem.brokers());
        addSection("Messages", PaletteItem.MESSAGE);
        Label header = new Label("In this design");
        header.getStyleClass().add("palette-header");
        getChildren().addAll(header, messages);
        messages.getStyleClass().add("palette-messages");
        canvas.viewModel().document().designProperty().addListener((o, a, d) -> showMessages(d));
        showMessages(canvas.viewModel().document().getDesign());
    }

    /** Lists the design's message types; clicking one opens it in the message editor. */
    private void showMessages(io.eventflow.model.design.Design d) {
        java.util.List<String> ids = d.messages().stream().map(m -> m.id()).toList();
        if (ids.equals(shownMessages)) {
            return;
        }
        shownMessages = ids;
        messages.getChildren().clear();
        for (String id : ids) {
            javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(id);
            link.setId("message-" + id);
            link.setOnAction(e -> {
                canvas.viewModel().document().getSelection().clear();
                canvas.viewModel().document().getSelection().add(id);
            });
            messages.getChildren().add(link);
        }
    }

    private void addSection(String title, PaletteItem... items) {
        Label header = new Label(title);
        header.getStyleClass().add("palette-header");
        getChildren().add(header);
        for (PaletteItem item : items) {
            getChildren().add(itemNode(item));
        }
    }

    private Label itemNode(PaletteItem item) {
        Label l = new Label(item.label(), Icons.of(item.icon()));
        l.getStyleClass().add("palette-item");
        l.setId("palette-" + item.name().toLowerCase().replace('_', '-'));
        l.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(item.description());
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        l.setTooltip(tip);
        l.setCursor(Cursor.OPEN_HAND);
        l.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                Point2D c = canvas.localToScene(canvas.getWidth() / 2, canvas.getHeight() / 2);
                canvas.dropFromScene(item, c.getX(), c.getY());
            }
        });
        l.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (ghost == null) {
                ghost = new Label(item.label(), Icons.of(item.icon()));
                ghost.getStyleClass().add("palette-ghost");
                ghost.setMouseTransparent(true);
                ghost.setManaged(false);
                canvas.addDecoration(ghost);
            }
            Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
            ghost.autosize();
            ghost.relocate(p.getX() + 8, p.getY() + 8);
            ghost.setVisible(canvas.getLayoutBounds().contains(p));
            e.consume();
        });
        l.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (ghost != null) {
                canvas.removeDecoration(ghost);
                ghost = null;
                canvas.dropFromScene(item, e.getSceneX(), e.getSceneY());
            }
            e.consume();
        });
        return l;
    }
}
