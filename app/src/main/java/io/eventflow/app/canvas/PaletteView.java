package io.eventflow.app.canvas;

import io.eventflow.app.fx.Icons;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

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
        addSection("Services", true, PaletteItem.PRODUCER, PaletteItem.CONSUMER, PaletteItem.SERVICE);
        addSection("Channels", true, PaletteItem.channels());
        // Channels bring their broker along, so the brokers start folded: the design's message types stay in view.
        addSection("Brokers", false, PaletteItem.brokers());
        addSection("Messages", true, PaletteItem.MESSAGE);
        Label header = new Label("In this design");
        header.getStyleClass().addAll("palette-header", "palette-list-header");
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

    /** A section whose header folds and unfolds its items. */
    private void addSection(String title, boolean open, PaletteItem... items) {
        FontIcon chevron = Icons.of(open ? MaterialDesignC.CHEVRON_DOWN : MaterialDesignC.CHEVRON_RIGHT, 12);
        Label header = new Label(title, chevron);
        header.getStyleClass().addAll("palette-header", "palette-section");
        header.setId("palette-section-" + title.toLowerCase());
        header.setCursor(Cursor.HAND);
        header.setMaxWidth(Double.MAX_VALUE);
        getChildren().add(header);
        List<Label> nodes = new ArrayList<>();
        for (PaletteItem item : items) {
            Label l = itemNode(item);
            nodes.add(l);
            getChildren().add(l);
        }
        Consumer<Boolean> show = shown -> {
            nodes.forEach(l -> {
                l.setVisible(shown);
                l.setManaged(shown);
            });
            chevron.setIconCode(shown ? MaterialDesignC.CHEVRON_DOWN : MaterialDesignC.CHEVRON_RIGHT);
        };
        show.accept(open);
        header.setOnMouseClicked(e -> show.accept(!nodes.get(0).isVisible()));
    }

    private Label itemNode(PaletteItem item) {
        Label l = new Label(item.label(), Icons.of(item.icon()));
        l.getStyleClass().add("palette-item");
        l.setId("palette-" + item.idName());
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
