package io.eventflow.app.shell;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.app.fx.Icons;
import io.eventflow.model.validate.Problem;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** The problems panel: validation errors and lint findings, live; clicking one reveals its element. */
final class ProblemsView extends TableView<Problem> {
    ProblemsView(DocumentViewModel doc, Consumer<String> reveal) {
        setId("problems");
        getStyleClass().add("problems");
        setItems(doc.getProblems());
        setPlaceholder(new Label("No problems: the design is valid."));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Problem, Problem> sev = new TableColumn<>("");
        sev.setPrefWidth(34);
        sev.setMaxWidth(34);
        sev.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        sev.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setGraphic(null);
                    return;
                }
                var icon =
                        switch (p.severity()) {
                            case ERROR -> Icons.of(MaterialDesignA.ALERT_CIRCLE);
                            case WARNING -> Icons.of(MaterialDesignA.ALERT);
                            case INFO -> Icons.of(MaterialDesignI.INFORMATION);
                        };
                icon.getStyleClass().add("severity-" + p.severity().key());
                setGraphic(icon);
            }
        });
        getColumns().add(sev);
        getColumns().add(column("Rule", 70, Problem::rule));
        getColumns().add(column("Element", 130, p -> p.element() == null ? "" : p.element()));
        TableColumn<Problem, String> text =
                column("Problem", 600, p -> p.message() + (p.hint() == null ? "" : "  — " + p.hint()));
        getColumns().add(text);
        // The whole message and hint, however narrow the column: as a tooltip of the row.
        setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setTooltip(empty || p == null ? null : tooltip(p));
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && p.element() != null) {
                reveal.accept(p.element());
            }
        });
    }

    /** The full text of a problem: rule, element, message, hint and where in the file. */
    static String detail(Problem p) {
        StringBuilder b =
                new StringBuilder(p.rule()).append(' ').append(p.severity().key());
        if (p.element() != null) {
            b.append(" · ").append(p.element());
        }
        b.append('\n').append(p.message());
        if (p.hint() != null) {
            b.append("\nHow to fix: ").append(p.hint());
        }
        if (p.line() > 0) {
            b.append("\nLine ").append(p.line()).append(p.column() > 0 ? ", column " + p.column() : "");
        }
        return b.toString();
    }

    private static javafx.scene.control.Tooltip tooltip(Problem p) {
        javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip(detail(p));
        t.setWrapText(true);
        t.setMaxWidth(560);
        t.setShowDelay(javafx.util.Duration.millis(300));
        return t;
    }

    private static TableColumn<Problem, String> column(
            String title, double width, java.util.function.Function<Problem, String> value) {
        TableColumn<Problem, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        return c;
    }
}
