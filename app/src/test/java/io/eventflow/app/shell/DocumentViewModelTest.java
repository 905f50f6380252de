package io.eventflow.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.edit.DesignChange;
import io.eventflow.model.edit.DesignDocument;
import io.eventflow.model.edit.DesignEdits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentViewModelTest {
    @TempDir
    Path tmp;

    @Test
    void titleShowsNameDirtyMarkerAndPath() {
        DocumentViewModel doc = new DocumentViewModel(new DesignDocument(Design.empty("Orders"), null));
        assertThat(doc.titleProperty().get()).isEqualTo("Orders — not saved — EventFlow Studio");
        doc.execute(DesignChange.of("Rename", d -> d.withName("Shop")));
        assertThat(doc.titleProperty().get()).startsWith("● Shop");
        assertThat(doc.undoTextProperty().get()).isEqualTo("Undo Rename");
        assertThat(doc.canUndoProperty().get()).isTrue();
    }

    @Test
    void problemsAreLive() {
        DocumentViewModel doc = new DocumentViewModel(new DesignDocument(Design.empty("t"), null));
        assertThat(doc.getProblems()).isEmpty();
        doc.execute(
                DesignChange.of("Add", d -> DesignEdits.add(d, new Channel("c", "nowhere", null, List.of()), null)));
        assertThat(doc.getProblems()).extracting(p -> p.element()).contains("c");
        doc.undo();
        assertThat(doc.getProblems()).isEmpty();
    }

    @Test
    void deferredChecksRunFromStartChecking() {
        DocumentViewModel doc = new DocumentViewModel(new DesignDocument(Design.empty("t"), null), false);
        doc.execute(
                DesignChange.of("Add", d -> DesignEdits.add(d, new Channel("c", "nowhere", null, List.of()), null)));
        assertThat(doc.isChecking()).isFalse();
        assertThat(doc.getProblems()).isEmpty();
        doc.startChecking();
        assertThat(doc.getProblems()).extracting(p -> p.element()).contains("c");
        doc.undo();
        assertThat(doc.getProblems()).isEmpty();
    }

    @Test
    void saveMarksCleanAndAutosaveRecovers() throws Exception {
        DocumentViewModel doc = new DocumentViewModel(new DesignDocument(Design.empty("t"), null));
        ScriptedDialogs dialogs = new ScriptedDialogs().restoreAnswer(true);
        FileController files = new FileController(doc, new StudioHome(tmp), dialogs, TaskExecutor.sameThread());
        doc.execute(DesignChange.of("Rename", d -> d.withName("Draft")));
        files.autosave();
        assertThat(Files.exists(tmp.resolve("recovery/autosave.eventflow.yaml")))
                .isTrue();

        DocumentViewModel next = new DocumentViewModel(new DesignDocument(Design.empty("x"), null));
        FileController nextFiles = new FileController(next, new StudioHome(tmp), dialogs, TaskExecutor.sameThread());
        assertThat(nextFiles.offerRecovery()).isTrue();
        assertThat(next.getDesign().name()).isEqualTo("Draft");
        assertThat(next.isDirty()).isTrue();

        Path file = tmp.resolve("draft");
        dialogs.saveAnswer(file);
        assertThat(nextFiles.saveNow()).isTrue();
        assertThat(next.isDirty()).isFalse();
        assertThat(next.pathProperty().get()).isEqualTo(tmp.resolve("draft.eventflow.yaml"));
        assertThat(Files.exists(tmp.resolve("recovery/autosave.eventflow.yaml")))
                .isFalse();
        assertThat(nextFiles.getRecent())
                .contains(tmp.resolve("draft.eventflow.yaml").toAbsolutePath());
    }

    private static final String BROKEN_AVRO =
            """
            eventflow: 1
            name: Broken
            messages:
              - id: Order
                schemaFormat: application/vnd.apache.avro;version=1.9.0
                payload: {type: record, name: Order, fields: [{name: total, type: dubble}]}
            """;

    @Test
    void payloadSchemasAreCheckedThroughTheRunnerOnLoadAndStaleResultsAreDropped() throws Exception {
        DocumentViewModel doc = new DocumentViewModel(new DesignDocument(Design.empty("t"), null));
        List<Runnable> held = new java.util.ArrayList<>();
        doc.setCheckRunner((work, done, failed) -> held.add(() -> {
            try {
                done.accept(work.call());
            } catch (Exception e) {
                failed.accept(e);
            }
        }));
        var loaded = io.eventflow.model.io.DesignFiles.parse(
                "b.eventflow.yaml", BROKEN_AVRO, io.eventflow.model.validate.CheckScope.WITHOUT_PAYLOAD_SCHEMAS);
        assertThat(loaded.problems()).isEmpty();
        doc.replace(loaded.design(), null, false, loaded.source()::locate);
        assertThat(doc.isSchemasPending()).isTrue();
        assertThat(doc.blockedProperty().get()).isEqualTo(DocumentViewModel.SCHEMAS_PENDING);
        assertThat(held).hasSize(1);

        // Another design is loaded before the check of the first one came back: its result is dropped.
        doc.replace(Design.empty("Clean"), null, false);
        held.remove(0).run();
        assertThat(doc.isSchemasPending()).isTrue();
        assertThat(doc.getProblems()).isEmpty();
        held.remove(0).run();
        assertThat(doc.isSchemasPending()).isFalse();
        assertThat(doc.blockedProperty().get()).isEmpty();

        doc.replace(loaded.design(), null, false, loaded.source()::locate);
        held.remove(0).run();
        assertThat(doc.getProblems())
                .extracting(p -> p.rule(), p -> p.line())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EF107", 6));
        assertThat(doc.blockedProperty().get()).contains("does not parse");

        // After the load, an edit checks the schemas at once, and the file's lines no longer apply.
        doc.execute(DesignChange.of("Rename", d -> d.withName("Renamed")));
        assertThat(held).isEmpty();
        assertThat(doc.getProblems())
                .extracting(p -> p.rule(), p -> p.line())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EF107", 0));
    }

    @Test
    void aCheckThatFailsIsAnErrorNotASilentPass() {
        DocumentViewModel doc = new DocumentViewModel(new DesignDocument(Design.empty("t"), null));
        doc.setCheckRunner((work, done, failed) -> failed.accept(new IllegalStateException("boom")));
        doc.replace(Design.empty("Other"), null, false);
        assertThat(doc.isSchemasPending()).isFalse();
        assertThat(doc.getProblems())
                .extracting(p -> p.message())
                .containsExactly("the message schemas could not be checked: boom");
        assertThat(doc.blockedProperty().get()).contains("could not be checked");
    }
}
