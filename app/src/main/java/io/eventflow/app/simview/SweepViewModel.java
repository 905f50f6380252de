package io.eventflow.app.simview;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.edit.DesignChange;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.sweep.CombinationResult;
import io.eventflow.simulator.sweep.Goal;
import io.eventflow.simulator.sweep.Minimiser;
import io.eventflow.simulator.sweep.Setting;
import io.eventflow.simulator.sweep.SweepException;
import io.eventflow.simulator.sweep.SweepResult;
import io.eventflow.simulator.sweep.SweepRunner;
import io.eventflow.simulator.sweep.SweepSpec;
import io.eventflow.simulator.sweep.Variation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tinylog.Logger;

/**
 * The view model of the Sweep tab (no nodes): the settings to vary, seeds, run length and goal; runs the sweep on a
 * background thread (the engine's own threads do the simulations) and publishes progress and the result; applies a
 * chosen combination to the design as one undoable edit.
 */
public final class SweepViewModel {
    /** One varied setting as the user edits it: its sweep name and its values as text. */
    public static final class Row {
        private final String name;
        private final StringProperty values;

        Row(String name, String values) {
            this.name = name;
            this.values = new SimpleStringProperty(values);
        }

        public String name() {
            return name;
        }

        public StringProperty valuesProperty() {
            return values;
        }
    }

    private final DocumentViewModel doc;
    private final Supplier<Scenario> scenario;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty seeds = new SimpleStringProperty("1..20");
    private final StringProperty duration = new SimpleStringProperty("");
    private final StringProperty goal = new SimpleStringProperty("");
    private final StringProperty share = new SimpleStringProperty("95%");
    private final ObjectProperty<String> minimise = new SimpleObjectProperty<>();
    private final IntegerProperty jobs =
            new SimpleIntegerProperty(Runtime.getRuntime().availableProcessors());
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SweepResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Minimiser.Result> minimised = new ReadOnlyObjectWrapper<>();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile boolean progressPosted;
    private SweepRunner runner;
    private long started;

    public SweepViewModel(DocumentViewModel doc, Supplier<Scenario> scenario) {
        this.doc = doc;
        this.scenario = scenario;
        doc.designProperty().addListener((o, before, after) -> designChanged(before, after));
    }

    /**
     * Nothing stale: another design (a new or opened file) drops the rows and the result; an edit that removes a
     * varied element drops its row and the result.
     */
    private void designChanged(Design before, Design after) {
        if (after == null || before == null || !before.name().equals(after.name())) {
            rows.clear();
            result.set(null);
            minimised.set(null);
            return;
        }
        List<Row> gone = rows.stream().filter(r -> !exists(after, r.name())).toList();
        if (!gone.isEmpty()) {
            gone.forEach(this::remove);
            result.set(null);
            minimised.set(null);
        }
    }

    private static boolean exists(Design d, String name) {
        int dot = name.lastIndexOf('.');
        String element = dot < 0 ? name : name.substring(0, dot);
        int at = element.indexOf('@');
        String id = at < 0 ? element : element.substring(0, at);
        return d.service(id).isPresent()
                || d.channel(id).isPresent()
                || d.broker(id).isPresent();
    }

    /**
     * Adds a setting to vary (a sweep name such as {@code billing.instances}) with values around its current one; a
     * setting already varied stays as it is.
     */
    public void add(String name) {
        if (rows.stream().anyMatch(r -> r.name().equals(name))) {
            return;
        }
        rows.add(new Row(name, suggest(doc.getDesign(), name)));
        message.set("");
    }

    public void remove(Row row) {
        rows.remove(row);
        if (row.name().equals(minimise.get())) {
            minimise.set(null);
        }
    }

    /** Values to start from: around the current value (counts 1..2x+2; rates and times half to twice). */
    static String suggest(Design d, String name) {
        int dot = name.lastIndexOf('.');
        Setting s = dot < 0 ? null : Setting.byKey(name.substring(dot + 1));
        if (s == null) {
            return "";
        }
        String current;
        try {
            Variation v = Variation.parse(name + "=" + placeholder(s), d);
            current = s.current(d, v.ref());
        } catch (SweepException e) {
            return "";
        }
        return switch (s.kind()) {
            case COUNT -> {
                int c = current == null ? 1 : Integer.parseInt(current);
                yield "1.." + Math.max(4, 2 * c + 2);
            }
            case RATE -> {
                double r = current == null
                        ? 100
                        : io.eventflow.model.design.Rate.parse(current).perSecond();
                yield num(r / 2) + "/s.." + num(r * 2) + "/s step " + num(r / 2) + "/s";
            }
            case TIME -> {
                long t = current == null ? 1_000_000 : TimeSpan.parse(current).nanos();
                yield TimeSpan.format(t / 2) + ".." + TimeSpan.format(t * 2) + " step " + TimeSpan.format(t / 2);
            }
        };
    }

    private static String placeholder(Setting s) {
        return switch (s.kind()) {
            case COUNT -> "1";
            case RATE -> "1/s";
            case TIME -> "1ms";
        };
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3g", d);
    }

    /** Starts the sweep; a mistake in the settings shows as {@link #messageProperty()} and nothing runs. */
    public void run() {
        if (running.get()) {
            return;
        }
        SweepSpec spec;
        try {
            spec = spec();
        } catch (SweepException e) {
            message.set(e.getMessage());
            return;
        }
        message.set("");
        result.set(null);
        minimised.set(null);
        SweepRunner r = new SweepRunner(spec, Math.max(1, jobs.get()));
        runner = r;
        String min = minimise.get();
        done.set(0);
        total.set(min == null ? spec.combinations().size() * spec.seeds().count() : -1);
        started = System.nanoTime();
        running.set(true);
        progress.set(min == null ? 0 : -1);
        Thread t = new Thread(() -> work(r, min), "sweep-gui");
        t.setDaemon(true);
        t.start();
    }

