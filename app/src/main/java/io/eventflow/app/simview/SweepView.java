package io.eventflow.app.simview;

import io.eventflow.simulator.sweep.CombinationResult;
import io.eventflow.simulator.sweep.Goal;
import io.eventflow.simulator.sweep.Minimiser;
import io.eventflow.simulator.sweep.Stats;
import io.eventflow.simulator.sweep.SweepResult;
import io.eventflow.simulator.sweep.Variation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Sweep tab: on the left what to vary (added from the inspector's "Vary in sweep" or by name), seeds, run length,
 * goal and the setting to minimise; on the right the chosen figure against the varied settings, the minimise answer
 * and a table of the combinations, any of which applies to the design in one click (undoable).
 */
public final class SweepView extends SplitPane {
    private final SweepViewModel vm;
    private final VBox rowsBox = new VBox(4);
    private final ComboBox<String> figure = new ComboBox<>();
    private final SweepChart chart = new SweepChart();
    private final Label answer = new Label();
    private final Button applyAnswer = new Button();
    private final TableView<CombinationResult> table = new TableView<>();
    private final ComboBox<String> minimise = new ComboBox<>();
    private CombinationResult answerCombination;

    public SweepView(SweepViewModel vm) {
        this.vm = vm;
        setId("sweep-view");
        getStylesheets().add(SweepView.class.getResource("sweep.css").toExternalForm());
        ScrollPane left = new ScrollPane(settings());
        left.setFitToWidth(true);
        left.setMinWidth(280);
        getItems().addAll(left, results());
        setDividerPositions(0.26);
        vm.rows().addListener((ListChangeListener<SweepViewModel.Row>) c -> showRows());
        vm.resultProperty().addListener((o, a, r) -> showResult());
        vm.minimisedProperty().addListener((o, a, r) -> showAnswer());
        figure.valueProperty().addListener((o, a, b) -> showChart());
        showRows();
    }

    private VBox settings() {
        Label hint = new Label("Right-click a field in the inspector (instances, rate, partitions, nodes, concurrency,"
                + " prefetch, mean time) and choose \"Vary in sweep\", or add one by name.");
        hint.setWrapText(true);
        hint.getStyleClass().add("sweep-hint");
        TextField byName = new TextField();
        byName.setId("sweep-add-name");
        byName.setPromptText("billing.instances");
        Button add = new Button("Add");
        add.setId("sweep-add");
        add.setOnAction(e -> {
            if (!byName.getText().isBlank()) {
                vm.add(byName.getText().strip());
                byName.clear();
            }
        });
        byName.setOnAction(add.getOnAction());
        HBox addBox = new HBox(4, byName, add);
        HBox.setHgrow(byName, Priority.ALWAYS);

        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        TextField seeds = field("sweep-seeds", vm.seedsProperty(), "1..20");
        TextField duration = field("sweep-duration", vm.durationProperty(), "scenario's, else 60s");
        TextField goal = field("sweep-goal", vm.goalProperty(), "latencyMs.p99 < 200 and groups.billing.lost == 0");
        goal.setTooltip(new Tooltip("Figures of the report (latencyMs.p99, totals.lost, groups.G.maxLag, ...)"
                + " compared with numbers, joined by and/or"));
        TextField share = field("sweep-share", vm.shareProperty(), "95%");
        minimise.setId("sweep-minimise");
        minimise.setPromptText("(none: run every combination)");
        minimise.valueProperty().bindBidirectional(vm.minimiseProperty());
        minimise.setMaxWidth(Double.MAX_VALUE);
        Spinner<Integer> jobs = new Spinner<>(1, 64, vm.jobsProperty().get());
        jobs.setId("sweep-jobs");
        jobs.valueProperty().addListener((o, a, b) -> vm.jobsProperty().set(b));
        int r = 0;
        for (Object[] row : new Object[][] {
            {"Seeds", seeds},
            {"Duration", duration},
            {"Goal", goal},
            {"in at least", share},
            {"Minimise", minimise},
            {"Jobs", jobs}
        }) {
            g.add(new Label((String) row[0]), 0, r);
            javafx.scene.Node n = (javafx.scene.Node) row[1];
            GridPane.setHgrow(n, Priority.ALWAYS);
            g.add(n, 1, r++);
        }

        Button run = new Button("Run sweep");
        run.setId("sweep-run");
        run.setDefaultButton(false);
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        Button stop = new Button("Stop");
        stop.setId("sweep-stop");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("sweep-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label progress = new Label();
        progress.setId("sweep-progress-text");
        progress.textProperty().bind(vm.progressTextProperty());
        Label message = new Label();
        message.setId("sweep-message");
        message.setWrapText(true);
        message.getStyleClass().add("sweep-message");
        message.textProperty().bind(vm.messageProperty());
        VBox box = new VBox(
                6,
                section("Vary"),
                hint,
                rowsBox,
                addBox,
                section("Runs"),
                g,
                new HBox(6, run, stop),
                bar,
                progress,
                message);
        box.setPadding(new Insets(6));
        return box;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        f.setPromptText(prompt);
        return f;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-section");
        return l;
    }

    private void showRows() {
        rowsBox.getChildren().clear();
        for (SweepViewModel.Row row : vm.rows()) {
            Label name = new Label(row.name());
            name.getStyleClass().add("sweep-row-name");
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            TextField values = new TextField();
            values.setId("sweep-values-" + row.name().replaceAll("[^A-Za-z0-9_-]", "-"));
            values.textProperty().bindBidirectional(row.valuesProperty());
            values.setPromptText("1..8 or 3,6,12 or 1000/s..5000/s step 1000/s");
            Button remove = new Button("✕");
            remove.setTooltip(new Tooltip("Stop varying " + row.name()));
            remove.setOnAction(e -> vm.remove(row));
            values.setMaxWidth(Double.MAX_VALUE);
            rowsBox.getChildren().add(new VBox(2, new HBox(4, name, remove), values));
        }
        String chosen = minimise.getValue();
        minimise.getItems()
                .setAll(vm.rows().stream().map(SweepViewModel.Row::name).toList());
        minimise.getItems().add(0, null);
        minimise.setValue(minimise.getItems().contains(chosen) ? chosen : null);
    }

    private VBox results() {
        figure.setId("sweep-figure");
        figure.setPromptText("figure");
        Label empty = new Label("Run a sweep to see how the figures spread over seeds and settings.");
        empty.getStyleClass().add("sweep-hint");
        empty.visibleProperty().bind(vm.resultProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());
        answer.setId("sweep-answer");
        answer.setWrapText(true);
        applyAnswer.setId("sweep-apply-answer");
        applyAnswer.setOnAction(e -> vm.apply(answerCombination));
        HBox answerBox = new HBox(8, answer, applyAnswer);
        answerBox.visibleProperty().bind(vm.minimisedProperty().isNotNull());
        answerBox.managedProperty().bind(answerBox.visibleProperty());
        chart.setId("sweep-chart");
        Button apply = new Button("Apply to design");
        apply.setId("sweep-apply");
        apply.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        apply.setOnAction(e -> vm.apply(table.getSelectionModel().getSelectedItem()));
        table.setId("sweep-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label figureLabel = new Label("Figure");
        figureLabel.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        apply.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        HBox top = new HBox(8, figureLabel, figure, apply);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        SplitPane chartAndTable = new SplitPane(chart, table);
        chartAndTable.setDividerPositions(0.6);
        VBox.setVgrow(chartAndTable, Priority.ALWAYS);
        VBox box = new VBox(6, top, empty, answerBox, chartAndTable);
        box.setPadding(new Insets(6));
        return box;
    }

    private void showResult() {
        SweepResult r = vm.resultProperty().get();
        table.getItems().clear();
        table.getColumns().clear();
        if (r == null) {
            chart.clear();
            return;
        }
        List<String> names = new ArrayList<>();
        r.combinations().stream().filter(c -> c.runs() > 0).findFirst().ifPresent(c -> names.addAll(c.figureNames()));
        String keep = figure.getValue();
        figure.getItems().setAll(names);
        String first = r.spec().goal() == null
                ? "latencyMs.p99"
                : r.spec().goal().paths().iterator().next();
        figure.setValue(
                names.contains(keep) ? keep : names.contains(first) ? first : names.isEmpty() ? null : names.get(0));
        columns(r);
        table.getItems().setAll(r.combinations());
        showChart();
    }

    private void columns(SweepResult r) {
        List<Variation> vs = r.spec().variations();
        for (int i = 0; i < vs.size(); i++) {
            int at = i;
            table.getColumns()
                    .add(column(
                            vs.get(i).name(),
                            c -> c.combination().values().get(at).text()));
        }
        table.getColumns().add(column("runs", c -> Long.toString(c.runs())));
        if (r.spec().goal() != null) {
            table.getColumns().add(column("goal met", c -> percent(c.goalShare()) + (r.meetsGoal(c) ? " ✓" : " ✗")));
        }
        table.getColumns().add(column("p50", c -> stat(c, Stats::p50)));
        table.getColumns().add(column("p5 – p95", c -> stat(c, Stats::p5) + " – " + stat(c, Stats::p95)));
        table.getColumns()
                .add(column(
                        "mean (95%)",
                        c -> {
                            Stats s = c.stats(figure.getValue());
                            return s == null
                                    ? ""
                                    : SweepChart.fmt(s.mean()) + " ± " + SweepChart.fmt(s.meanHigh() - s.mean());
                        }));
    }

    private String stat(CombinationResult c, java.util.function.ToDoubleFunction<Stats> f) {
        Stats s = figure.getValue() == null ? null : c.stats(figure.getValue());
        return s == null ? "" : SweepChart.fmt(f.applyAsDouble(s));
    }

    private static TableColumn<CombinationResult, String> column(
            String name, java.util.function.Function<CombinationResult, String> text) {
        TableColumn<CombinationResult, String> col = new TableColumn<>(name);
        col.setCellValueFactory(c -> Bindings.createStringBinding(() -> text.apply(c.getValue())));
        col.setSortable(false);
        return col;
    }

    private void showChart() {
        SweepResult r = vm.resultProperty().get();
        String f = figure.getValue();
        if (r == null || f == null) {
            chart.clear();
            return;
        }
        List<Variation> vs = r.spec().variations();
        // one setting: the figure against it, as a band; several: a box per combination, in sweep order
        int axis = vs.size() == 1 ? 0 : -1;
        boolean band = axis == 0;
        List<CombinationResult> shown = new ArrayList<>(r.combinations());
        shown.sort(
                band
                        ? java.util.Comparator.comparingDouble(
                                c -> c.combination().values().get(0).number())
                        : java.util.Comparator.comparingInt(c -> c.combination().index()));
        List<SweepChart.Item> items = new ArrayList<>();
        for (CombinationResult c : shown) {
            Stats s = c.stats(f);
            if (s == null || c.runs() == 0) {
                continue;
            }
            String label = band
                    ? c.combination().values().get(0).text()
                    : String.join(
                            " · ",
                            c.combination().values().stream().map(v -> v.text()).toList());
            double x = band ? c.combination().values().get(0).number() : items.size();
            items.add(new SweepChart.Item(label, x, s, r.spec().goal() == null ? null : r.meetsGoal(c)));
        }
        List<Double> goals = new ArrayList<>();
        if (r.spec().goal() != null) {
            for (Goal.Clause c : r.spec().goal().clauses()) {
                if (c.path().equals(f)) {
                    goals.add(c.value());
                }
            }
        }
        String xName = vs.isEmpty()
                ? "(design as is)"
                : band
                        ? vs.get(0).name()
                        : String.join(" · ", vs.stream().map(Variation::name).toList());
        chart.show(f, xName, band, items, goals);
        table.refresh();
    }

    private void showAnswer() {
        Minimiser.Result m = vm.minimisedProperty().get();
        answerCombination = null;
        if (m == null || m.answers().isEmpty()) {
            applyAnswer.setVisible(false);
            return;
        }
        Minimiser.Answer a = m.answers().get(0);
        int at = m.sweep().spec().variations().indexOf(m.variation());
        String share = percent(m.sweep().spec().share());
        if (a.answer() == null) {
            answer.setText("No value of " + m.variation().name() + " meets the goal in " + share + " of seeds"
                    + (a.below() == null
                            ? ""
                            : " (at " + text(a.below(), at) + ": "
                                    + percent(a.below().goalShare()) + ")"));
            applyAnswer.setVisible(false);
            return;
        }
        answerCombination = a.answer();
        answer.setText(String.format(
                Locale.ROOT,
                "Smallest %s meeting the goal in %s of seeds: %s (met in %s)%s%s",
                m.variation().name(),
                share,
                text(a.answer(), at),
                percent(a.answer().goalShare()),
                a.below() == null
                        ? ""
                        : "; " + text(a.below(), at) + " met it in "
                                + percent(a.below().goalShare()),
                m.answers().size() > 1 ? " (first of " + m.answers().size() + " combinations of the others)" : ""));
        applyAnswer.setText("Apply " + m.variation().name() + " = " + text(a.answer(), at));
        applyAnswer.setVisible(true);
    }

    private static String text(CombinationResult c, int at) {
        return c.combination().values().get(at).text();
    }

    private static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    /** The chart, for tests. */
    SweepChart chart() {
        return chart;
    }
}
