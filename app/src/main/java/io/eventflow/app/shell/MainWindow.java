package io.eventflow.app.shell;

import io.eventflow.app.canvas.CanvasViewModel;
import io.eventflow.app.canvas.DesignCanvas;
import io.eventflow.app.canvas.PaletteView;
import io.eventflow.app.fx.Theme;
import io.eventflow.app.inspector.InspectorView;
import io.eventflow.app.inspector.InspectorViewModel;
import io.eventflow.model.design.Design;
import io.eventflow.model.edit.DesignDocument;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.validate.Severity;
import java.io.File;
import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
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
    private final Actions actions = new Actions();
    private final BorderPane root = new BorderPane();
    private final SplitPane main = new SplitPane();
    private final SplitPane vertical = new SplitPane();
    private final Label status = new Label();
    private final Label problemsCount = new Label();
    private final TabPane dock = new TabPane();
    private ScrollPane paletteScroll;
    private InspectorView inspector;
    private Theme theme = Theme.LIGHT;
    private Timeline autosave;
    private io.eventflow.app.simview.SimulateMode simulate;

    public MainWindow(Stage stage, StudioHome home, Dialogs dialogs, TaskExecutor executor) {
        this.stage = stage;
        this.doc = new DocumentViewModel(new DesignDocument(Design.empty("Untitled"), null));
        this.canvasVm = new CanvasViewModel(doc);
        this.canvas = new DesignCanvas(canvasVm);
        this.files = new FileController(doc, home, dialogs == null ? new FxDialogs(stage) : dialogs, executor);
        files.setAfterOpen(() -> javafx.application.Platform.runLater(canvas::fitToView));
        createView();
        initActions();
        initListeners();
    }

    private void createView() {
        paletteScroll = new ScrollPane(new PaletteView(canvas));
        paletteScroll.setFitToWidth(true);
        paletteScroll.getStyleClass().add("side-panel");
        paletteScroll.setMinWidth(150);
        inspector = new InspectorView(new InspectorViewModel(doc));
        inspector.setMinWidth(260);
        Tab problems = new Tab("Problems", new ProblemsView(doc, canvas::reveal));
        problems.setId("tab-problems");
        problems.setClosable(false);
        dock.getTabs().add(problems);
        dock.setMinHeight(80);
        StackPaneCanvas centre = new StackPaneCanvas(canvas);
        simulate = new io.eventflow.app.simview.SimulateMode(doc, canvas, dock);
        vertical.setOrientation(javafx.geometry.Orientation.VERTICAL);
        vertical.getItems().addAll(simulate.wrapCentre(centre), dock);
        vertical.setDividerPositions(0.78);
        main.getItems().addAll(paletteScroll, vertical, inspector);
        main.setDividerPositions(0.13, 0.75);
        SplitPane.setResizableWithParent(paletteScroll, false);
        SplitPane.setResizableWithParent(inspector, false);
        root.setCenter(main);
        root.getStyleClass().add("studio");
    }

    /** Wraps the canvas so it fills its split-pane cell. */
    private static final class StackPaneCanvas extends Pane {
        private final DesignCanvas canvas;

        StackPaneCanvas(DesignCanvas canvas) {
            this.canvas = canvas;
            getChildren().add(canvas);
            setMinSize(100, 100);
        }

        @Override
        protected void layoutChildren() {
            canvas.resizeRelocate(0, 0, getWidth(), getHeight());
        }
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
        actions.bind(ActionId.PASTE, canvasVm::paste);
        actions.bind(ActionId.DUPLICATE, canvasVm::duplicate);
        actions.bind(ActionId.DELETE, canvasVm::deleteSelection, Bindings.isNotEmpty(doc.getSelection()));
        actions.bind(ActionId.SELECT_ALL, canvasVm::selectAll);
        actions.bind(ActionId.FIT, canvas::fitToView);
        actions.bind(ActionId.ZOOM_IN, () -> canvasVm.zoomAt(1.2, canvas.getWidth() / 2, canvas.getHeight() / 2));
        actions.bind(ActionId.ZOOM_OUT, () -> canvasVm.zoomAt(1 / 1.2, canvas.getWidth() / 2, canvas.getHeight() / 2));
        actions.bind(ActionId.TOGGLE_THEME, () -> setTheme(theme.other()));
        actions.bind(ActionId.QUIT, () -> {
            if (confirmClose()) {
                stage.close();
            }
        });
    }

    private void commitEditsThen(Runnable action) {
        canvas.requestFocus();
        action.run();
    }

    private void initListeners() {
        doc.getProblems().addListener((ListChangeListener<Object>) c -> updateStatus());
        doc.getSelection().addListener((javafx.collections.SetChangeListener<String>) c -> updateStatus());
        canvasVm.zoomProperty().addListener(o -> updateStatus());
        canvas.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F && !e.isShortcutDown()) {
                canvas.fitToView();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE) {
                canvasVm.deleteSelection();
                e.consume();
            }
        });
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
        problemsCount.setText(errors + " errors, " + others + " warnings");
    }

    /** Builds the scene, shows the window, and opens {@code file}, restored work, or the sample. */
    public Scene show(Path file) {
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setBottom(statusBar());
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        setTheme(theme, scene);
        actions.setScene(scene);
        actions.installKeys(scene);
        initDragAndDrop(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(doc.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!confirmClose()) {
                e.consume();
            }
        });
        stage.show();
        if (file != null) {
            files.openPath(file);
        } else if (!files.offerRecovery()) {
            files.openSample();
        }
        autosave = new Timeline(new KeyFrame(
                Duration.seconds(Integer.getInteger("eventflow.autosaveSeconds", 20)), e -> files.autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        canvas.requestFocus();
        return scene;
    }

    private boolean confirmClose() {
        if (!files.confirmDiscard()) {
            return false;
        }
        files.deleteRecovery();
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

    private MenuBar menuBar() {
        Menu recent = new Menu("Open Recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : files.getRecent()) {
                MenuItem item = new MenuItem(p.toString());
                item.setOnAction(e -> files.openAsked(p));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        files.getRecent().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        Menu file = new Menu(
                "File",
                null,
                item(ActionId.NEW),
                item(ActionId.OPEN),
                recent,
                item(ActionId.OPEN_SAMPLE),
                new SeparatorMenuItem(),
                item(ActionId.SAVE),
                item(ActionId.SAVE_AS),
                new SeparatorMenuItem(),
                item(ActionId.QUIT));
        MenuItem undo = item(ActionId.UNDO);
        undo.textProperty().bind(doc.undoTextProperty());
        MenuItem redo = item(ActionId.REDO);
        redo.textProperty().bind(doc.redoTextProperty());
        Menu edit = new Menu(
                "Edit",
                null,
                undo,
                redo,
                new SeparatorMenuItem(),
                item(ActionId.COPY),
                item(ActionId.PASTE),
                item(ActionId.DUPLICATE),
                item(ActionId.DELETE),
                new SeparatorMenuItem(),
                item(ActionId.SELECT_ALL));
        CheckMenuItem snap = new CheckMenuItem(ActionId.SNAP.label());
        snap.selectedProperty().bindBidirectional(canvasVm.snapToGridProperty());
        CheckMenuItem dark = new CheckMenuItem(ActionId.TOGGLE_THEME.label());
        dark.setOnAction(e -> setTheme(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        Menu view = new Menu(
                "View",
                null,
                item(ActionId.FIT),
                item(ActionId.ZOOM_IN),
                item(ActionId.ZOOM_OUT),
                snap,
                new SeparatorMenuItem(),
                toggle("Palette", paletteScroll, main),
                toggle("Inspector", inspector, main),
                toggle("Bottom panel", dock, vertical),
                new SeparatorMenuItem(),
                dark);
        MenuBar bar = new MenuBar(file, edit, view);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private MenuItem item(ActionId id) {
        return actions.menuItem(id);
    }

    private static CheckMenuItem toggle(String label, javafx.scene.Node panel, SplitPane pane) {
        CheckMenuItem item = new CheckMenuItem(label);
        item.setSelected(true);
        int index = pane.getItems().indexOf(panel);
        item.setOnAction(e -> {
            if (item.isSelected() && !pane.getItems().contains(panel)) {
                pane.getItems().add(Math.min(index, pane.getItems().size()), panel);
            } else if (!item.isSelected()) {
                pane.getItems().remove(panel);
            }
        });
        return item;
    }

    private ToolBar toolBar() {
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = actions.button(ActionId.TOGGLE_THEME);
        return new ToolBar(
                actions.button(ActionId.NEW),
                actions.button(ActionId.OPEN),
                actions.button(ActionId.SAVE),
                new javafx.scene.control.Separator(),
                actions.button(ActionId.UNDO),
                actions.button(ActionId.REDO),
                new javafx.scene.control.Separator(),
                actions.button(ActionId.DELETE),
                actions.button(ActionId.COPY),
                actions.button(ActionId.PASTE),
                new javafx.scene.control.Separator(),
                actions.button(ActionId.ZOOM_OUT),
                actions.button(ActionId.ZOOM_IN),
                actions.button(ActionId.FIT),
                new javafx.scene.control.Separator(),
                simulate.modeToggle(),
                spacer,
                theme);
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

    private void setTheme(Theme t, Scene scene) {
        theme = t;
        if (scene != null) {
            t.apply(scene);
        }
        canvas.setGridColors(
                t == Theme.LIGHT ? Color.web("#d0d7de") : Color.web("#30363d"),
                t == Theme.LIGHT ? Color.web("#afb8c1") : Color.web("#484f58"));
    }

    public DocumentViewModel document() {
        return doc;
    }

    public DesignCanvas canvas() {
        return canvas;
    }

    public io.eventflow.app.simview.SimulateMode simulate() {
        return simulate;
    }

    public FileController files() {
        return files;
    }

    static boolean isDesignFile(Path p) {
        return p.getFileName().toString().endsWith(DesignFiles.EXTENSION);
    }
}
