package io.eventflow.app.shell;

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
        getColumns().add(column("Problem", 600, p -> p.message() + (p.hint() == null ? "" : "  — " + p.hint())));
        getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && p.element() != null) {
                reveal.accept(p.element());
            }
        });
    }

    private static TableColumn<Problem, String> column(
            String title, double width, java.util.function.Function<Problem, String> value) {
        TableColumn<Problem, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        return c;
    }
}
