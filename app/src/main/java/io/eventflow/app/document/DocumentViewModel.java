package io.eventflow.app.document;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
import io.eventflow.model.edit.Command;
import io.eventflow.model.edit.DesignDocument;
import io.eventflow.model.edit.DesignListener;
import io.eventflow.model.edit.Selection;
import io.eventflow.model.validate.CheckScope;
import io.eventflow.model.validate.Problem;
import io.eventflow.model.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
 *
 * <p>The problems come from checkers run on every change, and from deferred checkers: the checks that read the
 * messages' payload schemas ({@link CheckScope#PAYLOAD_SCHEMAS}), whose libraries (Avro, Wire, a JSON Schema
 * validator: some 800 classes) would delay the first look at a design (issue #15). When a design is loaded they run
 * once, through the {@link CheckRunner} (off the FX thread in the app); until they have run, Simulate and Export wait
 * ({@link #blockedProperty()}, {@link #schemasPendingProperty()}). Edits check them again on the FX thread, as before:
 * the schemas were read once already, and the payload checks are cached.
 */
public final class DocumentViewModel {
    /** Why Simulate and Export wait while the payload schemas of a loaded design are being checked. */
    public static final String SCHEMAS_PENDING =
            "Simulate and Export wait until the message schemas are checked (a moment after opening a design)";

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
    private final List<Function<Design, List<Problem>>> deferredCheckers = new ArrayList<>();
    private final ReadOnlyBooleanWrapper schemasPending = new ReadOnlyBooleanWrapper(this, "schemasPending");
    private final DesignListener listener = (doc, change) -> refresh(change);
    private boolean checking;
    private CheckRunner runner = CheckRunner.SAME_THREAD;
    private SchemaProblems deferred = SchemaProblems.NONE;
    private Design checkedDesign;
    private List<List<Problem>> checked = List.of();
    private long generation;
    private Design locatedDesign;
    private UnaryOperator<Problem> locator;
    private boolean loading;

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
        checkers.add(d -> Validator.validate(d, CheckScope.WITHOUT_PAYLOAD_SCHEMAS));
        deferredCheckers.add(d -> Validator.validate(d, CheckScope.PAYLOAD_SCHEMAS));
        document.addListener(listener);
        refresh(DesignListener.Change.REPLACED);
    }

    /** Adds a source of problems (e.g. lint) run on every change. */
    public void addChecker(Function<Design, List<Problem>> checker) {
        checkers.add(checker);
        refreshProblems(true);
    }

    /**
     * Adds a source of advice that reads payload schemas (e.g. the lint rules of {@link CheckScope#PAYLOAD_SCHEMAS}):
     * run through the {@link CheckRunner} when a design is loaded, on every change after that.
     */
    public void addDeferredChecker(Function<Design, List<Problem>> checker) {
        deferredCheckers.add(checker);
        refreshProblems(true);
    }

    /** How the deferred checks run (the app: on a background thread); at once on the calling thread by default. */
    public void setCheckRunner(CheckRunner checkRunner) {
        runner = checkRunner;
    }

    /** Runs the checkers now and on every change from now on (no-op if they already run). */
    public void startChecking() {
        if (!checking) {
            checking = true;
            refreshProblems(true);
        }
    }

    /**
     * Whether the deferred checks of the payload schemas are still running for the design shown; their problems are
     * not in {@link #getProblems()} yet, and Simulate and Export wait.
     */
    public ReadOnlyBooleanProperty schemasPendingProperty() {
        return schemasPending.getReadOnlyProperty();
    }

    public boolean isSchemasPending() {
        return schemasPending.get();
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
        replace(newDesign, newPath, isDirty, null);
    }

    /**
     * Loads another design read from a file: {@code locate} gives its problems the file, line and column they come
     * from (e.g. {@code SourceTree::locate}), as long as the design is the one read (until the first edit).
     */
    public void replace(Design newDesign, Path newPath, boolean isDirty, UnaryOperator<Problem> locate) {
        selection.clear();
        locatedDesign = locate == null ? null : newDesign;
        locator = locate;
        loading = true;
        try {
            document.replace(newDesign, newPath, isDirty);
        } finally {
            loading = false;
        }
        loads.set(loads.get() + 1);
    }

    /**
     * Whether the design being set is another design (new, open, import, recovery) rather than an edit of this one:
     * true while the design's listeners run for a {@link #replace}. The canvas fits such a design before styling it.
     */
    public boolean isLoading() {
        return loading;
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
            refreshProblems(change == DesignListener.Change.REPLACED);
        }
    }

    /**
     * Runs the checkers on the current design; the deferred ones through the runner when {@code load} (a design was
     * loaded, or checking starts) or while they run already, else here.
     */
    private void refreshProblems(boolean load) {
        if (!checking) {
            return;
        }
        Design d = document.design();
        if (d != locatedDesign) {
            locatedDesign = null; // edited since it was read: the file's lines no longer say where
            locator = null;
        }
        List<List<Problem>> found = new ArrayList<>();
        for (Function<Design, List<Problem>> c : checkers) {
            found.add(c.apply(d));
        }
        checkedDesign = d;
        checked = found;
        if (load || schemasPending.get()) {
            if (load) {
                deferred = SchemaProblems.NONE; // another design's problems
            }
            long g = ++generation;
            schemasPending.set(true);
            List<Function<Design, List<Problem>>> run = List.copyOf(deferredCheckers);
            runner.run(() -> runDeferred(run, d), done -> deferredDone(g, d, done), e -> deferredDone(g, d, failed(e)));
            if (g == generation && schemasPending.get()) {
                publish(found); // still running: what is known so far
            }
        } else {
            deferred = runDeferred(deferredCheckers, d);
            publish(found);
        }
    }

    /** The deferred checks of {@code d}: the first is validation. Runs on any thread (designs are values). */
    private static SchemaProblems runDeferred(List<Function<Design, List<Problem>>> run, Design d) {
        List<Problem> validation = run.get(0).apply(d);
        List<Problem> advice = new ArrayList<>();
        for (int i = 1; i < run.size(); i++) {
            advice.addAll(run.get(i).apply(d));
        }
        return new SchemaProblems(validation, advice);
    }

    private static SchemaProblems failed(Exception e) {
        org.tinylog.Logger.error(e, "checking the message schemas failed");
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SchemaProblems(
                List.of(Problem.error(
                        Validator.SCHEMA_DOES_NOT_PARSE,
                        null,
                        "/messages",
                        "the message schemas could not be checked: " + why,
                        "see the log file; save your work and report the schema that causes it")),
                List.of());
    }

    private void deferredDone(long g, Design d, SchemaProblems result) {
        if (g != generation || d != document.design()) {
            return; // the design changed meanwhile: the run for the new one reports
        }
        deferred = result;
        schemasPending.set(false);
        if (checkedDesign != d) {
            refreshProblems(false);
        } else {
            publish(checked);
        }
    }

    /** Sets the problems: validation (checked, then deferred), then the other checkers' and the deferred advice. */
    private void publish(List<List<Problem>> found) {
        List<Problem> validation = new ArrayList<>(found.get(0)); // the first checker is validation: its errors block
        validation.addAll(deferred.validation());
        List<Problem> all = new ArrayList<>(validation);
        for (int i = 1; i < found.size(); i++) {
            all.addAll(found.get(i));
        }
        all.addAll(deferred.advice());
        String reason = blockedReason(validation);
        blocked.set(reason.isEmpty() && schemasPending.get() ? SCHEMAS_PENDING : reason);
        if (locator != null) {
            all.replaceAll(locator);
        }
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
