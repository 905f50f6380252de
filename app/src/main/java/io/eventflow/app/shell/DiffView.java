package io.eventflow.app.shell;

import io.eventflow.model.diff.Change;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Diff panel: every change from the earlier version, breaking ones in red; clicking one reveals its element. */
final class DiffView extends VBox {
    private static final PseudoClass BREAKING = PseudoClass.getPseudoClass("breaking");

    DiffView(DiffViewModel vm, Consumer<String> reveal) {
        setId("diff");
        getStyleClass().add("diff-panel");
        Label summary = new Label();
        summary.setId("diff-summary");
        summary.getStyleClass().add("diff-summary");
        summary.textProperty().bind(vm.summaryProperty());
        TableView<Change> table = new TableView<>(vm.getChanges());
        table.setId("diff-changes");
        table.setPlaceholder(new Label("No change: the design is as the earlier version."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Verdict", 80, c -> c.breaking() ? "breaking" : "ok"));
        table.getColumns().add(column("Producers", 110, c -> c.producers().key()));
        table.getColumns().add(column("Consumers", 110, c -> c.consumers().key()));
        table.getColumns().add(column("Element", 130, c -> c.element() == null ? "" : c.element()));
        table.getColumns().add(column("Change", 600, Change::summary));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Change c, boolean empty) {
                super.updateItem(c, empty);
                pseudoClassStateChanged(BREAKING, !empty && c != null && c.breaking());
                // the whole change (a narrow dock cuts it short) and its stable id
                setTooltip(
                        empty || c == null
                                ? null
                                : new Tooltip(c.summary() + "\n" + c.id()
                                        + (c.mode() == null ? "" : "  (mode " + c.mode() + ")")));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, c) -> {
            if (c != null && vm.exists(c.element())) {
                reveal.accept(c.element());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(summary, table);
    }

    private static TableColumn<Change, String> column(
            String title, double width, java.util.function.Function<Change, String> value) {
        TableColumn<Change, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        // the table narrows its columns to fit the dock: the short ones keep their headers readable
        c.setMinWidth(Math.min(width, 110));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        return c;
    }
}
