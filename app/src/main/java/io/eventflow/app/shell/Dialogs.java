package io.eventflow.app.shell;

import java.nio.file.Path;
import java.util.Optional;

/** The questions the shell asks the user; tests answer them without a window. */
public interface Dialogs {
    /** What to do with unsaved changes. */
    enum Discard {
        SAVE,
        DISCARD,
        CANCEL
    }

    Discard confirmDiscard(String designName);

    /** Shows an error in the user's language: what, where, what to do. Never a stack trace. */
    void showError(String title, String message);

    /** Offers to restore autosaved work; true to restore. */
    boolean confirmRestore(String description);

    Optional<Path> chooseOpen(Path initialDir);

    Optional<Path> chooseSave(Path initialDir, String initialName);

    /**
     * Any other file: imports and exports, starting in {@code initialDir} (null: the system's choice) with {@code
     * initialName}. {@code patterns} such as {@code *.yaml}.
     */
    Optional<Path> chooseFile(String title, boolean save, Path initialDir, String initialName, String... patterns);

    /** Confirms that an export wrote {@code file} ({@code what}: "AsyncAPI 3.0", "HTML documentation"...). */
    void exported(String what, Path file);
}
