package io.eventflow.app.shell;

import static io.eventflow.model.asyncapi.AsyncApiVersion.V2_6;
import static io.eventflow.model.asyncapi.AsyncApiVersion.V3_0;

import io.eventflow.app.canvas.CanvasViewModel;
import io.eventflow.app.canvas.DesignCanvas;
import io.eventflow.app.canvas.PaletteView;
import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.app.env.StartupTrace;
import io.eventflow.app.fx.Theme;
import io.eventflow.app.inspector.InspectorView;
import io.eventflow.app.inspector.InspectorViewModel;
import io.eventflow.app.simview.SimulateMode;
import io.eventflow.model.asyncapi.AsyncApiExporter;
import io.eventflow.model.design.Design;
import io.eventflow.model.edit.DesignDocument;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.validate.CheckScope;
import io.eventflow.model.validate.Linter;
import io.eventflow.model.validate.Severity;
import java.io.File;
import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The main window: menu and toolbar, palette on the left, canvas in the centre, inspector on the right, problems in a
 * bottom dock, status bar. Builds the views and wires actions; the work happens in the view models.
 */
public final class MainWindow {
    private final Stage stage;
    private final DocumentViewModel doc;
    private final CanvasViewModel canvasVm;
    private final DesignCanvas canvas;
    private final FileController files;
    /** Holds the first design back until the window's first frame is on screen (read and parsed meanwhile). */
    private final StartGate gate;

