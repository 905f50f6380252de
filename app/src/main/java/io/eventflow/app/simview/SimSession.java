package io.eventflow.app.simview;

import io.eventflow.live.Endpoint;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.simulator.SimulationSnapshot;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.util.Map;
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
    private final LiveRunner liveRunner = new LiveRunner();
    private final ObjectProperty<RunTarget> target = new SimpleObjectProperty<>(RunTarget.SIMULATOR);
    private Supplier<Map<String, Endpoint>> endpoints = Map::of;
    private final ReadOnlyStringWrapper liveStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LiveComparison> comparison = new ReadOnlyObjectWrapper<>();
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
    private final ReadOnlyStringWrapper messageDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SimulationReport> report = new ReadOnlyObjectWrapper<>();
    /** Text that changes every frame costs a text layout and a repaint: the clock moves 10 times a second. */
    private static final long CLOCK_NANOS = 100_000_000L;

    private long clockShown = Long.MIN_VALUE / 2;
    private SimulationSnapshot snapshot;
    private long seq;
    private long generation = -1;
    private Design runDesign;
    private String inputError;
    private boolean liveTarget;

    public SimSession(Supplier<Design> design) {
        this.design = design;
        speed.addListener((o, a, b) -> pushSpeed());
        flatOut.addListener((o, a, b) -> pushSpeed());
        target.addListener((o, a, b) -> {
            if (b == null) {
                target.set(RunTarget.SIMULATOR);
            } else if (a != null && a.live() && !b.live()) {
                liveRunner.stop(); // a live run does not go on behind the simulator's back
            }
        });
    }

    /** Where runs go: the simulator or real brokers. Changing it applies from the next reset. */
    public ObjectProperty<RunTarget> targetProperty() {
        return target;
    }

    /** Where the endpoints of configured brokers come from (the connection settings). */
    public void setEndpoints(Supplier<Map<String, Endpoint>> endpoints) {
        this.endpoints = endpoints;
    }

    /** The run the views read: the simulator's or the live one, as the target of the current run says. */
    RunSource source() {
        return liveTarget ? liveRunner : runner;
    }

    /** Whether the current run is live (its target when it was reset). */
    public boolean isLive() {
        return liveTarget;
    }

    LiveRunner liveRunner() {
        return liveRunner;
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
        RunConfig cfg = new RunConfig(runDesign, scenario.get(), s, d, RunConfig.DEFAULT_TRACE);
        liveTarget = target.get().live();
        if (liveTarget) {
            runner.pause();
            Map<String, Endpoint> e;
            try {
                e = target.get() == RunTarget.CONFIGURED ? endpoints.get() : Map.of();
            } catch (RuntimeException ex) {
                inputError = ex.getMessage();
                liveRunner.reset(cfg, Map.of());
                return;
            }
            liveRunner.reset(cfg, e);
        } else {
            liveRunner.stop();
            runner.reset(cfg);
            pushSpeed();
        }
    }

    /** Run or pause (F5); builds a run first if there is none. */
    public void toggleRun() {
        if (liveTarget != target.get().live()) {
            reset(); // the target changed since the last reset
        }
        if (liveTarget) {
            SimulationRunner.State st = liveRunner.state();
            if (st == SimulationRunner.State.RUNNING) {
                liveRunner.pause();
            } else {
                if (st == SimulationRunner.State.EMPTY
                        || st == SimulationRunner.State.FINISHED
                        || st == SimulationRunner.State.FAILED) {
                    reset();
                }
                if (inputError == null) {
                    liveRunner.run();
                }
            }
            return;
        }
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
        RunSource runner = source();
        if (runGeneration() != generation) {
            generation = runGeneration();
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
            clock.set(formatTime(shownTime()) + " / " + formatTime(runner.endTime()));
        }
        message.set(inputError != null ? inputError : shortMessage(runner.error()));
        messageDetail.set(inputError != null ? inputError : fullMessage(runner.error()));
        if (liveTarget) {
            liveStatus.set(liveRunner.status());
            SimulationReport sim = liveRunner.simulated();
            LiveComparison c = comparison.get();
            SimulationReport liveReport = runner.state() == SimulationRunner.State.FINISHED ? runner.report() : null;
            if (liveReport == null) {
                if (c != null) {
                    comparison.set(null);
                }
            } else if (c == null || c.live() != liveReport) {
                comparison.set(new LiveComparison(sim, liveReport, liveRunner.comparisonNote(), liveRunner.notes()));
            }
        } else {
            liveStatus.set("");
            comparison.set(null);
        }
    }

    /** Generation numbers of live runs are told apart from the simulator's by this offset. */
    private static final long LIVE_GENERATIONS = 1L << 40;

    /** Changes with every new run of either target (views clear what they accumulated). */
    long runGeneration() {
        return source().generation() + (liveTarget ? LIVE_GENERATIONS : 0);
    }

    /** What the live run is doing and for how long ("publishing for 30.0 s · 12.3 s"); "" for the simulator. */
    public ReadOnlyStringProperty liveStatusProperty() {
        return liveStatus.getReadOnlyProperty();
    }

    /** The finished live run's report beside the simulated one; null otherwise. */
    public ReadOnlyObjectProperty<LiveComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /**
     * A finished live run and the simulation of the same design, scenario and seed.
     *
     * @param simulated null when the simulator could not run it ({@code note} says why)
     * @param notes the live run's notes (brokers, start times, what could not be applied)
     */
    public record LiveComparison(
            SimulationReport simulated, SimulationReport live, String note, java.util.List<String> notes) {}

    /** Injects a fault now and remembers it so the canvas shows it while it lasts. */
    public void inject(io.eventflow.simulator.scenario.Fault f) {
        if (liveTarget) {
            inputError = "Faults by hand do not run live: put them in the scenario, or switch the target to Simulator";
            return;
        }
        live.scheduleFault(f, true);
        runner.inject(f);
    }

    /**
     * The first of several problems, with how many more there are; "" for none. A live run's problems come one per
     * line, a simulation's separated by "; ".
     */
    static String shortMessage(String error) {
        if (error == null) {
            return "";
        }
        String[] parts = problems(error);
        int more = parts.length - 1;
        return more == 0 ? parts[0] : parts[0] + " (and " + more + (more == 1 ? " more problem)" : " more problems)");
    }

    /** Every problem of {@code error}, one per line; "" for none. */
    static String fullMessage(String error) {
        return error == null ? "" : String.join("\n", problems(error));
    }

    private static String[] problems(String error) {
        return error.contains("\n") ? error.strip().split("\\s*\n\\s*") : error.split("; ");
    }

    /**
     * The run's time as the clock shows it: simulated time, or a live run's publishing time, which stops at the run's
     * length while the run drains (the status says "draining"); 0 before the first snapshot.
     */
    public long shownTime() {
        SimulationSnapshot s = snapshot();
        if (s == null) {
            return 0;
        }
        return liveTarget ? Math.min(s.time(), source().endTime()) : s.time();
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

    /** The run's problems in full, one per line, where {@link #messageProperty()} shows the first and a count. */
    public ReadOnlyStringProperty messageDetailProperty() {
        return messageDetail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SimulationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    @Override
    public void close() {
        runner.close();
        liveRunner.close();
    }
}
