package io.eventflow.app.shell;

import io.eventflow.app.canvas.DesignCanvas;
import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.Design;
import io.eventflow.model.diff.DiffInputs;
import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.Problem;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Compare with saved version, Compare with file…: opens the Diff tab in the dock and marks the changed elements on the
 * canvas until the tab is closed (or another design is loaded).
 */
final class DiffController {
    /** The dock height that shows the summary, the column headers and about six changes. */
    private static final double ROWS_HEIGHT = 260;

    private final DocumentViewModel doc;
    private final Dialogs dialogs;
    private final TabPane dock;
    private final DesignCanvas canvas;
    private final DiffViewModel vm;
    private Tab tab;

    DiffController(DocumentViewModel doc, Dialogs dialogs, TabPane dock, DesignCanvas canvas) {
        this.doc = doc;
        this.dialogs = dialogs;
        this.dock = dock;
        this.canvas = canvas;
        this.vm = new DiffViewModel(doc);
        vm.marksProperty().subscribe(canvas::setDiffMarks);
        // Another design loaded: the comparison was of the previous one.
        doc.loadsProperty().subscribe(n -> closeTab());
    }

    /** Compares with the file the design was opened from or last saved to. */
    void compareWithSaved() {
        Path path = doc.pathProperty().get();
        if (path != null) {
            compare(path, "the saved version");
        }
    }

    /** Asks for a design or AsyncAPI document and compares with it (it is the earlier version). */
    void compareWithFile() {
        Path dir = doc.pathProperty().get() == null
                ? null
                : doc.pathProperty().get().toAbsolutePath().getParent();
        Optional<Path> chosen = dialogs.chooseFile("Compare with file", false, dir, null, "*.yaml", "*.yml", "*.json");
        chosen.ifPresent(p -> compare(p, String.valueOf(p.getFileName())));
    }

    private void compare(Path file, String name) {
        Design earlier;
        try {
            earlier = DiffInputs.read(file);
        } catch (InputException e) {
            String problems =
                    e.problems().stream().limit(12).map(Problem::format).collect(Collectors.joining("\n"));
            dialogs.showError("Could not compare with " + file.getFileName(), problems);
            return;
        }
        vm.compareWith(name, earlier);
        if (tab == null) {
            tab = new Tab("Diff", new DiffView(vm, canvas::reveal));
            tab.setId("tab-diff");
            tab.setOnClosed(e -> {
                tab = null;
                vm.close();
            });
            dock.getTabs().add(tab);
        }
        tab.setText("Diff: " + name);
        dock.getSelectionModel().select(tab);
        showRows();
    }

    /**
     * Gives the dock room for the summary, the column headers and a few changes: at 1366×768 the dock's default share
     * showed only the headers. It only grows, to at most half the window's centre, and stays where the user puts it.
     */
    private void showRows() {
        for (javafx.scene.Parent p = dock.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.SplitPane sp
                    && sp.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                double height = sp.getHeight();
                double wanted = Math.min(ROWS_HEIGHT, height / 2);
                if (height > 0 && dock.getHeight() < wanted) {
                    sp.setDividerPositions(1 - wanted / height);
                }
                return;
            }
        }
    }

    private void closeTab() {
        if (tab != null) {
            dock.getTabs().remove(tab);
            tab = null;
        }
        vm.close();
    }

    DiffViewModel viewModel() {
        return vm;
    }

    /** For tests: the marks shown on the canvas. */
    Map<String, Boolean> marks() {
        return vm.marksProperty().get();
    }
}