    private final ExportController exports;
    private final AsyncApiPreview preview;
    private final Actions actions = new Actions();
    private final BorderPane root = new BorderPane();
    private final SplitPane main = new SplitPane();
    private final SplitPane vertical = new SplitPane();
    private final Label status = new Label();
    private final Label problemsCount = new Label();
    private final TabPane dock = new TabPane();
    // The palette, the inspector and the bottom dock are built right after the window's first frame (issue #7). These
    // slots hold their places from the start (minimum sizes, dividers, background), so nothing moves when they come.
    private final StackPane paletteSlot = new StackPane();
    private final StackPane inspectorSlot = new StackPane();
    private final StackPane dockSlot = new StackPane();
    private ScrollPane paletteScroll;
    private InspectorView inspector;
    private final javafx.beans.property.ReadOnlyObjectWrapper<Theme> theme =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "theme", Theme.LIGHT);
    private Timeline autosave;
    /** Whether a design was opened in this window yet (at start-up, the panels follow the first one). */
    private boolean designShown;
    /** Starts and stops the window's timers as it shows and hides ({@link #runWhileShown}). */
    private javafx.util.Subscription shown;

    private Button themeButton;
    private final WindowState windowState;
    private SimulateMode simulate;
    private final DiffController diffs;

    public MainWindow(Stage stage, StudioHome home, Dialogs dialogs, TaskExecutor executor) {
        this(stage, home, dialogs, executor, new WindowState(home.dir()));
    }

    /** {@code windowState}: the saved layout, already read by the caller (StudioApp applies its theme first). */
    MainWindow(Stage stage, StudioHome home, Dialogs dialogs, TaskExecutor executor, WindowState windowState) {
        this.stage = stage;
        // Problems are first computed with the panels, after the first frame (issue #7).
        this.doc = new DocumentViewModel(new DesignDocument(Design.empty("Untitled"), null), false);
        this.canvasVm = new CanvasViewModel(doc);
        this.canvas = new DesignCanvas(canvasVm);
        Dialogs asker = dialogs == null ? new FxDialogs(stage) : dialogs;
        this.gate = new StartGate(executor);
        this.files = new FileController(doc, home, asker, gate);
        this.exports = new ExportController(doc, files, asker);
        this.diffs = new DiffController(doc, asker, dock, canvas);
        this.preview = new AsyncApiPreview(doc);
        this.windowState = windowState;
        this.theme.set(windowState.theme());
        // What reads the messages' payload schemas is checked once the design shows, off the FX thread (issue #15).
        doc.addChecker(d -> Linter.lint(d, CheckScope.WITHOUT_PAYLOAD_SCHEMAS));
        doc.addDeferredChecker(d -> Linter.lint(d, CheckScope.PAYLOAD_SCHEMAS));
        doc.setCheckRunner((work, done, failed) -> gate.run("check payload schemas", work, done, failed));
        files.setAfterOpen(() -> {
            designShown = true;
            javafx.application.Platform.runLater(canvas::fitToView);
            showProblemsIfBlocked();
            if (panelsBuilt()) {
                StartupTrace.finish("design shown");
            } else {
                StartupTrace.mark("design shown");
            }
        });
        createView();
        initActions();
        initListeners();
    }

    private void createView() {
        paletteSlot.setId("palette-panel");
        paletteSlot.getStyleClass().add("side-panel");
        paletteSlot.setMinWidth(150);
        inspectorSlot.setId("inspector-panel");
        inspectorSlot.getStyleClass().add("side-panel");
        inspectorSlot.setMinWidth(260);
        dockSlot.setId("dock-panel");
        dockSlot.setMinHeight(80);
        CanvasCell centre = new CanvasCell(canvas);
        simulate = new SimulateMode(doc, canvas, dock);
        // Simulate installs its tabs in the dock and grows it: the dock must be in place first.
        simulate.simulatingProperty().addListener((o, was, now) -> buildPanels());
        vertical.setOrientation(javafx.geometry.Orientation.VERTICAL);
        vertical.getItems().addAll(simulate.wrapCentre(centre), dockSlot);
        vertical.setDividerPositions(0.78);
        main.getItems().addAll(paletteSlot, vertical, inspectorSlot);
        main.setDividerPositions(0.13, 0.75);
        SplitPane.setResizableWithParent(paletteSlot, false);
        SplitPane.setResizableWithParent(inspectorSlot, false);
        root.setCenter(main);
        root.getStyleClass().add("studio");
    }

    /**
     * Builds the palette, the inspector and the bottom dock into their slots, and starts checking the design (its
     * problems show in the dock and the status bar). Runs once, at start-up right after the first design's frame
     * (or the first frame, if the design is not read yet), or on entering Simulate if that comes first.
     */
    private void buildPanels() {
        if (inspector != null) {
            return;
        }
        paletteScroll = new ScrollPane(new PaletteView(canvas));
        paletteScroll.setFitToWidth(true);
        paletteScroll.getStyleClass().add("side-panel");
        paletteSlot.getChildren().setAll(paletteScroll);
        inspector = new InspectorView(new InspectorViewModel(doc));
        inspector.setOnVaryInSweep(name -> {
            simulate.setSimulating(true);
            simulate.views().sweep().add(name);
            simulate.showTab("tab-sweep");
        });
        inspectorSlot.getChildren().setAll(inspector);
        Tab problems = new Tab("Problems", new ProblemsView(doc, canvas::reveal));
        problems.setId("tab-problems");
        problems.setClosable(false);
        Tab asyncapi = new Tab("AsyncAPI", preview);
        asyncapi.setId("tab-asyncapi");
        asyncapi.setClosable(false);
        asyncapi.selectedProperty().addListener((o, was, now) -> preview.setShown(now));
        // Simulate mode may have added its tabs already: the design's own come first.
        dock.getTabs().addAll(0, java.util.List.of(problems, asyncapi));
        dockSlot.getChildren().setAll(dock);
        doc.startChecking();
        updateStatus();
        // A design opened before the panels were built is checked only now.
        showProblemsIfBlocked();
    }

    private void initActions() {
        actions.bind(ActionId.NEW, files::newDesign);
        actions.bind(ActionId.OPEN, files::open);
        actions.bind(ActionId.OPEN_SAMPLE, () -> {
            if (files.confirmDiscard()) {
                files.openSample();
            }
        });
        actions.bind(ActionId.SAVE, () -> commitEditsThen(files::saveNow));
        actions.bind(ActionId.SAVE_AS, () -> commitEditsThen(files::saveAs));
        actions.bind(ActionId.UNDO, doc::undo, doc.canUndoProperty());
        actions.bind(ActionId.REDO, doc::redo, doc.canRedoProperty());
        actions.bind(ActionId.REDO_ALT, doc::redo, doc.canRedoProperty());
        actions.bind(ActionId.COPY, canvasVm::copy);
        // In Simulate the diagram is locked: what would change it is disabled there.
        var designing = simulate.simulatingProperty().not();
        actions.bind(ActionId.PASTE, canvasVm::paste, designing.and(canvasVm.clipboardFullProperty()));
        actions.bind(ActionId.DUPLICATE, canvasVm::duplicate, designing.and(Bindings.isNotEmpty(doc.getSelection())));
        var canDelete = designing.and(Bindings.isNotEmpty(doc.getSelection()));
        actions.bind(ActionId.DELETE, canvasVm::deleteSelection, canDelete);
        actions.bind(ActionId.DELETE_KEY, canvasVm::deleteSelection, canDelete);
        actions.bind(ActionId.SELECT_ALL, canvasVm::selectAll);
        actions.bind(ActionId.FIT, canvas::fitToView);
        actions.bind(ActionId.FIT_KEY, canvas::fitToView);
        actions.bind(ActionId.RUN_PAUSE, simulate::toggleRun, simulate.simulatingProperty());
        actions.bind(ActionId.RESET_RUN, simulate::resetRun, simulate.simulatingProperty());
        actions.bind(ActionId.SHORTCUTS, () -> ShortcutsView.show(stage));
        actions.bind(ActionId.ZOOM_IN, () -> canvasVm.zoomAt(1.2, canvas.getWidth() / 2, canvas.getHeight() / 2));
        actions.bind(ActionId.ZOOM_OUT, () -> canvasVm.zoomAt(1 / 1.2, canvas.getWidth() / 2, canvas.getHeight() / 2));
        actions.bind(ActionId.TOGGLE_THEME, () -> setTheme(theme.get().other()));
        actions.bind(ActionId.IMPORT_ASYNCAPI, exports::importAsyncApi);
        actions.bind(
                ActionId.COMPARE_SAVED,
                diffs::compareWithSaved,
                doc.pathProperty().isNotNull());
        actions.bind(ActionId.COMPARE_FILE, diffs::compareWithFile);
        // A design with validation errors is not exported: the reason shows in the status bar.
        var valid = doc.blockedProperty().isEmpty();
        actions.bind(
                ActionId.EXPORT_ASYNCAPI_30_YAML,
                () -> exports.exportAsyncApi(V3_0, AsyncApiExporter.Format.YAML),
                valid);
        actions.bind(
                ActionId.EXPORT_ASYNCAPI_30_JSON,
                () -> exports.exportAsyncApi(V3_0, AsyncApiExporter.Format.JSON),
                valid);
        actions.bind(
                ActionId.EXPORT_ASYNCAPI_26_YAML,
                () -> exports.exportAsyncApi(V2_6, AsyncApiExporter.Format.YAML),
                valid);
        actions.bind(
                ActionId.EXPORT_ASYNCAPI_26_JSON,
                () -> exports.exportAsyncApi(V2_6, AsyncApiExporter.Format.JSON),
                valid);
        actions.bind(ActionId.EXPORT_HTML, exports::exportHtml, valid);
        actions.bind(ActionId.EXPORT_SVG, exports::exportSvg, valid);
        actions.bind(ActionId.EXPORT_PNG, this::exportPng, valid);
        actions.bind(ActionId.AUTO_LAYOUT, () -> {
            exports.autoLayout();
            javafx.application.Platform.runLater(canvas::fitToView);
        });
        canvas.input().setActionItems(name -> actions.contextItem(ActionId.valueOf(name)));
        actions.bind(ActionId.QUIT, () -> {
            if (confirmClose()) {
                stage.close();
            }
        });
    }

    /**
     * A design opened with errors shows them at once: the Problems tab comes to the front (once its payload schemas are
     * checked, if they are being checked).
     */
    private void showProblemsIfBlocked() {
        if (!doc.blockedProperty().get().isEmpty()
                && !doc.isSchemasPending()
                && !dock.getTabs().isEmpty()) {
            dock.getSelectionModel().select(0);
        }
    }

    /** Runs an action as its menu item would (when it is enabled): scripts and tests. */
    public void run(ActionId id) {
        actions.run(id);
    }

    /** Asks where to and writes the whole diagram as PNG (File, Export). */
    public void exportPng() {
        exports.exportPng(canvas::snapshotDiagram);
    }

    private void commitEditsThen(Runnable action) {
        canvas.requestFocus();
        action.run();
    }

    private void initListeners() {
        doc.getProblems().addListener((ListChangeListener<Object>) c -> updateStatus());
        doc.blockedProperty().addListener(o -> updateStatus());
        doc.schemasPendingProperty().addListener((o, was, now) -> {
            updateStatus();
            if (!now) {
                showProblemsIfBlocked();
            }
        });
        doc.getSelection().addListener((javafx.collections.SetChangeListener<String>) c -> updateStatus());
        canvasVm.zoomProperty().addListener(o -> updateStatus());
        updateStatus();
    }

    private void updateStatus() {
        long errors = doc.getProblems().stream()
                .filter(p -> p.severity() == Severity.ERROR)
                .count();
        long others = doc.getProblems().size() - errors;
        status.setText(String.format(
                "Zoom %d%%   ·   %d selected",
                Math.round(canvasVm.zoomProperty().get() * 100),
                doc.getSelection().size()));
        if (!doc.isChecking()) {
            problemsCount.setText(""); // not checked yet: no count rather than a wrong one
            return;
        }
        problemsCount.setText(errors
                + (errors == 1 ? " error · " : " errors · ")
                + others
                + (others == 1 ? " finding" : " findings")
                + (doc.isSchemasPending()
                        ? " · checking the message schemas…"
                        : doc.blockedProperty().get().isEmpty()
                                ? ""
                                : " · Simulate and Export are off until errors are fixed"));
        problemsCount.setTooltip(
                doc.blockedProperty().get().isEmpty()
                        ? null
                        : new javafx.scene.control.Tooltip(doc.blockedProperty().get()));
        problemsCount.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("blocked"),
                !doc.blockedProperty().get().isEmpty());
    }

    /** Builds the scene, shows the window, and opens {@code file}, restored work, or the sample. */
    public Scene show(Path file) {
        root.setTop(new VBox(new MainMenu(this, actions).build(), toolBar()));
        root.setBottom(statusBar());
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(
                root,
                Math.min(windowState.width(1360), screen.getWidth()),
                Math.min(windowState.height(860), screen.getHeight()));
        setTheme(theme.get(), scene);
        actions.setScene(scene);
        actions.installKeys(scene, canvas);
        initDragAndDrop(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(doc.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!confirmClose()) {
                e.consume();
            }
        });
        StartupTrace.mark("stage.show()");
        stage.show();
        StartupTrace.mark("shown");
        windowState.restore(stage, main, vertical);
        // The design is read and parsed while the first frame renders (the FX thread mostly waits for the renderer
        // then, and a cold parse takes longer than the frame); it is shown once the frame is up. Restored work asks
        // first, so it waits for the frame.
        boolean early = file != null || !files.hasRecovery();
        if (early) {
            openFirst(file);
        }
        // The design comes once the first frame is on screen, and the panels once the design's frame is (issues #7,
        // #15): the design is what the user waits for, the palette, inspector and dock follow it. Restored work asks
        // first (a dialog), so it waits for frame 1 too.
        afterNextFrame(scene, () -> {
            StartupTrace.mark("frame 1 up");
            if (!early) {
                openFirst(file);
            }
            gate.open();
            // Built before the design is shown, the panels' first CSS pass and layout would come before it: they wait
            // for the first design's frame, or for its failure (restored work is shown at once, without the gate).
            Runnable panels = () -> {
                if (designShown) {
                    afterNextFrame(scene, this::buildPanelsTraced);
                } else {
                    buildPanelsTraced();
                }
            };
            if (designShown) {
                panels.run();
            } else {
                gate.afterFirstResult(panels);
            }
        });
        autosave = new Timeline(new KeyFrame(
                Duration.seconds(Integer.getInteger("eventflow.autosaveSeconds", 20)), e -> files.autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        runWhileShown(scene);
        canvas.requestFocus();
        return scene;
    }

    /**
     * Runs {@code action} once the frame that the next pulse renders is on screen. A frame reaches the window only when
     * the FX thread runs the upload that the renderer posts when it has painted the frame, so work posted to the FX
     * thread before that upload delays the frame. A second pulse (forced by a tiny change, the status label's opacity,
     * so it repaints almost nothing) waits for the first one's frame to finish rendering; a task posted from a task that
     * runs after that pulse therefore comes after the frame's upload.
     */
    private void afterNextFrame(Scene scene, Runnable action) {
        scene.addPostLayoutPulseListener(new Runnable() {
            private int pulses;

            @Override
            public void run() {
                pulses++;
                StartupTrace.mark("pulse " + pulses);
                if (pulses == 1) {
                    javafx.application.Platform.runLater(() -> status.setOpacity(0.999));
                    return;
                }
                scene.removePostLayoutPulseListener(this);
                javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(() -> {
                    status.setOpacity(1);
                    action.run();
                }));
            }
        });
        javafx.application.Platform.requestNextPulse();
    }

    private void buildPanelsTraced() {
        buildPanels();
        if (designShown) {
            StartupTrace.finish("panels built");
        } else {
            StartupTrace.mark("panels built");
        }
    }

    /**
     * Runs the autosave timer while the window shows this scene; when the window is hidden, however (the close button
     * asks first in {@link #confirmClose}; a stage hidden by code or by {@code Platform.exit} does not), or the stage
     * gets another scene, it stops the autosave and a simulation's frame timer and thread. The FX pulse timer holds
     * running timers, and they hold this whole window: before, every window a test class opened stayed reachable in a
     * test JVM (docs/gui.md, Tests).
     */
    private void runWhileShown(Scene scene) {
        shown = scene.windowProperty()
                .flatMap(Window::showingProperty)
                .orElse(false)
                .subscribe(showing -> {
                    if (showing) {
                        autosave.play();
                    } else {
                        autosave.stop();
                        simulate.dispose();
                    }
                });
    }

    /**
     * Opens {@code file}, restored work, or the sample: the design is read and parsed on the executor, and appears in
     * the window once the first frame is on screen and it is parsed, whichever comes last (issues #7, #15).
     */
    private void openFirst(Path file) {
        if (file != null) {
            files.openPath(file);
        } else if (!files.offerRecovery()) {
            files.openSample();
        }
    }

    private boolean confirmClose() {
        if (!files.confirmDiscard()) {
            return false;
        }
        files.deleteRecovery();
        windowState.save(stage, theme.get(), main, vertical);
        if (autosave != null) {
            autosave.stop();
        }
        simulate.dispose();
        return true;
    }

    private void initDragAndDrop(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok =
                    e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                File f = e.getDragboard().getFiles().get(0);
                javafx.application.Platform.runLater(() -> files.openAsked(f.toPath()));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private ToolBar toolBar() {
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        themeButton = actions.button(ActionId.TOGGLE_THEME);
        Button theme = themeButton;
        return new ToolBar(
                actions.button(ActionId.NEW),
                actions.button(ActionId.OPEN),
                actions.button(ActionId.SAVE),
                vsep(),
                actions.button(ActionId.UNDO),
                actions.button(ActionId.REDO),
                vsep(),
                actions.button(ActionId.DELETE),
                actions.button(ActionId.COPY),
                actions.button(ActionId.PASTE),
                vsep(),
                actions.button(ActionId.ZOOM_OUT),
                actions.button(ActionId.ZOOM_IN),
                actions.button(ActionId.FIT),
                actions.button(ActionId.AUTO_LAYOUT),
                vsep(),
                simulate.modeToggle(),
                spacer,
                theme);
    }

    private static javafx.scene.control.Separator vsep() {
        return new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL);
    }

    private HBox statusBar() {
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label file = new Label();
        file.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> doc.pathProperty().get() == null
                                ? "not saved"
                                : doc.pathProperty().get().toString(),
                        doc.pathProperty()));
        problemsCount.setId("status-problems");
        problemsCount.setOnMouseClicked(e -> dock.getSelectionModel().select(0));
        status.setId("status-text");
        HBox bar = new HBox(16, status, simulate.statusLabel(), spacer, file, problemsCount);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    public void setTheme(Theme t) {
        setTheme(t, stage.getScene());
    }

    /** The current theme: the "Dark theme" menu item and the toolbar button follow it. */
    public javafx.beans.property.ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    private void setTheme(Theme t, Scene scene) {
        theme.set(t);
        if (themeButton != null) {
            themeButton.setGraphic(io.eventflow.app.fx.Icons.of(
                    t == Theme.LIGHT
                            ? org.kordamp.ikonli.materialdesign2.MaterialDesignW.WEATHER_NIGHT
                            : org.kordamp.ikonli.materialdesign2.MaterialDesignW.WHITE_BALANCE_SUNNY));
        }
        if (scene != null) {
            t.apply(scene);
        }
    }

    CanvasViewModel canvasViewModel() {
        return canvasVm;
    }

    /** Whether the palette, the inspector and the dock are built (right after the first frame). */
    public boolean panelsBuilt() {
        return inspector != null;
    }

    /** The palette's place in the window (the palette itself arrives after the first frame). */
    StackPane palettePanel() {
        return paletteSlot;
    }

    /** The inspector's place in the window (the inspector itself arrives after the first frame). */
    StackPane inspectorPanel() {
        return inspectorSlot;
    }

    /** The bottom dock's place in the window (the dock itself arrives after the first frame). */
    StackPane dockPanel() {
        return dockSlot;
    }

    TabPane dock() {
        return dock;
    }

    SplitPane mainSplit() {
        return main;
    }

    SplitPane verticalSplit() {
        return vertical;
    }

    public DocumentViewModel document() {
        return doc;
    }

    public DesignCanvas canvas() {
        return canvas;
    }

    Stage stage() {
        return stage;
    }

    public ExportController exports() {
        return exports;
    }

    public SimulateMode simulate() {
        return simulate;
    }

    public FileController files() {
        return files;
    }

    static boolean isDesignFile(Path p) {
        return p.getFileName().toString().endsWith(DesignFiles.EXTENSION);
    }
}
