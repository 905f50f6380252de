package io.eventflow.app.shell;

import io.eventflow.model.io.DesignFiles;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: alerts and file choosers owned by the main window. */
final class FxDialogs implements Dialogs {
    private final Window owner;

    FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Discard confirmDiscard(String designName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to “" + designName + "”?");
        a.setContentText("Your changes will be lost if you don't save them.");
        ButtonType r = a.showAndWait().orElse(ButtonType.CANCEL);
        return r == save ? Discard.SAVE : r == discard ? Discard.DISCARD : Discard.CANCEL;
    }

    @Override
    public void showError(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setTitle("EventFlow Studio");
        a.setHeaderText(title);
        TextArea text = new TextArea(message);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(14, (int) message.lines().count() + 1));
        a.getDialogPane().setContent(text);
        a.showAndWait();
    }

    @Override
    public boolean confirmRestore(String description) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, description, restore, discard);
        a.initOwner(owner);
        a.setTitle("Restore unsaved work");
        a.setHeaderText("Restore the design you were working on?");
        return a.showAndWait().orElse(discard) == restore;
    }

    @Override
    public Optional<Path> chooseOpen(Path initialDir) {
        FileChooser fc = chooser(initialDir);
        fc.setTitle("Open design");
        File f = fc.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(Path initialDir, String initialName) {
        FileChooser fc = chooser(initialDir);
        fc.setTitle("Save design as");
        fc.setInitialFileName(initialName);
        File f = fc.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static FileChooser chooser(Path initialDir) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("EventFlow designs", "*" + DesignFiles.EXTENSION),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
        if (initialDir != null && initialDir.toFile().isDirectory()) {
            fc.setInitialDirectory(initialDir.toFile());
        }
        return fc;
    }

    @Override
    public Optional<Path> chooseFile(
            String title, boolean save, Path initialDir, String initialName, String... patterns) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (initialDir != null && java.nio.file.Files.isDirectory(initialDir)) {
            fc.setInitialDirectory(initialDir.toFile());
        }
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", patterns), patterns));
        if (initialName != null) {
            fc.setInitialFileName(initialName);
        }
        File f = save ? fc.showSaveDialog(owner) : fc.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public void exported(String what, Path file) {
        io.eventflow.app.fx.ExportNotice.show(owner, what, file);
    }
}
