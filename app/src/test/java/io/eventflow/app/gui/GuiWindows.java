package io.eventflow.app.gui;

import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.app.shell.StudioHome;
import io.eventflow.app.shell.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;

/**
 * The main window as the GUI tests open it: a fresh home folder (no saved layout, recent files or autosave), scripted
 * dialogs, and file work on the calling thread. Shown with the sample design, or the design given.
 */
final class GuiWindows {
    private GuiWindows() {}

    /** Opens the window with the sample design and dialogs that answer as the test scripts them. */
    static MainWindow open(Stage stage, ScriptedDialogs dialogs) throws IOException {
        return open(stage, dialogs, Files.createTempDirectory("home"), null);
    }

    /** Opens the window with the sample design and dialogs as {@link ScriptedDialogs} answers unscripted. */
    static MainWindow open(Stage stage) throws IOException {
        return open(stage, new ScriptedDialogs());
    }

    /** Opens the window on {@code home} (a layout saved there applies) with {@code file}, or the sample if null. */
    static MainWindow open(Stage stage, ScriptedDialogs dialogs, Path home, Path file) {
        MainWindow window = new MainWindow(stage, new StudioHome(home), dialogs, TaskExecutor.sameThread());
        window.show(file);
        return window;
    }
}
