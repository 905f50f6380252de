package io.eventflow.app.simview;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.report.SimulationReport;
import javafx.collections.SetChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The simulation tabs of the bottom dock (Run counters and export, Charts, Event log with tracing, Timeline) and their
 * per-frame refresh. Charts and counters change only when the runner publishes a new report (a few times a second).
 */
public final class SimViews {
    private final SimSession session;
    private final TokenOverlay overlay;
    private final DocumentViewModel doc;
    /** The whole design's series (the charts with nothing selected, and the exported report). */
    private final Metrics metrics = new Metrics();
    /** Every service's and channel's series, recorded from the start of the run whatever is selected. */
    private final java.util.Map<String, Metrics> perElement = new java.util.HashMap<>();

    private String charted;
    private final CountersView counters;
    private final ChartsView charts = new ChartsView();
    private final EventLogView log;
    private final TimelineView timeline;
    private final Tab runTab;
    private final Tab chartsTab;
    private final Tab logTab;
    private final Tab timelineTab;
    private final SweepViewModel sweepModel;
    private final Tab sweepTab;
    private SimulationReport shown;
    private long generation = -1;
    private boolean installed;

    SimViews(SimSession session, TokenOverlay overlay, CanvasGeometry geometry, DocumentViewModel doc) {
        this.session = session;
        this.overlay = overlay;
        this.doc = doc;
        counters = new CountersView(
                session, metrics::samples, () -> doc.pathProperty().get());
        log = new EventLogView(session.live(), this::trace);
        timeline = new TimelineView(session, this::selectedId);
        runTab = tab("Run", "tab-run", counters);
        chartsTab = tab("Charts", "tab-charts", charts);
        logTab = tab("Event log", "tab-log", log);
        timelineTab = tab("Timeline", "tab-timeline", timeline);
        sweepModel = new SweepViewModel(doc, session.scenarioProperty()::get);
        sweepTab = tab("Sweep", "tab-sweep", new SweepView(sweepModel));
        logTab.selectedProperty().addListener((o, a, b) -> log.setShowing(b));
        log.setShowing(false);
        doc.getSelection().addListener((SetChangeListener<String>) c -> selectionChanged());
    }

    private static Tab tab(String name, String id, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    private String selectedId() {
        return doc.getSelection().size() == 1 ? doc.getSelection().iterator().next() : null;
    }

    private void selectionChanged() {
        String id = selectedId();
        if (id != null && SimulateMode.isEdge(id)) {
            id = null;
        }
        if (!java.util.Objects.equals(id, charted)) {
            charted = id;
            Design d = session.runDesign();
            charts.setTitle(id, id != null && d != null && d.service(id).isPresent());
            charts.setAll(series(id).samples());
        }
    }

    /** The series of one element (recorded from the start of the run), or of the whole design for null. */
    private Metrics series(String id) {
        Metrics m = id == null ? null : perElement.get(id);
        return m == null ? metrics : m;
    }

    /** Starts a series for every service and channel of the run's design, so each has its whole history. */
    private void resetSeries() {
        metrics.reset(null);
        perElement.clear();
        Design d = session.runDesign();
        if (d != null) {
            for (var s : d.services()) {
                perElement.computeIfAbsent(s.id(), k -> new Metrics()).reset(s.id());
            }
            for (var c : d.channels()) {
                perElement.computeIfAbsent(c.id(), k -> new Metrics()).reset(c.id());
            }
        }
        charts.clear();
    }

    /** Adds the tabs to the dock (once). */
    void install(TabPane dock) {
        if (!installed) {
            installed = true;
            dock.getTabs().addAll(runTab, chartsTab, logTab, timelineTab, sweepTab);
            dock.getSelectionModel().select(runTab);
            timeline.redraw();
        }
    }

    /** Writes the current run's report ({@code json}, {@code csv}, {@code html}) or its scenario as run ({@code scenario}). */
    public void writeReport(String kind, java.nio.file.Path file) {
        counters.write(kind, file, session.reportProperty().get());
    }

    /** Takes the tabs out of the dock (leaving Simulate: they have nothing to show in Design). */
    void uninstall(TabPane dock) {
        if (installed) {
            installed = false;
            dock.getTabs().removeAll(runTab, chartsTab, logTab, timelineTab);
        }
    }

    void frame(long now) {
        if (session.runner().generation() != generation) {
            generation = session.runner().generation();
            resetSeries();
            overlay.setTracedEdges(java.util.Set.of());
            timeline.redraw();
        }
        SimulationReport r = session.reportProperty().get();
        if (r != shown) {
            shown = r;
            counters.update(r);
            var latency = session.runner().latency();
            Metrics.Sample s = metrics.add(session.snapshot(), r, session.runDesign(), latency);
            if (s != null && charted == null) {
                charts.add(s);
            }
            for (Metrics m : perElement.values()) {
                Metrics.Sample x = m.add(session.snapshot(), r, session.runDesign(), latency);
                if (x != null && m.element().equals(charted)) {
                    charts.add(x);
                }
            }
        }
        if (session.snapshot() != null) {
            timeline.frame(session.snapshot().time());
        }
        if (session.runner().state() == SimulationRunner.State.RUNNING && logTab.isSelected()) {
            log.follow();
            log.setSkipped(session.live().skipped());
        }
    }

    /** Follows one correlation id: lists its hops and lights its path on the canvas. */
    public TracePath trace(long correlationId) {
        TracePath p = TracePath.of(correlationId, session.runner().traceOf(correlationId));
        session.live().setTraced(correlationId);
        overlay.setTracedEdges(p.edges());
        log.showPath(p);
        return p;
    }

    /** The Sweep tab's view model ("Vary in sweep" adds to it). */
    public SweepViewModel sweep() {
        return sweepModel;
    }

    public Metrics metrics() {
        return metrics;
    }

    TimelineView timeline() {
        return timeline;
    }

    CountersView counters() {
        return counters;
    }

    EventLogView log() {
        return log;
    }
}
