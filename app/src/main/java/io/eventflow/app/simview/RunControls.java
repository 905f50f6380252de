package io.eventflow.app.simview;

import io.eventflow.app.fx.Icons;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.tinylog.Logger;

/**
 * The run controls shown in Simulate mode: run/pause, step, reset, run until, speed (0.01× to 10,000×, log slider)
 * and flat out, seed, duration, scenario and the simulated clock.
 */
final class RunControls extends javafx.scene.layout.FlowPane {
    private final SimSession session;
    private final Supplier<Path> designFile;
    private final ComboBox<ScenarioCatalog.Choice> scenarios = new ComboBox<>();
    private final Label message = new Label();
    private final ComboBox<RunTarget> target = new ComboBox<>();
    private final Runnable connections;

    RunControls(SimSession session, Supplier<Path> designFile) {
        this(session, designFile, null);
    }

    /** @param connections opens the connection settings of configured brokers (null: no button) */
    RunControls(SimSession session, Supplier<Path> designFile, Runnable connections) {
        super(6, 4);
        this.session = session;
        this.designFile = designFile;
        this.connections = connections;
        getStyleClass().add("run-controls");
        setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setId("run-controls");
        createView();
    }

    private void createView() {
        Button run = new Button("Run", Icons.of(MaterialDesignP.PLAY));
        run.setId("sim-run");
        run.setTooltip(new Tooltip("Run or pause (F5)"));
        run.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> session.stateProperty().get() == SimulationRunner.State.RUNNING ? "Pause" : "Run",
                        session.stateProperty()));
        run.graphicProperty()
                .bind(Bindings.createObjectBinding(
                        () -> Icons.of(
                                session.stateProperty().get() == SimulationRunner.State.RUNNING
                                        ? MaterialDesignP.PAUSE
                                        : MaterialDesignP.PLAY),
                        session.stateProperty()));
        run.setOnAction(e -> guarded(session::toggleRun));
        target.setId("sim-target");
        target.getItems().setAll(RunTarget.values());
        target.valueProperty().bindBidirectional(session.targetProperty());
        Tooltip targetTip = new Tooltip();
        targetTip.setWrapText(true);
        targetTip.setMaxWidth(420);
        targetTip
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> session.targetProperty().get().help(), session.targetProperty()));
        target.setTooltip(targetTip);
        // a new target applies to a new run: the current one is reset (a live run stops and tears down)
        session.targetProperty().addListener((o, a, b) -> guarded(session::reset));
        javafx.beans.binding.BooleanBinding live = Bindings.createBooleanBinding(
                () -> session.targetProperty().get().live(), session.targetProperty());
        Button step = new Button("Step", Icons.of(MaterialDesignS.SKIP_NEXT));
        step.setId("sim-step");
        step.setTooltip(new Tooltip("Fire the next event"));
        step.setOnAction(e -> guarded(() -> {
            ensureRun();
            session.runner().step();
        }));
        Button reset = new Button("Reset", Icons.of(MaterialDesignR.RESTART));
        reset.setId("sim-reset");
        reset.setTooltip(new Tooltip("Start over with the current design, scenario, seed and duration (Shift+F5)"));
        reset.setOnAction(e -> guarded(session::reset));
        TextField until = new TextField();
        until.setId("sim-until");
        until.setPromptText("run until, e.g. 30s");
        until.setPrefColumnCount(7);
        until.setOnAction(e -> guarded(() -> {
            ensureRun();
            session.runner().runUntil(TimeSpan.parse(until.getText().trim()).nanos());
        }));
        step.disableProperty().bind(live);
        until.disableProperty().bind(live);
        Slider speed = new Slider(-2, 4, 0);
        speed.setId("sim-speed");
        speed.setPrefWidth(230);
        // Logarithmic: one stop per factor of ten, labelled 0.01× … 10k×.
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.setBlockIncrement(0.5);
        speed.setShowTickMarks(true);
        speed.setShowTickLabels(true);
        speed.setLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double exponent) {
                return stopLabel(exponent);
            }

            @Override
            public Double fromString(String text) {
                return 0.0;
            }
        });
        speed.setTooltip(new Tooltip("Speed: simulated seconds per wall second, 0.01× to 10,000×"));
        speed.valueProperty().addListener((o, a, b) -> session.speedProperty().set(Math.pow(10, b.doubleValue())));
        Label speedLabel = new Label();
        speedLabel.setMinWidth(64);
        speedLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> session.flatOutProperty().get()
                                ? "flat out"
                                : speedText(session.speedProperty().get()),
                        session.speedProperty(),
                        session.flatOutProperty()));
        ToggleButton flat = new ToggleButton("Flat out");
        flat.setId("sim-flat-out");
        flat.selectedProperty().bindBidirectional(session.flatOutProperty());
        speed.disableProperty().bind(flat.selectedProperty().or(live));
        flat.disableProperty().bind(live);
        TextField seed = new TextField();
        seed.setId("sim-seed");
        seed.setPromptText("seed");
        seed.setPrefColumnCount(4);
        seed.textProperty().bindBidirectional(session.seedProperty());
        TextField duration = new TextField();
        duration.setId("sim-duration");
        duration.setPromptText("duration");
        duration.setPrefColumnCount(5);
        duration.textProperty().bindBidirectional(session.durationProperty());
        scenarios.setId("sim-scenario");
        scenarios.setPrefWidth(230);
        scenarios.setOnShowing(e -> refreshScenarios());
        scenarios.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != a) {
                loadScenario(b);
            }
        });
        Label clock = new Label();
        clock.setId("sim-clock");
        clock.getStyleClass().add("sim-clock");
        clock.textProperty().bind(session.clockProperty());
        Label state = new Label();
        state.setId("sim-state");
        state.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> session.stateProperty().get().name().toLowerCase(Locale.ROOT), session.stateProperty()));
        message.setId("sim-message");
        message.getStyleClass().add("sim-message");
        // A long message (a refused fault names the scenario's whole line) wraps within the controls' width instead of
        // widening them: a FlowPane's minimum width is its widest child's preferred width (see computeMinWidth).
        message.setWrapText(true);
        message.maxWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.max(120, getWidth() - snappedLeftInset() - snappedRightInset()), widthProperty()));
        session.messageProperty().addListener((o, a, b) -> showMessage(b));
        session.messageDetailProperty()
                .addListener((o, a, b) -> showMessage(session.messageProperty().get()));
        Label liveStatus = new Label();
        liveStatus.setId("sim-live-status");
        liveStatus.textProperty().bind(session.liveStatusProperty());
        javafx.scene.layout.HBox targetBox = new javafx.scene.layout.HBox(6, new Label("Target"), target);
        targetBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (connections != null) {
            Button conn = new Button("Connections…");
            conn.setId("sim-connections");
            conn.setTooltip(new Tooltip("Where your brokers are: addresses, TLS and SASL settings, secrets"));
            conn.setOnAction(e -> connections.run());
            conn.visibleProperty().bind(session.targetProperty().isEqualTo(RunTarget.CONFIGURED));
            conn.managedProperty().bind(conn.visibleProperty());
            targetBox.getChildren().add(conn);
        }
        getChildren()
                .addAll(
                        targetBox,
                        new Separator(javafx.geometry.Orientation.VERTICAL),
                        run,
                        step,
                        reset,
                        until,
                        new Separator(javafx.geometry.Orientation.VERTICAL),
                        new javafx.scene.layout.HBox(6, new Label("Speed"), speed, speedLabel, flat),
                        new Separator(javafx.geometry.Orientation.VERTICAL),
                        new javafx.scene.layout.HBox(6, new Label("Seed"), seed, new Label("Duration"), duration),
                        scenarios,
                        new Separator(javafx.geometry.Orientation.VERTICAL),
                        new javafx.scene.layout.HBox(6, clock, state),
                        liveStatus,
                        message);
    }

    /** As wide as the widest control; the message is left out, since it wraps to whatever width it is given. */
    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        for (javafx.scene.Node n : getManagedChildren()) {
            if (n != message) {
                widest = Math.max(widest, n.prefWidth(-1));
            }
        }
        return snappedLeftInset() + widest + snappedRightInset();
    }

    /** The label of a speed stop (an exponent of ten): 0.01×, 0.1×, 1×, 10×, 100×, 1k×, 10k×. */
    static String stopLabel(double exponent) {
        long e = Math.round(exponent);
        return switch ((int) e) {
            case -2 -> "0.01×";
            case -1 -> "0.1×";
            case 0 -> "1×";
            case 1 -> "10×";
            case 2 -> "100×";
            case 3 -> "1k×";
            case 4 -> "10k×";
            default -> "";
        };
    }

    static String speedText(double f) {
        return f >= 10 ? String.format(Locale.ROOT, "%.0f×", f) : String.format(Locale.ROOT, "%.2f×", f);
    }

    /** Another design was loaded: its scenario is chosen afresh (its sample scenario, if any) on the next refresh. */
    void forgetScenario() {
        scenarios.setValue(null);
    }

    /** Lists the scenarios again and picks the design's sample scenario if nothing is chosen. */
    void refreshScenarios() {
        ScenarioCatalog.Choice keep = scenarios.getValue();
        var design = session.currentDesign();
        var list = ScenarioCatalog.choices(designFile.get(), design == null ? null : design.name());
        scenarios.getItems().setAll(list);
        if (keep != null && list.contains(keep)) {
            scenarios.setValue(keep);
        } else if (keep == null) {
            ScenarioCatalog.Choice sample = ScenarioCatalog.sampleFor(list, session.currentDesign(), designFile.get());
            scenarios.setValue(sample == null ? ScenarioCatalog.Choice.NONE : sample);
        }
    }

    private void loadScenario(ScenarioCatalog.Choice c) {
        try {
            Scenario s = ScenarioCatalog.load(c, session.currentDesign());
            session.scenarioProperty().set(s);
            session.scenarioFileProperty().set(c.file());
            message.setText("");
            session.reset();
        } catch (io.eventflow.model.io.InputException e) {
            message.setText(c.name() + ": " + e.problems().get(0).message());
            Logger.warn("scenario {} has problems: {}", c.name(), e.problems());
        } catch (java.io.IOException e) {
            message.setText("Could not read " + c.name() + ": " + e.getMessage());
            Logger.warn(e, "cannot read scenario {}", c.name());
        }
    }

    /**
     * Shows the run's message; its tooltip gives what the line cannot: every problem of a run refused for several
     * (the line shows the first and how many more), or the scenario file's error in full.
     */
    private void showMessage(String text) {
        message.setText(text);
        String detail = session.messageDetailProperty().get();
        String tip = text.isEmpty()
                ? null
                : !detail.isEmpty() && !detail.equals(text)
                        ? detail
                        : session.source().error();
        if (tip == null) {
            message.setTooltip(null);
        } else if (message.getTooltip() == null
                || !tip.equals(message.getTooltip().getText())) {
            Tooltip t = new Tooltip(tip);
            t.setWrapText(true);
            t.setMaxWidth(640);
            message.setTooltip(t);
        }
    }

    private void ensureRun() {
        if (session.runner().state() == SimulationRunner.State.EMPTY) {
            session.reset();
        }
    }

    /** Runs a command, showing bad input (seed, duration, time) next to the controls instead of in a dialog. */
    private void guarded(Runnable r) {
        try {
            message.setText("");
            r.run();
        } catch (RuntimeException e) {
            message.setText(e.getMessage() == null ? e.toString() : e.getMessage());
            Logger.info("run control refused: {}", e.toString());
        }
    }
}
