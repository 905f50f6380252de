package io.eventflow.app.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tinylog.Logger;

/** Dialog answers given in advance, for tests, benchmarks and screenshots: nothing pops up. */
public final class ScriptedDialogs implements Dialogs {
    private final List<String> errors = new ArrayList<>();
    private final List<Path> exported = new ArrayList<>();
    private Chooser lastChooser;

    /** Where a file chooser would have started and with which name. */
    public record Chooser(String title, Path initialDir, String initialName) {}

    private Discard discard = Discard.DISCARD;
    private boolean restore;
    private Path openPath;
    private Path savePath;
    private Path filePath;

    public ScriptedDialogs discardAnswer(Discard answer) {
        discard = answer;
        return this;
    }

    public ScriptedDialogs restoreAnswer(boolean answer) {
        restore = answer;
        return this;
    }

    public ScriptedDialogs openAnswer(Path path) {
        openPath = path;
        return this;
    }

    public ScriptedDialogs saveAnswer(Path path) {
        savePath = path;
        return this;
    }

    public ScriptedDialogs fileAnswer(Path path) {
        filePath = path;
        return this;
    }

    /** The errors that would have been shown, as "title: message". */
    public List<String> errors() {
        return errors;
    }

    @Override
    public Discard confirmDiscard(String designName) {
        return discard;
    }

    @Override
    public void showError(String title, String message) {
        Logger.warn("{}: {}", title, message);
        errors.add(title + ": " + message);
    }

    @Override
    public boolean confirmRestore(String description) {
        return restore;
    }

    @Override
    public Optional<Path> chooseOpen(Path initialDir) {
        return Optional.ofNullable(openPath);
    }

    @Override
    public Optional<Path> chooseSave(Path initialDir, String initialName) {
        return Optional.ofNullable(savePath);
    }

    @Override
    public Optional<Path> chooseFile(
            String title, boolean save, Path initialDir, String initialName, String... patterns) {
        lastChooser = new Chooser(title, initialDir, initialName);
        return Optional.ofNullable(filePath);
    }

    @Override
    public void exported(String what, Path file) {
        Logger.info("{} exported to {}", what, file);
        exported.add(file);
    }

    /** The files whose export was confirmed. */
    public List<Path> exported() {
        return exported;
    }

    /** The last file chooser asked for (title, folder, name), or null. */
    public Chooser lastChooser() {
        return lastChooser;
    }
}
