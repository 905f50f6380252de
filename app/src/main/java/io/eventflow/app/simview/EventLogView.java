package io.eventflow.app.simview;

import io.eventflow.simulator.trace.TraceEvent;
import java.util.Locale;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The event log (a virtualized table of the trace stream, filterable by element, kind and time) beside the trace
 * panel: type a correlation id or pick a row to list every hop of that id with timings and light its path.
 */
final class EventLogView extends SplitPane {
    static final String ANY = "(any kind)";
    private final FilteredList<TraceEvent> filtered;
    private final TextField element = new TextField();
    private final ComboBox<String> kind = new ComboBox<>();
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final TextField correlation = new TextField();
    private final TableView<TracePath.Hop> hops = new TableView<>();
    private final Label traceInfo = new Label();
    private final TableView<TraceEvent> table = new TableView<>();
    private final Label skipped = new Label();
    private final ColumnWidths widths = new ColumnWidths();

    EventLogView(LiveModel live, LongConsumer trace) {
        setId("sim-log");
        filtered = new FilteredList<>(live.log(), e -> true);
        table.setId("sim-log-table");
        table.setItems(filtered);
        table.getColumns().add(col("time ms", e -> String.format(Locale.ROOT, "%.3f", e.time() / 1e6)));
        table.getColumns().add(col("kind", TraceEvent::kind));
        table.getColumns().add(col("element", TraceEvent::element));
        table.getColumns().add(col("group", e -> e instanceof TraceEvent.MessageEvent m ? m.group() : ""));
        table.getColumns().add(col("message", e -> e.messageId() < 0 ? "" : Long.toString(e.messageId())));
        table.getColumns().add(col("correlation", e -> e.correlationId() < 0 ? "" : Long.toString(e.correlationId())));
        table.getColumns().add(col("detail", TracePath::detail));
        // Columns take the width of their content (and grow as wider values arrive); the user can resize each.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnWidths.fit(table, "1,200,000.000", "dead-lettered", "element", "group", "1000000", "1000000", "");
        table.getColumns().get(6).setPrefWidth(320);
        live.log().addListener((javafx.collections.ListChangeListener<TraceEvent>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    // Only the columns with few distinct values follow their content; ids and times have fixed widths.
                    for (TraceEvent e : c.getAddedSubList()) {
                        widths.grow(table.getColumns().get(1), e.kind());
                        widths.grow(table.getColumns().get(2), e.element());
                        widths.grow(table.getColumns().get(3), e instanceof TraceEvent.MessageEvent m ? m.group() : "");
                    }
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.correlationId() >= 0) {
                correlation.setText(Long.toString(b.correlationId()));
                trace.accept(b.correlationId());
            }
        });
        element.setPromptText("element");
        element.setId("log-element");
        kind.getItems().add(ANY);
        for (String k : new String[] {
            "published",
            "stored",
            "delivered",
            "processed",
            "committed",
            "acked",
            "retried",
            "dead-lettered",
            "dropped",
            "duplicated",
            "expired",
            "evicted",
            "redelivered",
            "reprocessed",
            "fault-started",
            "fault-ended",
            "action-applied",
            "rebalanced",
            "sim-failed"
        }) {
            kind.getItems().add(k);
        }
        kind.setValue(ANY);
        kind.setId("log-kind");
        from.setPromptText("from ms");
        to.setPromptText("to ms");
        from.setPrefColumnCount(5);
        to.setPrefColumnCount(5);
        for (var f : new TextField[] {element, from, to}) {
            f.textProperty().addListener(o -> refilter());
        }
        kind.valueProperty().addListener(o -> refilter());
        skipped.setId("log-skipped");
        VBox left = new VBox(4, new HBox(6, element, kind, from, to, skipped), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        correlation.setId("trace-id");
        correlation.setPromptText("correlation id");
        Button go = new Button("Trace");
        go.setId("trace-go");
        go.setOnAction(e -> {
            try {
                trace.accept(Long.parseLong(correlation.getText().trim()));
            } catch (NumberFormatException x) {
                traceInfo.setText("A correlation id is a whole number, e.g. 17");
            }
        });
        correlation.setOnAction(go.getOnAction());
        hops.setId("trace-hops");
        hops.getColumns().add(hopCol("+ms", h -> String.format(Locale.ROOT, "%.3f", h.sinceStartMs())));
        hops.getColumns().add(hopCol("kind", TracePath.Hop::kind));
        hops.getColumns().add(hopCol("element", TracePath.Hop::element));
        hops.getColumns().add(hopCol("message", h -> Long.toString(h.messageId())));
        hops.getColumns().add(hopCol("detail", TracePath.Hop::detail));
        hops.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnWidths.fit(
                hops, "1,200,000.000", "dead-lettered", "shipments-dlq/2", "1000000", "partition 2 offset 12345");
        traceInfo.setId("trace-info");
        VBox right = new VBox(4, new HBox(6, correlation, go), traceInfo, hops);
        VBox.setVgrow(hops, Priority.ALWAYS);
        getItems().addAll(left, right);
        setDividerPositions(0.6);
    }

    void showPath(TracePath p) {
        hops.getItems().setAll(p.hops());
        ColumnWidths.grow(hops, p.hops());
        correlation.setText(Long.toString(p.correlationId()));
        traceInfo.setText(
                p.hops().isEmpty()
                        ? "Nothing in the trace for " + p.correlationId()
                                + " (it may have scrolled out of the trace buffer)"
                        : String.format(
                                        Locale.ROOT,
                                        "%d hops over %.3f ms across %s",
                                        p.hops().size(),
                                        p.hops().get(p.hops().size() - 1).sinceStartMs(),
                                        String.join(" → ", p.edges()))
                                + (p.hops().get(0).kind().equals("published")
                                        ? ""
                                        : " (its first hops have left the trace buffer)"));
    }

    private void refilter() {
        String el = element.getText().trim();
        String k = kind.getValue();
        double lo = parse(from.getText(), Double.NEGATIVE_INFINITY);
        double hi = parse(to.getText(), Double.POSITIVE_INFINITY);
        filtered.setPredicate(e -> (el.isEmpty() || e.element().contains(el))
                && (k == null || k.equals(ANY) || e.kind().equals(k))
                && e.time() / 1e6 >= lo
                && e.time() / 1e6 <= hi);
    }

    private static double parse(String s, double dflt) {
        try {
            return s == null || s.isBlank() ? dflt : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static TableColumn<TraceEvent, String> col(String name, java.util.function.Function<TraceEvent, String> f) {
        TableColumn<TraceEvent, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static TableColumn<TracePath.Hop, String> hopCol(
            String name, java.util.function.Function<TracePath.Hop, String> f) {
        TableColumn<TracePath.Hop, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /** Shows the rows only while the tab is visible: a hidden table need not follow every change. */
    void setShowing(boolean on) {
        // An empty list, not null: a TableView with null items throws from its selection and focus models.
        table.getSelectionModel().clearSelection();
        table.setItems(on ? filtered : FXCollections.emptyObservableList());
    }

    /** Says how many trace events went by too fast to be listed (the counters still include them). */
    void setSkipped(long n) {
        skipped.setText(n == 0 ? "" : String.format(Locale.ROOT, "%,d events not listed (too fast)", n));
    }

    /** Keeps the newest rows in view while nothing is selected. */
    void follow() {
        if (table.getSelectionModel().isEmpty() && !filtered.isEmpty()) {
            table.scrollTo(filtered.size() - 1);
        }
    }

    TableView<TraceEvent> table() {
        return table;
    }
}
