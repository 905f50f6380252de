package io.eventflow.model.edit;

import io.eventflow.model.design.Design;
import io.eventflow.model.edit.DesignListener.Change;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The design being edited: the current immutable {@link Design}, the file it belongs to, its undo history and whether
 * it has unsaved changes. Plain Java: the app adapts the listener to FX properties.
 */
public final class DesignDocument {
    private final CommandStack stack;
    private final List<DesignListener> listeners = new CopyOnWriteArrayList<>();
    private Design design;
    private Path path;
    private long savedState;
    private boolean notifying;

    public DesignDocument(Design design, Path path) {
        this(design, path, new CommandStack());
    }

    public DesignDocument(Design design, Path path, CommandStack stack) {
        this.design = Objects.requireNonNull(design, "design");
        this.path = path;
        this.stack = stack;
        this.savedState = stack.state();
    }

    public Design design() {
        return design;
    }

    /** The file this design was opened from or saved to; empty for a new design. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    public CommandStack history() {
        return stack;
    }

    /** True when the design differs from what was last opened or saved. */
    public boolean isDirty() {
        return stack.state() != savedState;
    }

    /** Executes and records a command. */
    public void execute(Command command) {
        guard();
        boolean wasDirty = isDirty();
        Design before = design;
        design = stack.execute(command, design);
        if (design != before) {
            fire(Change.CONTENT);
        }
        if (wasDirty != isDirty()) {
            fire(Change.FILE);
        }
    }

    public void undo() {
        guard();
        if (stack.canUndo()) {
            boolean wasDirty = isDirty();
            design = stack.undo(design);
            fireAfterStep(wasDirty);
        }
    }

    public void redo() {
        guard();
        if (stack.canRedo()) {
            boolean wasDirty = isDirty();
            design = stack.redo(design);
            fireAfterStep(wasDirty);
        }
    }

    /** Replaces the whole design (new, open, restore) and forgets the history. */
    public void replace(Design newDesign, Path newPath, boolean dirty) {
        guard();
        design = Objects.requireNonNull(newDesign, "design");
        path = newPath;
        stack.clear();
        savedState = dirty ? -1 : stack.state();
        fire(Change.REPLACED);
        fire(Change.FILE);
    }

    /** Records that the design was saved to {@code savedPath}: it is no longer dirty. */
    public void markSaved(Path savedPath) {
        path = savedPath;
        savedState = stack.state();
        fire(Change.FILE);
    }

    public void addListener(DesignListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(DesignListener listener) {
        listeners.remove(listener);
    }

    private void fireAfterStep(boolean wasDirty) {
        fire(Change.CONTENT);
        if (wasDirty != isDirty()) {
            fire(Change.FILE);
        }
    }

    private void guard() {
        if (notifying) {
            throw new IllegalStateException("a design listener must not change the design it is told about");
        }
    }

    private void fire(Change change) {
        notifying = true;
        try {
            for (DesignListener l : listeners) {
                l.designChanged(this, change);
            }
        } finally {
            notifying = false;
        }
    }
}
