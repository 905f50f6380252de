package io.eventflow.app.simview;

import io.eventflow.live.ReportComparison;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Run tab's comparison after a live run: every figure of the report as simulated (same design, scenario and seed)
 * and as measured live, with the difference; rows that differ are highlighted ({@code compare-differs}), strongly where they
 * differ by more than 10% ({@code compare-far}), as {@code eventflow live --compare} prints them.
 */
final class ComparisonView extends VBox {
    private final Label title = new Label();
    private final Label notes = new Label();
    private final TableView<ReportComparison.Row> table = new TableView<>();

    ComparisonView() {
        setId("live-comparison");
        setSpacing(4);
        title.getStyleClass().add("section-title");
        title.setId("live-comparison-title");
        notes.setWrapText(true);
        notes.setId("live-comparison-notes");
        table.setId("live-comparison-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("group", r -> r.group() == null ? "totals" : r.group()));
        // the group column says "totals" already: the figure is named without that prefix ("published")
        table.getColumns()
                .add(column(
                        "figure",
                        r -> r.group() == null && r.figure().startsWith("totals.")
                                ? r.figure().substring("totals.".length())
                                : r.figure()));
        table.getColumns().get(1).setPrefWidth(120);
        table.getColumns().add(column("simulated", ReportComparison.Row::simulatedText));
        table.getColumns().add(column("live", ReportComparison.Row::liveText));
        table.getColumns().add(column("difference", ReportComparison.Row::differenceText));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ReportComparison.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("compare-differs", "compare-far");
                if (!empty && r != null && r.differs()) {
                    getStyleClass().add(r.far() ? "compare-far" : "compare-differs");
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, notes, table);
        show(null);
    }

    private static TableColumn<ReportComparison.Row, String> column(
            String name, java.util.function.Function<ReportComparison.Row, String> value) {
        TableColumn<ReportComparison.Row, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /** Shows a finished live run beside its simulation, or nothing (hidden) for null. */
    void show(SimSession.LiveComparison c) {
        boolean on = c != null;
        setVisible(on);
        setManaged(on);
        if (!on) {
            table.getItems().clear();
            return;
        }
        StringBuilder n = new StringBuilder();
        if (c.note() != null) {
            n.append(c.note()).append('\n');
        }
        c.notes().forEach(x -> n.append(x).append('\n'));
        notes.setText(n.toString().strip());
        if (c.simulated() == null) {
            title.setText("Live run: no simulation to compare with");
            table.getItems().clear();
            return;
        }
        long differing = ReportComparison.rows(c.simulated(), c.live()).stream()
                .filter(ReportComparison.Row::far)
                .count();
        title.setText(String.format(
                java.util.Locale.ROOT,
                "Simulated vs live (seed %d): %d figures differ by more than 10%%; conservation: simulated %s, live %s",
                c.live().seed(),
                differing,
                c.simulated().ok() ? "holds" : "VIOLATED",
                c.live().ok() ? "holds" : "VIOLATED"));
        table.getItems().setAll(ReportComparison.rows(c.simulated(), c.live()));
    }

    TableView<ReportComparison.Row> table() {
        return table;
    }
}
