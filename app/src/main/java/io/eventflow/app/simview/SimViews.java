package io.eventflow.app.simview;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.report.SimulationReport;
import javafx.collections.SetChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The simulation tabs of the bottom dock (Run counters and export, Charts, Event log with tracing, Timeline) and their
 * per-frame refresh. Counters change when the runner publishes a new report (a few times a second), charts when its
 * {@link RunSeries} has new samples (taken at fixed steps of simulated time).
 */
public final class SimViews {
    private final SimSession session;
    private final TokenOverlay overlay;
    private final DocumentViewModel doc;
    /** The element charted (null: the whole design), and what of its series the charts show. */
    private String charted;

    /**
     * While a run is under way the shown charts follow it at most this often: laying out four charts of a few hundred
     * points costs the FX thread milliseconds each time, and on two cores that is taken from the simulation.
     */
    private static final long CHARTS_EVERY_NANOS = 250_000_000L;

    private long chartedAt;
    private long chartedRevision = -1;
    private long chartedThinnings = -1;
    private int chartedCount;
    private final CountersView counters;
    private final ComparisonView comparison;
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
        counters = new CountersView(session, () -> session.source().series().samples(null), () -> doc.pathProperty()
                .get());
        log = new EventLogView(session.live(), this::trace);
        timeline = new TimelineView(session, this::selectedId);
        comparison = new ComparisonView();
        javafx.scene.layout.HBox runBox = new javafx.scene.layout.HBox(12, counters, comparison);
        javafx.scene.layout.HBox.setHgrow(counters, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(comparison, javafx.scene.layout.Priority.ALWAYS);
        session.comparisonProperty().addListener((o, a, b) -> comparison.show(b));
        runTab = tab("Run", "tab-run", runBox);
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
            chartedRevision = -1;
            chartedThinnings = -1; // redraw the whole history of the newly charted element
            updateCharts(System.nanoTime(), true);
        }
    }

    /**
     * Brings the charts up to the runner's series: appends the samples taken since the last frame, or redraws the
     * whole series after a new selection, a new run or a thinning (which drops every other point). Only while the
     * Charts tab is shown (a hidden chart is still laid out when its data change; it catches up when shown), and
     * during a run at most every {@link #CHARTS_EVERY_NANOS} unless {@code now} is forced.
     */
    private void updateCharts(long now, boolean forced) {
        if (!chartsTab.isSelected()) {
            return;
        }
        RunSeries series = session.source().series();
        long revision = series.revision();
        if (revision == chartedRevision) {
            return;
        }
        if (!forced
                && chartedRevision != -1
                && session.source().state() == SimulationRunner.State.RUNNING
                && now - chartedAt < CHARTS_EVERY_NANOS) {
            return;
        }
        chartedAt = now;
        chartedRevision = revision;
        long thinnings = series.thinnings();
        java.util.List<Metrics.Sample> samples = series.samples(charted);
        if (thinnings != chartedThinnings || samples.size() < chartedCount) {
            chartedThinnings = thinnings;
            charts.setAll(samples);
        } else {
            samples.subList(chartedCount, samples.size()).forEach(charts::add);
        }
        chartedCount = samples.size();
    }

    /** A new run: the charts start over. */
    private void resetSeries() {
        chartedRevision = -1;
        chartedThinnings = -1;
        chartedCount = 0;
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
            dock.getTabs().removeAll(runTab, chartsTab, logTab, timelineTab, sweepTab);
        }
    }

    void frame(long now) {
        if (session.runGeneration() != generation) {
            generation = session.runGeneration();
            resetSeries();
            overlay.setTracedEdges(java.util.Set.of());
            timeline.redraw();
        }
        SimulationReport r = session.reportProperty().get();
        if (r != shown) {
            shown = r;
            counters.update(r, session.targetProperty().get().live());
        }
        updateCharts(now, false);
        if (session.snapshot() != null) {
            timeline.frame(session.snapshot().time());
        }
        if (session.source().state() == SimulationRunner.State.RUNNING && logTab.isSelected()) {
            log.follow();
            log.setSkipped(session.live().skipped());
        }
    }

    /** Follows one correlation id: lists its hops and lights its path on the canvas. */
    public TracePath trace(long correlationId) {
        TracePath p = TracePath.of(correlationId, session.source().traceOf(correlationId));
        session.live().setTraced(correlationId);
        overlay.setTracedEdges(p.edges());
        log.showPath(p);
        return p;
    }

    /** The Sweep tab's view model ("Vary in sweep" adds to it). */
    public SweepViewModel sweep() {
        return sweepModel;
    }

    /** The charts' series of the current run (also the exported report's charts). */
    public RunSeries series() {
        return session.source().series();
    }

    TimelineView timeline() {
        return timeline;
    }

    ComparisonView comparison() {
        return comparison;
    }

    CountersView counters() {
        return counters;
    }

    EventLogView log() {
        return log;
    }
}
