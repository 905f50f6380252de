package io.eventflow.app.simview;

import io.eventflow.app.canvas.DesignCanvas;
import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.EdgeId;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * Design/Simulate: the segmented toggle, the run controls above the canvas, the overlay that draws the run on the
 * canvas, and the simulation tabs in the bottom dock. In Simulate, canvas edits are locked (inspector edits apply
 * from the next reset); left click selects or traces a token, right click offers faults and operator actions. One
 * {@link AnimationTimer} reads the runner once per frame and redraws; nothing is pushed to the FX thread per event.
 */
public final class SimulateMode {
    private final DocumentViewModel doc;
    private final DesignCanvas canvas;
    private final TabPane dock;
    // Built on first use (entering Simulate, or a caller asking for them): most sessions never simulate, and
    // building these before the first window costs start-up time (issue #7).
    private SimSession session;
    private CanvasGeometry geometry;
    private TokenOverlay overlay;
    private RunControls controls;
    private FaultMenu menu;
    private SimViews views;
    private StackPane centreStack;
    private BorderPane centrePane;
    private final ReadOnlyBooleanWrapper simulating = new ReadOnlyBooleanWrapper();
    private final ToggleButton designButton = new ToggleButton("Design");
    private final ToggleButton simulateButton = new ToggleButton("Simulate");
    private final Label status = new Label();
    private AnimationTimer timer;
    /**
     * While running flat out the view refreshes at most 10 times a second: tokens jump anyway, and each refresh (read,
     * CSS, layout, software rendering) costs the FX and render threads about 5 ms that, on two cores, the simulation
     * and its garbage collector wait for (SimViewBench, issue 15).
     */
    private static final long FLAT_OUT_FRAME_NANOS = 100_000_000L;

    private long frames;
    private long lastFrame;
    private long statusShown;

    public SimulateMode(DocumentViewModel doc, DesignCanvas canvas, TabPane dock) {
        this.doc = doc;
        this.canvas = canvas;
        this.dock = dock;
        status.setId("status-sim");
        doc.designProperty().addListener((o, a, b) -> {
            if (session != null) {
                geometry.markDirty();
                overlay.invalidate();
            }
        });
        // Another design (new, open, import): the run of the old one is gone, and editing starts in Design.
        doc.loadsProperty().addListener((o, a, b) -> designLoaded());
        initInput();
    }

    private void designLoaded() {
        setSimulating(false);
        if (session != null) {
            session.scenarioProperty().set(io.eventflow.simulator.scenario.Scenario.EMPTY);
            session.scenarioFileProperty().set(null);
            controls.forgetScenario();
            session.reset();
        }
    }

