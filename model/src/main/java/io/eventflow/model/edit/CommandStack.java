package io.eventflow.model.edit;

import io.eventflow.model.design.Design;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo and redo of commands, bounded to a number of steps. The revision counts every change (execute, undo, redo);
 * each state of the design also has a state id so a document can tell whether it is back at its saved state.
 */
public final class CommandStack {
    /** Default number of undo steps kept. */
    public static final int DEFAULT_LIMIT = 200;

    private record Entry(Command command, long state) {}

    private final int limit;
    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private long revision;
    private long nextState = 1;
    private long baseState;

    public CommandStack() {
        this(DEFAULT_LIMIT);
    }

    public CommandStack(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
    }

    /**
     * Executes a command on a design, records it (merging with the previous command where it allows) and returns the
     * new design. A command that changes nothing is not recorded.
     */
    public Design execute(Command command, Design design) {
        Design after = command.execute(design);
        if (command instanceof DesignChange dc && dc.isNoOp()) {
            return design;
        }
        redo.clear();
        Entry top = undo.peekFirst();
        Optional<Command> merged =
                top == null ? Optional.empty() : top.command().tryMerge(command);
        if (merged.isPresent()) {
            undo.removeFirst();
            undo.addFirst(new Entry(merged.get(), nextState++));
        } else {
            undo.addFirst(new Entry(command, nextState++));
            while (undo.size() > limit) {
                Entry dropped = undo.removeLast();
                baseState = dropped.state();
            }
        }
        revision++;
        return after;
    }

    /** Undoes the last command; returns the design before it. */
    public Design undo(Design design) {
        Entry e = undo.pollFirst();
        if (e == null) {
            throw new IllegalStateException("nothing to undo");
        }
        redo.addFirst(e);
        revision++;
        return e.command().undo(design);
    }

    /** Redoes the last undone command; returns the design after it. */
    public Design redo(Design design) {
        Entry e = redo.pollFirst();
        if (e == null) {
            throw new IllegalStateException("nothing to redo");
        }
        undo.addFirst(e);
        revision++;
        return e.command().execute(design);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peekFirst()).map(e -> e.command().description());
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peekFirst()).map(e -> e.command().description());
    }

    /** Counts every execute, undo and redo. */
    public long revision() {
        return revision;
    }

    /** Identifies the current state: equal ids mean the same sequence of commands applied. */
    public long state() {
        Entry top = undo.peekFirst();
        return top == null ? baseState : top.state();
    }

    public int undoSize() {
        return undo.size();
    }

    /** Forgets all history (after opening another design). */
    public void clear() {
        undo.clear();
        redo.clear();
        baseState = nextState++;
        revision++;
    }
}
