package io.eventflow.app.simview;

import io.eventflow.simulator.report.SimulationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.tinylog.Logger;

/** The counters of the report (published, processed, duplicates, lost by cause, ...) and the report export. */
final class CountersView extends VBox {
    private final Map<String, Label> values = new LinkedHashMap<>();
    private final Label lostBy = new Label();
    private final TextArea table = new TextArea();
    private final SimSession session;
    private final Supplier<java.util.List<Metrics.Sample>> samples;
    private final Label exported = new Label();

    private final Supplier<Path> designFile;

    CountersView(SimSession session, Supplier<java.util.List<Metrics.Sample>> samples, Supplier<Path> designFile) {
        this.session = session;
        this.samples = samples;
        this.designFile = designFile;
        setId("sim-counters");
        setSpacing(6);
        FlowPane cards = new FlowPane(8, 8);
        for (String k : new String[] {
            "published",
            "processed",
            "duplicates",
            "reprocessed",
            "lost",
            "dead-lettered",
            "retries",
            "redelivered",
            "in flight",
            "p50 ms",
            "p99 ms"
        }) {
            Label v = new Label("0");
            v.setId("count-" + k.replace(' ', '-'));
            v.getStyleClass().add("counter-value");
            VBox card = new VBox(new Label(k), v);
            card.getStyleClass().add("counter-card");
            String why = explanation(k);
            if (why != null) {
                javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip(why);
                t.setWrapText(true);
                t.setMaxWidth(380);
                javafx.scene.control.Tooltip.install(card, t);
            }
            card.setMinWidth(90);
            cards.getChildren().add(card);
            values.put(k, v);
        }
        lostBy.setId("count-lost-by");
        Button json = new Button("Export JSON…");
        json.setOnAction(e -> export("json"));
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> export("csv"));
        Button html = new Button("Export HTML…");
        html.setOnAction(e -> export("html"));
        Button asScenario = new Button("Save as scenario…");
        asScenario.setId("save-run-as-scenario");
        asScenario.setTooltip(new javafx.scene.control.Tooltip(
                "Save this run as it happened: the scenario's faults plus those injected by hand, at their simulated"
                        + " times, with the run's seed. Running it again gives the same report."));
        asScenario.setOnAction(e -> export("scenario"));
        table.setId("run-summary");
        table.setEditable(false);
        table.setStyle("-fx-font-family: monospace;");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(cards, lostBy, new HBox(8, json, csv, html, asScenario, exported), table);
    }

    /** What a counter means, where it is not obvious (shown as the card's tooltip). */
    static String explanation(String counter) {
        return switch (counter) {
            case "dead-lettered" -> "Messages that are in a dead-letter channel now (their last state)."
                    + " A re-drive moves them back to be processed again: they leave this count, and the channel"
                    + " they are re-driven to counts them as published again.";
            case "duplicates" -> "Messages processed more than once by the same group (at-least-once after a crash"
                    + " or redelivery).";
            case "reprocessed" -> "Messages processed again on purpose (a replay), not counted as duplicates.";
            case "in flight" -> "Messages owed to a group and not yet processed, lost or dead-lettered.";
            case "redelivered" -> "Deliveries of a message the group had received before (after a crash, a timeout"
                    + " or a nack).";
            default -> null;
        };
    }

    void update(SimulationReport r) {
        update(r, false);
    }

    /** Shows {@code r}; {@code live} when it is a live run's report (its text says so). */
    void update(SimulationReport r, boolean live) {
        if (r == null) {
            return;
        }
        SimulationReport.Totals t = r.totals();
        set("published", t.published());
        set("processed", t.processed());
        set("duplicates", t.duplicates());
        set("reprocessed", t.reprocessed());
        set("lost", t.lost());
        set("dead-lettered", t.deadLettered());
        set("retries", t.retries());
        set("redelivered", t.redelivered());
        set("in flight", t.inFlight());
        values.get("p50 ms")
                .setText(String.format(Locale.ROOT, "%.2f", r.latencyMs().p50()));
        values.get("p99 ms")
                .setText(String.format(Locale.ROOT, "%.2f", r.latencyMs().p99()));
        StringBuilder b = new StringBuilder("Lost by cause: ");
        r.lostByCause().forEach((k, v) -> {
            if (v > 0) {
                b.append(k).append(' ').append(v).append("  ");
            }
        });
        if (r.lostByCause().values().stream().noneMatch(v -> v > 0)) {
            b.append("none");
        }
        SimulationReport.Tampering tampering = r.tampering();
        if (tampering != null) {
            // runs with a tamper fault: what verifying consumers rejected and what the others accepted unverified
            b.append(String.format(
                    Locale.ROOT,
                    "   Tampered %,d: rejected %,d, accepted unverified %,d",
                    tampering.tampered(),
                    tampering.rejected(),
                    tampering.accepted()));
        }
        lostBy.setText(b.toString());
        table.setText(r.summaryTable(live));
    }

    private void set(String k, long v) {
        values.get(k).setText(String.format(Locale.ROOT, "%,d", v));
    }

    private void export(String kind) {
        SimulationReport r = session.reportProperty().get();
        if (r == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        // Beside the design, named after it: orders.eventflow.yaml → orders-report.html, orders-run.scenario.yaml.
        Path design = designFile.get();
        String base = design == null
                ? "simulation"
                : design.getFileName().toString().replaceFirst("\\.eventflow\\.yaml$|\\.ya?ml$", "");
        fc.setInitialFileName(base + (kind.equals("scenario") ? "-run.scenario.yaml" : "-report." + kind));
        if (design != null && design.toAbsolutePath().getParent() != null) {
            fc.setInitialDirectory(design.toAbsolutePath().getParent().toFile());
        }
        java.io.File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            write(kind, f.toPath(), r);
        }
    }

    /** Writes the report in one of the formats; the label beside the buttons says where or what went wrong. */
    void write(String kind, Path file, SimulationReport r) {
        RunRecord record = session.runner().record();
        // a live run has no faults by hand, and ran the session's scenario as it is
        java.util.List<Object> byHand = session.isLive() ? java.util.List.of() : record.byHand();
        io.eventflow.simulator.scenario.Scenario asRun =
                session.isLive() ? session.scenarioProperty().get() : record.asRun();
        String text =
                switch (kind) {
                    case "json" -> ReportExport.json(r, byHand);
                    case "csv" -> ReportExport.csv(r, byHand);
                    case "scenario" -> ScenarioYaml.write(
                            asRun,
                            "The run of " + r.design() + " as it happened (seed " + r.seed() + "), saved by EventFlow"
                                    + " Studio:\nthe scenario's faults and actions plus " + byHand.size()
                                    + " injected by hand, at their simulated times.");
                    default -> ReportExport.html(r, samples.get(), asRun, byHand);
                };
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            exported.setText("Saved " + file.getFileName());
            io.eventflow.app.fx.ExportNotice.show(
                    getScene() == null ? null : getScene().getWindow(),
                    kind.equals("scenario") ? "Run as scenario" : "Simulation report (" + kind.toUpperCase() + ")",
                    file);
        } catch (IOException e) {
            Logger.error(e, "cannot write the report to {}", file);
            exported.setText("Could not save " + file + ": " + e.getMessage());
        }
    }
}