    /** The Design/Simulate segmented toggle for the toolbar. */
    public Node modeToggle() {
        ToggleGroup group = new ToggleGroup();
        designButton.setToggleGroup(group);
        simulateButton.setToggleGroup(group);
        designButton.setId("mode-design");
        simulateButton.setId("mode-simulate");
        designButton.getStyleClass().add("left-pill");
        simulateButton.getStyleClass().add("right-pill");
        designButton.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                setSimulating(b == simulateButton);
            }
        });
        HBox box = new HBox(designButton, simulateButton);
        box.getStyleClass().add("mode-toggle");
        // A design with validation errors cannot run: Simulate is off, and the toggle says why.
        simulateButton.disableProperty().bind(doc.blockedProperty().isNotEmpty().and(simulating.not()));
        // The tooltip is made the first time there is a reason to show (a tooltip is a popup window: the window's
        // start need not build it).
        Tooltip[] why = new Tooltip[1];
        java.util.function.Consumer<String> explain = reason -> {
            if (reason.isEmpty()) {
                if (why[0] != null) {
                    Tooltip.uninstall(box, why[0]);
                }
                return;
            }
            if (why[0] == null) {
                why[0] = new Tooltip();
                why[0].textProperty().bind(doc.blockedProperty());
            }
            Tooltip.install(box, why[0]);
        };
        doc.blockedProperty().addListener((o, a, b) -> explain.accept(b));
        explain.accept(doc.blockedProperty().get());
        return box;
    }

    /** Wraps the canvas area: run controls on top (Simulate only) and the overlay over the canvas. */
    public Node wrapCentre(Node canvasArea) {
        centreStack = new StackPane(canvasArea);
        centrePane = new BorderPane(centreStack);
        if (session != null) {
            attach();
        }
        return centrePane;
    }

    /** Builds the session, overlay, run controls, menu and dock views once. */
    private void build() {
        if (session != null) {
            return;
        }
        session = new SimSession(doc::getDesign);
        // the run target is the user's choice, not the design's: kept in their settings
        io.eventflow.app.env.UserSettings settings = io.eventflow.app.env.UserSettings.load();
        session.targetProperty().set(RunTarget.parse(settings.get(RunTarget.SETTING, null)));
        session.targetProperty().addListener((o, a, b) -> settings.put(RunTarget.SETTING, b.name()));
        io.eventflow.app.live.Connections connections =
                new io.eventflow.app.live.Connections(io.eventflow.app.env.AppDirs.configDir());
        session.setEndpoints(connections::endpoints);
        geometry = new CanvasGeometry(canvas);
        overlay = new TokenOverlay(geometry);
        controls = new RunControls(
                session,
                () -> doc.pathProperty().get(),
                () -> io.eventflow.app.live.ConnectionDialog.show(
                        canvas.getScene() == null ? null : canvas.getScene().getWindow(),
                        connections,
                        session.currentDesign()));
        menu = new FaultMenu(session);
        views = new SimViews(session, overlay, geometry, doc);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        controls.setVisible(false);
        controls.setManaged(false);
        overlay.setVisible(false);
        if (centrePane != null) {
            attach();
        }
    }

    private void attach() {
        centreStack.getChildren().add(overlay);
        overlay.widthProperty().bind(centreStack.widthProperty());
        overlay.heightProperty().bind(centreStack.heightProperty());
        overlay.setManaged(false);
        centrePane.setTop(controls);
    }

    /** Simulated time and speed for the status bar (empty in Design). */
    public Label statusLabel() {
        return status;
    }

    /** Runs or pauses the run (F5 in Simulate; the key is the window's action). */
    public void toggleRun() {
        if (simulating.get()) {
            session.toggleRun();
        }
    }

    /** Stops the run and starts it over, paused at time 0 (Shift+F5 in Simulate). */
    public void resetRun() {
        if (simulating.get()) {
            session.reset();
        }
    }

    public void setSimulating(boolean on) {
        if (on == simulating.get()) {
            return;
        }
        build();
        simulating.set(on);
        (on ? simulateButton : designButton).setSelected(true);
        controls.setVisible(on);
        controls.setManaged(on);
        overlay.setVisible(on);
        if (on) {
            geometry.markDirty();
            overlay.invalidate();
            views.install(dock);
            controls.refreshScenarios();
            if (session.source().state() == SimulationRunner.State.EMPTY) {
                session.reset();
            }
            timer.start();
            canvas.setCache(true); // the diagram does not change while the overlay redraws every frame
            growDock(0.6);
            javafx.application.Platform.runLater(canvas::fitToView);
        } else {
            session.runner().pause();
            timer.stop();
            canvas.setCache(false);
            overlay.getGraphicsContext2D().clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
            status.setText("");
            views.uninstall(dock);
            growDock(0.78);
        }
    }

    /** Gives the bottom dock more room in Simulate (its split pane is found from the dock). */
    private void growDock(double divider) {
        for (javafx.scene.Parent p = dock.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.SplitPane sp
                    && sp.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                sp.setDividerPositions(divider);
                return;
            }
        }
    }

    public ReadOnlyBooleanProperty simulatingProperty() {
        return simulating.getReadOnlyProperty();
    }

    private void frame(long now) {
        if (session.flatOutProperty().get()
                && session.source().state() == SimulationRunner.State.RUNNING
                && now - lastFrame < FLAT_OUT_FRAME_NANOS) {
            return; // flat out, tokens jump anyway: leave the cores to the simulation
        }
        lastFrame = now;
        frames++;
        session.frame(now);
        overlay.setDesign(session.runDesign());
        overlay.setReport(session.reportProperty().get());
        overlay.draw(session.snapshot(), session.live(), now);
        views.frame(now);
        if (session.snapshot() != null && now - statusShown >= 100_000_000L) {
            statusShown = now;
            status.setText(
                    session.isLive()
                            ? "Live " + SimSession.formatTime(session.shownTime())
                            : "Sim " + SimSession.formatTime(session.snapshot().time()) + "  ·  "
                                    + (session.flatOutProperty().get()
                                            ? "flat out"
                                            : RunControls.speedText(
                                                    session.speedProperty().get())));
        }
    }

    /** Frames drawn since Simulate was entered (benchmark). */
    public long frames() {
        return frames;
    }

    private void initInput() {
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!simulating.get() || e.getButton() == MouseButton.MIDDLE) {
                return;
            }
            canvas.requestFocus();
            String edge = CanvasGeometry.edgeIdOf(e.getTarget());
            String hit = edge != null ? edge : geometry.elementAt(e.getX(), e.getY());
            if (e.getButton() == MouseButton.SECONDARY) {
                select(hit);
                if (!session.isLive()) { // faults and actions by hand act on the simulator only
                    menu.show(hit, canvas, e.getScreenX(), e.getScreenY());
                }
            } else if (e.getButton() == MouseButton.PRIMARY) {
                menu.hide();
                long corr = overlay.tokenAt(e.getX(), e.getY());
                if (corr >= 0) {
                    views.trace(corr);
                } else {
                    select(hit);
                }
            }
            e.consume();
        });
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> consumeIfLocked(e, e.getButton()));
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> consumeIfLocked(e, e.getButton()));
    }

    private void consumeIfLocked(MouseEvent e, MouseButton b) {
        if (simulating.get() && b != MouseButton.MIDDLE) {
            e.consume();
        }
    }

    private void select(String id) {
        doc.getSelection().clear();
        if (id != null) {
            doc.getSelection().add(id);
        }
    }

    /** Whether an id names an edge rather than an element. */
    static boolean isEdge(String id) {
        return id != null && EdgeId.isEdgeKey(id);
    }

    public SimSession session() {
        build();
        return session;
    }

    public TokenOverlay overlay() {
        build();
        return overlay;
    }

    public SimViews views() {
        build();
        return views;
    }

    /** Brings a dock tab to the front by id ({@code tab-run}, {@code tab-charts}, {@code tab-log}, ...). */
    public void showTab(String id) {
        dock.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> dock.getSelectionModel()
                .select(t));
    }

    /** Stops the timer and the simulation thread. */
    public void dispose() {
        if (session != null) {
            timer.stop();
            session.close();
        }
    }
}
