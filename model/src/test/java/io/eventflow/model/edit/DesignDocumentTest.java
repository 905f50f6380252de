package io.eventflow.model.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.design.Design;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesignDocumentTest {
    @Test
    void dirtyFollowsSavedState() {
        DesignDocument doc = new DesignDocument(Design.empty("a"), null);
        List<DesignListener.Change> seen = new ArrayList<>();
        doc.addListener((d, c) -> seen.add(c));
        assertThat(doc.isDirty()).isFalse();
        doc.execute(DesignChange.of("Rename", d -> d.withName("b")));
        assertThat(doc.isDirty()).isTrue();
        doc.undo();
        assertThat(doc.isDirty()).isFalse();
        doc.redo();
        doc.markSaved(Path.of("x.eventflow.yaml"));
        assertThat(doc.isDirty()).isFalse();
        doc.undo();
        assertThat(doc.isDirty()).isTrue();
        assertThat(doc.design().name()).isEqualTo("a");
        assertThat(seen).contains(DesignListener.Change.CONTENT, DesignListener.Change.FILE);
    }

    @Test
    void listenerMayNotEdit() {
        DesignDocument doc = new DesignDocument(Design.empty("a"), null);
        doc.addListener((d, c) -> d.execute(DesignChange.of("x", x -> x.withName("loop"))));
        assertThatThrownBy(() -> doc.execute(DesignChange.of("Rename", d -> d.withName("b"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void replaceForgetsHistory() {
        DesignDocument doc = new DesignDocument(Design.empty("a"), null);
        doc.execute(DesignChange.of("Rename", d -> d.withName("b")));
        doc.replace(Design.empty("c"), Path.of("c.eventflow.yaml"), false);
        assertThat(doc.history().canUndo()).isFalse();
        assertThat(doc.isDirty()).isFalse();
        doc.replace(Design.empty("r"), null, true);
        assertThat(doc.isDirty()).isTrue();
    }
}