    private void work(SweepRunner r, String min) {
        SweepRunner.Listener listener = (d, all) -> {
            done.set(d);
            if (!progressPosted) {
                progressPosted = true;
                Platform.runLater(this::showProgress);
            }
        };
        try {
            if (min != null) {
                Minimiser.Result m = Minimiser.minimise(r, min, Minimiser.Search.BISECTION, listener);
                Platform.runLater(() -> finish(m.sweep(), m, null));
            } else {
                SweepResult res = r.run(listener);
                Platform.runLater(() -> finish(res, null, null));
            }
        } catch (SweepException e) {
            Platform.runLater(() -> finish(null, null, e.getMessage()));
        } catch (RuntimeException e) {
            Logger.error(e, "sweep failed");
            Platform.runLater(() -> finish(null, null, "the sweep failed: " + e + " (details in the log)"));
        }
    }

    private void showProgress() {
        progressPosted = false;
        long d = done.get();
        long all = total.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = seconds > 0 ? d / seconds : 0;
        if (all > 0) {
            progress.set((double) d / all);
            progressText.set(String.format(
                    Locale.ROOT,
                    "%,d/%,d runs · %.1f runs/s · %s left",
                    d,
                    all,
                    rate,
                    rate > 0 ? clock((all - d) / rate) : "--:--"));
        } else {
            progressText.set(String.format(Locale.ROOT, "%,d runs · %.1f runs/s", d, rate));
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void finish(SweepResult r, Minimiser.Result m, String error) {
        boolean cancelled = runner != null && runner.cancelled();
        running.set(false);
        progress.set(r == null ? 0 : 1);
        if (error != null) {
            message.set(error);
            progressText.set("");
            return;
        }
        minimised.set(m);
        result.set(r);
        progressText.set(String.format(
                Locale.ROOT,
                "%s%,d runs in %.1f s on %d jobs",
                cancelled ? "stopped: " : "",
                r.runsDone(),
                r.wallSeconds(),
                runner.jobs()));
    }

    /** Stops the sweep; the runs that finished are shown. */
    public void cancel() {
        if (runner != null) {
            runner.cancel();
        }
    }

    SweepSpec spec() {
        Design d = doc.getDesign();
        List<Variation> variations = new ArrayList<>();
        for (Row row : rows) {
            variations.add(
                    Variation.parse(row.name() + "=" + row.valuesProperty().get(), d));
        }
        String g = goal.get() == null ? "" : goal.get().strip();
        Goal parsed = g.isEmpty() ? null : Goal.parse(g);
        if (parsed != null) {
            try {
                parsed.check(io.eventflow.simulator.sweep.Figures.names(d));
            } catch (io.eventflow.simulator.UnsupportedDesignException e) {
                throw new SweepException("the simulator cannot run this design: " + e.getMessage());
            }
        }
        if (minimise.get() != null && parsed == null) {
            throw new SweepException("to find the smallest " + minimise.get() + ", give a goal");
        }
        String len = duration.get() == null ? "" : duration.get().strip();
        Long nanos;
        try {
            nanos = len.isEmpty() ? null : TimeSpan.parse(len).nanos();
        } catch (IllegalArgumentException e) {
            throw new SweepException("duration: " + e.getMessage());
        }
        Scenario sc = scenario.get();
        SweepSpec spec = new SweepSpec(
                d,
                sc == null || sc == Scenario.EMPTY ? null : sc,
                variations,
                SweepSpec.Seeds.parse(seeds.get()),
                nanos,
                null,
                parsed,
                share(share.get()));
        spec.combinations();
        return spec;
    }

    private static double share(String text) {
        String s = text == null ? "" : text.strip();
        try {
            double v =
                    s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 100 : Double.parseDouble(s);
            if (v > 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new SweepException("share: '" + text + "' is not a share above 0% and at most 100% (e.g. 95%)");
    }

    /** Sets the varied settings of this combination in the design: one undoable edit. */
    public void apply(CombinationResult c) {
        SweepResult r = result.get();
        if (r == null || c == null) {
            return;
        }
        List<Variation> vs = r.spec().variations();
        try {
            Design after = c.combination().apply(doc.getDesign(), vs);
            doc.execute(DesignChange.of("Apply sweep: " + c.label(), d -> after));
            message.set("Applied " + c.label() + " to the design (Ctrl+Z undoes it)");
        } catch (SweepException | java.util.NoSuchElementException e) {
            message.set(
                    "Cannot apply " + c.label() + ": the design has changed since the sweep (" + e.getMessage() + ")");
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty seedsProperty() {
        return seeds;
    }

    public StringProperty durationProperty() {
        return duration;
    }

    public StringProperty goalProperty() {
        return goal;
    }

    public StringProperty shareProperty() {
        return share;
    }

    public ObjectProperty<String> minimiseProperty() {
        return minimise;
    }

    public IntegerProperty jobsProperty() {
        return jobs;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1; -1 while a minimise search runs (its length is not known in advance). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What went wrong, or what was applied; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SweepResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Minimiser.Result> minimisedProperty() {
        return minimised.getReadOnlyProperty();
    }
}
