package io.eventflow.model.edit;

/** Told about coarse changes of a {@link DesignDocument}. Listeners must not execute commands. */
@FunctionalInterface
public interface DesignListener {
    /** What changed. */
    enum Change {
        /** The design's content changed (an edit, undo or redo). */
        CONTENT,
        /** Another design was loaded (new, open, restore): views rebuild everything. */
        REPLACED,
        /** The file path or the dirty flag changed. */
        FILE
    }

    void designChanged(DesignDocument document, Change change);
}
