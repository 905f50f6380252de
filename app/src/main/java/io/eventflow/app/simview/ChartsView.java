package io.eventflow.app.simview;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Live charts over simulated time: throughput, latency p50/p99, lag and depth (whole design or selection). */
final class ChartsView extends VBox {
    private final Label title = new Label();
    private final XYChart.Series<Number, Number> throughput = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> p50 = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> p99 = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> lag = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> depth = new XYChart.Series<>();
    private final LineChart<Number, Number> depthChart = chart("Channel depth", "msgs", depth);

    ChartsView() {
        setId("sim-charts");
        throughput.setName("processed/s");
        p50.setName("p50 ms");
        p99.setName("p99 ms");
        lag.setName("lag");
        depth.setName("depth");
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.add(chart("Throughput", "processed/s", throughput), 0, 0);
        grid.add(chart("Latency", "ms", p50, p99), 1, 0);
        grid.add(chart("Consumer lag", "msgs", lag), 2, 0);
        grid.add(depthChart, 3, 0);
        // The charts take the panel's whole height as it grows.
        var row = new javafx.scene.layout.RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        row.setFillHeight(true);
        grid.getRowConstraints().add(row);
        for (int i = 0; i < 4; i++) {
            var cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(25);
            grid.getColumnConstraints().add(cc);
        }
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(title, grid);
        setTitle(null);
    }

    @SafeVarargs
    private static LineChart<Number, Number> chart(String name, String unit, XYChart.Series<Number, Number>... series) {
        NumberAxis x = new NumberAxis();
        x.setLabel("simulated s");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setTitle(name);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setLegendVisible(series.length > 1);
        c.setMinHeight(120);
        c.setMaxHeight(Double.MAX_VALUE);
        c.getData().addAll(series);
        return c;
    }

    /** Names what is charted; a service's fourth chart is the depth of the channels it reads (its backlog). */
    void setTitle(String element, boolean service) {
        title.setText(
                element == null ? "Whole design (select a service or channel to chart it)" : "Selected: " + element);
        depthChart.setTitle(service ? "Backlog (depth of the channels it reads)" : "Channel depth");
    }

    void setTitle(String element) {
        setTitle(element, false);
    }

    void clear() {
        for (var s : java.util.List.of(throughput, p50, p99, lag, depth)) {
            s.getData().clear();
        }
    }

    void add(Metrics.Sample x) {
        point(throughput, x.t(), x.throughput());
        point(p50, x.t(), x.p50());
        point(p99, x.t(), x.p99());
        point(lag, x.t(), x.lag());
        point(depth, x.t(), x.depth());
    }

    private static void point(XYChart.Series<Number, Number> s, double t, double v) {
        s.getData().add(new XYChart.Data<>(t, v)); // at most Metrics.MAX_SAMPLES: the series thin themselves
    }

    /** Replays every sample (after the selection changed or the series were thinned). */
    void setAll(java.util.List<Metrics.Sample> samples) {
        for (var s : java.util.List.of(throughput, p50, p99, lag, depth)) {
            s.getData().clear();
        }
        samples.forEach(this::add);
    }
}
