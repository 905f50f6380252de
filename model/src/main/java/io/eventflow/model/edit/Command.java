package io.eventflow.model.edit;

import io.eventflow.model.design.Design;
import java.util.Optional;

/**
 * One undoable change of a design. Designs are immutable: a command maps the design before to the design after, and
 * back.
 */
public interface Command {
    /** Applies the change to {@code design} and returns the new design. */
    Design execute(Design design);

    /** Reverts the change: given the design after {@link #execute}, returns the design before it. */
    Design undo(Design design);

    /** What the user did, for menus: "Move 3 elements", "Rename billing". */
    String description();

    /**
     * Combines this command (already executed) with the next one, so that one undo reverts both, e.g. typing into one
     * field. Empty when they do not merge.
     */
    default Optional<Command> tryMerge(Command next) {
        return Optional.empty();
    }
}
