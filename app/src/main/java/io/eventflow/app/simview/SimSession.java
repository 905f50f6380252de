package io.eventflow.app.simview;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.simulator.SimulationSnapshot;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The view model of the simulation view (no nodes): run settings, the scenario being edited, and what the runner
 * reports, refreshed once per frame by {@link #frame(long)}. Commands go to the {@link SimulationRunner}.
 */
public final class SimSession implements AutoCloseable {
    private final SimulationRunner runner = new SimulationRunner();
    private final LiveModel live = new LiveModel();
    private final Supplier<Design> design;
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(Scenario.EMPTY);
    private final ObjectProperty<Path> scenarioFile = new SimpleObjectProperty<>();
    private final StringProperty seed = new SimpleStringProperty("");
    private final StringProperty duration = new SimpleStringProperty("");
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    private final BooleanProperty flatOut = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<SimulationRunner.State> state =
            new ReadOnlyObjectWrapper<>(SimulationRunner.State.EMPTY);
    private final ReadOnlyStringWrapper clock = new ReadOnlyStringWrapper("0.000 s");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SimulationReport> report = new ReadOnlyObjectWrapper<>();
    /** Text that changes every frame costs a text layout and a repaint: the clock moves 10 times a second. */
    private static final long CLOCK_NANOS = 100_000_000L;

    private long clockShown = Long.MIN_VALUE / 2;
    private SimulationSnapshot snapshot;
    private long seq;
    private long generation = -1;
    private Design runDesign;
    private String inputError;

    public SimSession(Supplier<Design> design) {
        this.design = design;
        speed.addListener((o, a, b) -> pushSpeed());
        flatOut.addListener((o, a, b) -> pushSpeed());
    }

    private void pushSpeed() {
        runner.setSpeed(flatOut.get() ? SimulationRunner.FLAT_OUT : clampSpeed(speed.get()));
    }

    static double clampSpeed(double f) {
        return Math.max(0.01, Math.min(10_000, f));
    }

    /** Builds a fresh run of the current design under the current scenario, seed and duration. */
    public void reset() {
        Long s;
        Long d;
        try {
            s = seed.get() == null || seed.get().isBlank()
                    ? null
                    : Long.parseLong(seed.get().trim());
        } catch (NumberFormatException e) {
            inputError = "The seed is a whole number, e.g. 42";
            return;
        }
        try {
            d = duration.get() == null || duration.get().isBlank()
                    ? null
                    : TimeSpan.parse(duration.get().trim()).nanos();
        } catch (RuntimeException e) {
            inputError = "The duration is a time such as 60s, 2min or 500ms";
            return;
        }
        inputError = null;
        runDesign = design.get();
        live.reset(runDesign);
        scenario.get().faults().forEach(f -> live.scheduleFault(f, false));
        seq = 0;
        runner.reset(new RunConfig(runDesign, scenario.get(), s, d, RunConfig.DEFAULT_TRACE));
        pushSpeed();
    }

    /** Run or pause (F5); builds a run first if there is none. */
    public void toggleRun() {
        SimulationRunner.State st = runner.state();
        if (st == SimulationRunner.State.RUNNING) {
            runner.pause();
        } else {
            if (st == SimulationRunner.State.EMPTY
                    || st == SimulationRunner.State.FINISHED
                    || st == SimulationRunner.State.FAILED) {
                reset();
            }
            runner.run();
        }
    }

    /** Reads what the runner has now: snapshot, report, new trace events. Called once per frame. */
    public void frame(long wallNanos) {
        if (runner.generation() != generation) {
            generation = runner.generation();
            seq = 0;
            if (runDesign != null) {
                live.reset(runDesign);
                scenario.get().faults().forEach(f -> live.scheduleFault(f, false));
            }
        }
        snapshot = runner.snapshot();
        if (snapshot != null) {
            live.setNow(snapshot.time());
        }
        SimulationRunner.TraceBatch b = runner.traceBatch(seq, LiveModel.MAX_PER_FRAME);
        seq = b.next();
        if (!b.events().isEmpty() || b.lost() > 0) {
            live.ingest(b.events(), b.next() - b.events().size(), b.lost(), wallNanos);
            live.forgetBefore(b.next() - runner.traceCapacity());
        }
        state.set(runner.state());
        if (runner.report() != report.get()) {
            report.set(runner.report());
        }
        if (snapshot != null && wallNanos - clockShown >= CLOCK_NANOS) {
            clockShown = wallNanos;
            clock.set(formatTime(snapshot.time()) + " / " + formatTime(runner.endTime()));
        }
        message.set(inputError != null ? inputError : shortMessage(runner.error()));
    }

    /** Injects a fault now and remembers it so the canvas shows it while it lasts. */
    public void inject(io.eventflow.simulator.scenario.Fault f) {
        live.scheduleFault(f, true);
        runner.inject(f);
    }

    /** The first of several problems (separated by "; "), with how many more there are; "" for none. */
    static String shortMessage(String error) {
        if (error == null) {
            return "";
        }
        String[] parts = error.split("; ");
        return parts.length == 1 ? error : parts[0] + " (and " + (parts.length - 1) + " more problems)";
    }

    public static String formatTime(long nanos) {
        if (nanos == Long.MAX_VALUE) {
            return "∞";
        }
        return String.format(java.util.Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    public SimulationRunner runner() {
        return runner;
    }

    public LiveModel live() {
        return live;
    }

    /** The design of the current run (edits apply from the next reset). */
    public Design runDesign() {
        return runDesign == null ? design.get() : runDesign;
    }

    public Design currentDesign() {
        return design.get();
    }

    public SimulationSnapshot snapshot() {
        return snapshot;
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    public ObjectProperty<Path> scenarioFileProperty() {
        return scenarioFile;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty durationProperty() {
        return duration;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty flatOutProperty() {
        return flatOut;
    }

    public ReadOnlyObjectProperty<SimulationRunner.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clockProperty() {
        return clock.getReadOnlyProperty();
    }

    /** The last error in the user's words, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SimulationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    @Override
    public void close() {
        runner.close();
    }
}
