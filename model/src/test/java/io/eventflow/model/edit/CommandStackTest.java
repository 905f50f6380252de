package io.eventflow.model.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.design.Design;
import org.junit.jupiter.api.Test;

class CommandStackTest {
    private static Command rename(String name) {
        return DesignChange.of("Rename to " + name, d -> d.withName(name));
    }

    @Test
    void undoAndRedoRestoreDesigns() {
        CommandStack stack = new CommandStack();
        Design d0 = Design.empty("a");
        Design d1 = stack.execute(rename("b"), d0);
        Design d2 = stack.execute(rename("c"), d1);
        assertThat(d2.name()).isEqualTo("c");
        assertThat(stack.undoDescription()).contains("Rename to c");
        Design u1 = stack.undo(d2);
        assertThat(u1.name()).isEqualTo("b");
        assertThat(stack.undo(u1).name()).isEqualTo("a");
        assertThat(stack.canUndo()).isFalse();
        assertThat(stack.redo(d0).name()).isEqualTo("b");
        assertThat(stack.revision()).isEqualTo(5);
    }

    @Test
    void newCommandClearsRedo() {
        CommandStack stack = new CommandStack();
        Design d1 = stack.execute(rename("b"), Design.empty("a"));
        Design u = stack.undo(d1);
        stack.execute(rename("x"), u);
        assertThat(stack.canRedo()).isFalse();
    }

    @Test
    void boundedToLimit() {
        CommandStack stack = new CommandStack(3);
        Design d = Design.empty("a");
        for (int i = 0; i < 10; i++) {
            d = stack.execute(rename("n" + i), d);
        }
        assertThat(stack.undoSize()).isEqualTo(3);
        d = stack.undo(stack.undo(stack.undo(d)));
        assertThat(d.name()).isEqualTo("n6");
        assertThat(stack.canUndo()).isFalse();
    }

    @Test
    void mergingCommandsUndoAtOnce() {
        CommandStack stack = new CommandStack();
        Design d = Design.empty("a");
        d = stack.execute(DesignChange.merging("Edit name", "name", x -> x.withName("ab")), d);
        d = stack.execute(DesignChange.merging("Edit name", "name", x -> x.withName("abc")), d);
        assertThat(stack.undoSize()).isEqualTo(1);
        assertThat(stack.undo(d).name()).isEqualTo("a");
    }

    @Test
    void noOpIsNotRecorded() {
        CommandStack stack = new CommandStack();
        stack.execute(rename("a"), Design.empty("a"));
        assertThat(stack.canUndo()).isFalse();
    }

    @Test
    void undoOnEmptyThrows() {
        assertThatThrownBy(() -> new CommandStack().undo(Design.empty("a"))).isInstanceOf(IllegalStateException.class);
    }
}
