package io.eventflow.app.document;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.edit.Command;
import io.eventflow.model.edit.DesignDocument;
import io.eventflow.model.edit.DesignListener;
import io.eventflow.model.edit.Selection;
import io.eventflow.model.validate.Problem;
import io.eventflow.model.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The design being edited, as FX properties: adapts the plain-Java {@link DesignDocument} for the views. Holds the
 * selection (element ids and edge ids) and the live problems. No nodes.
 */
public final class DocumentViewModel {
    private final DesignDocument document;
    private final ReadOnlyObjectWrapper<Design> design = new ReadOnlyObjectWrapper<>(this, "design");
    private final ReadOnlyObjectWrapper<Path> path = new ReadOnlyObjectWrapper<>(this, "path");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper blocked = new ReadOnlyStringWrapper(this, "blocked", "");
    private final javafx.beans.property.ReadOnlyIntegerWrapper loads =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "loads");
    private final ObservableSet<String> selection = FXCollections.observableSet();
    private final List<Function<Design, List<Problem>>> checkers = new ArrayList<>();
    private final DesignListener listener = (doc, change) -> refresh(change);
    private boolean checking;

    /** A view model that checks the design (validation, then the added checkers) from the start. */
    public DocumentViewModel(DesignDocument document) {
        this(document, true);
    }

    /**
     * @param checkNow false to leave the problems empty, and the checkers not run, until {@link #startChecking()}: the
     *     main window checks only once it shows (issue #7)
     */
    public DocumentViewModel(DesignDocument document, boolean checkNow) {
        this.document = document;
        this.checking = checkNow;
        checkers.add(Validator::validate);
        document.addListener(listener);
        refresh(DesignListener.Change.REPLACED);
    }

    /** Adds a source of problems (e.g. lint) run on every change. */
    public void addChecker(Function<Design, List<Problem>> checker) {
        checkers.add(checker);
        refreshProblems();
    }

    /** Runs the checkers now and on every change from now on (no-op if they already run). */
    public void startChecking() {
        if (!checking) {
            checking = true;
            refreshProblems();
        }
    }

    /** Whether the problems are computed yet (see {@link #startChecking()}). */
    public boolean isChecking() {
        return checking;
    }

    public DesignDocument document() {
        return document;
    }

    public void execute(Command command) {
        document.execute(command);
    }

    public void undo() {
        document.undo();
        pruneSelection();
    }

    public void redo() {
        document.redo();
        pruneSelection();
    }

    /** Loads another design: history is forgotten, the selection cleared. */
    public void replace(Design newDesign, Path newPath, boolean isDirty) {
        selection.clear();
        document.replace(newDesign, newPath, isDirty);
        loads.set(loads.get() + 1);
    }

    /** Counts the designs loaded (new, open, import, recovery): views of the previous design reset when it changes. */
    public javafx.beans.property.ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    public void markSaved(Path savedPath) {
        document.markSaved(savedPath);
    }

    private void refresh(DesignListener.Change change) {
        Design d = document.design();
        design.set(d);
        path.set(document.path().orElse(null));
        dirty.set(document.isDirty());
        canUndo.set(document.history().canUndo());
        canRedo.set(document.history().canRedo());
        undoText.set(document.history().undoDescription().map(s -> "Undo " + s).orElse("Undo"));
        redoText.set(document.history().redoDescription().map(s -> "Redo " + s).orElse("Redo"));
        title.set(titleOf(d.name(), document.path().orElse(null), document.isDirty()));
        if (change != DesignListener.Change.FILE) {
            refreshProblems();
        }
    }

    private void refreshProblems() {
        if (!checking) {
            return;
        }
        List<Problem> all = new ArrayList<>();
        List<Problem> validation = List.of();
        for (int i = 0; i < checkers.size(); i++) {
            List<Problem> found = checkers.get(i).apply(document.design());
            if (i == 0) {
                validation = found; // the first checker is validation: its errors block simulating and exporting
            }
            all.addAll(found);
        }
        blocked.set(blockedReason(validation));
        all.sort(Comparator.comparing((Problem p) -> p.severity().ordinal()));
        problems.setAll(all);
    }

    /** Why the design cannot be simulated or exported ("" when it can): its validation errors. */
    static String blockedReason(List<Problem> validation) {
        List<Problem> errors = validation.stream().filter(Problem::isError).toList();
        if (errors.isEmpty()) {
            return "";
        }
        Problem first = errors.get(0);
        String more = errors.size() == 1 ? "" : " (and " + (errors.size() - 1) + " more)";
        return "Simulate and Export are off until the design's errors are fixed (see Problems): " + first.message()
                + more;
    }

    private void pruneSelection() {
        Design d = document.design();
        selection.removeIf(id -> !EdgeId.isEdgeKey(id) && d.elementIds().noneMatch(id::equals));
    }

    /** The window title: design name, dirty marker, file path. */
    static String titleOf(String name, Path file, boolean isDirty) {
        String where = file == null ? "not saved" : file.toAbsolutePath().toString();
        return (isDirty ? "● " : "") + name + " — " + where + " — EventFlow Studio";
    }

    public ReadOnlyObjectProperty<Design> designProperty() {
        return design.getReadOnlyProperty();
    }

    public Design getDesign() {
        return design.get();
    }

    public ReadOnlyObjectProperty<Path> pathProperty() {
        return path.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /**
     * Why the design cannot be simulated or exported, in the user's words; empty when it can (no validation errors).
     */
    public ReadOnlyStringProperty blockedProperty() {
        return blocked.getReadOnlyProperty();
    }

    public ObservableList<Problem> getProblems() {
        return problems;
    }

    /** The selection, typed: the elements' ids and the edges in {@link #getSelection()}. */
    public Selection selection() {
        return Selection.of(selection);
    }

    public ObservableSet<String> getSelection() {
        return selection;
    }

    public void dispose() {
        document.removeListener(listener);
    }
}
