package io.eventflow.model.edit;

import io.eventflow.model.design.Design;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A command given as a function on designs. It remembers the designs before and after its first execution, so undo
 * and redo restore them exactly.
 */
public final class DesignChange implements Command {
    private final String description;
    private final UnaryOperator<Design> change;
    private final String mergeKey;
    private Design before;
    private Design after;

    private DesignChange(String description, UnaryOperator<Design> change, String mergeKey) {
        this.description = Objects.requireNonNull(description, "description");
        this.change = Objects.requireNonNull(change, "change");
        this.mergeKey = mergeKey;
    }

    /** A change that never merges. */
    public static DesignChange of(String description, UnaryOperator<Design> change) {
        return new DesignChange(description, change, null);
    }

    /**
     * A change that merges with the next change of the same key (e.g. {@code "edit:billing/instances"}), so a run of
     * edits to one field undoes at once.
     */
    public static DesignChange merging(String description, String mergeKey, UnaryOperator<Design> change) {
        return new DesignChange(description, change, Objects.requireNonNull(mergeKey, "mergeKey"));
    }

    @Override
    public Design execute(Design design) {
        if (after != null && (design == before || design.equals(before))) {
            return after;
        }
        before = design;
        after = Objects.requireNonNull(change.apply(design), "a change must return a design");
        return after;
    }

    @Override
    public Design undo(Design design) {
        if (before == null) {
            throw new IllegalStateException("undo before execute: " + description);
        }
        return before;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<Command> tryMerge(Command next) {
        if (mergeKey == null || !(next instanceof DesignChange n) || !mergeKey.equals(n.mergeKey)) {
            return Optional.empty();
        }
        if (n.before == null || !n.before.equals(after)) {
            return Optional.empty();
        }
        DesignChange merged = new DesignChange(n.description, n.change, mergeKey);
        merged.before = before;
        merged.after = n.after;
        return Optional.of(merged);
    }

    /** True when executing changed nothing (such commands are not recorded). */
    boolean isNoOp() {
        return before != null && before.equals(after);
    }
}
