package io.eventflow.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.app.gui.FreshStageExtension;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.Service;
import io.eventflow.model.edit.DesignDocument;
import io.eventflow.model.edit.DesignEdits;
import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.decoration.Decorator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inspector keeps one form per kind of subject and binds it to each selection (issue #16): selecting back and forth
 * neither grows its listeners nor its nodes, and an edit is still one undo step on the subject shown. Invalid input is
 * decorated on the field with its message (ControlsFX, issue #15), inside the inspector only.
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class InspectorBindingGuiTest {
    private DesignDocument document;
    private DocumentViewModel doc;
    private InspectorView view;
    private Scene scene;

    private static Design design() {
        Design d = Design.empty("t");
        d = DesignEdits.add(d, new Broker("cluster", BrokerKind.KAFKA), null);
        d = DesignEdits.add(
                d,
                new Channel("orders", "cluster", null, List.of())
                        .with(new KafkaTopic(3, null, null, null, null, null, null)),
                null);
        d = DesignEdits.add(
                d,
                new Channel("payments", "cluster", null, List.of())
                        .with(new KafkaTopic(6, null, null, null, null, null, null)),
                null);
        // A dead-letter channel and a message type that are not in the design: unknown references.
        d = DesignEdits.add(
                d, new Channel("refunds", "cluster", null, List.of("Ghost")).withDeadLetter("nowhere"), null);
        d = DesignEdits.add(d, new Service("billing"), null);
        return DesignEdits.connectSubscribe(d, "orders", "billing");
    }

    @Start
    void start(Stage stage) {
        document = new DesignDocument(design(), null);
        doc = new DocumentViewModel(document);
        view = new InspectorView(new InspectorViewModel(doc));
        scene = new Scene(view, 420, 760);
        stage.setScene(scene);
        stage.show();
    }

    private void select(FxRobot robot, String id) {
        robot.interact(() -> {
            doc.getSelection().clear();
            doc.getSelection().add(id);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int nodes(Node n) {
        int count = 1;
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                count += nodes(c);
            }
        }
        return count;
    }

    private void commit(FxRobot robot, String field, String text) {
        TextField f = robot.lookup("#field-" + field).queryAs(TextField.class);
        robot.interact(() -> {
            f.setText(text);
            f.fireEvent(new ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void selectingBackAndForthRebindsOneFormWithoutGrowingListenersOrNodes(FxRobot robot) {
        select(robot, "orders");
        Form form = view.form();
        TextField title = robot.lookup("#field-title").queryAs(TextField.class);
        int listeners = form.listeners();
        int nodes = nodes(form);
        assertThat(listeners).isPositive();
        assertThat(robot.lookup("#field-partitions").queryAs(TextField.class).getText())
                .isEqualTo("3");

        for (int i = 0; i < 20; i++) {
            select(robot, "payments");
            assertThat(view.form())
                    .as("a channel of the same kind: the same form")
                    .isSameAs(form);
            assertThat(robot.lookup("#field-partitions")
                            .queryAs(TextField.class)
                            .getText())
                    .isEqualTo("6");
            select(robot, "billing");
            assertThat(view.form()).as("a service has its own form").isNotSameAs(form);
            select(robot, "orders");
        }
        assertThat(view.form()).isSameAs(form);
        assertThat(robot.lookup("#field-title").queryAs(TextField.class))
                .as("the field is reused, not rebuilt")
                .isSameAs(title);
        assertThat(form.listeners()).isEqualTo(listeners);
        assertThat(nodes(form)).isEqualTo(nodes);
        assertThat(robot.lookup("#field-partitions").queryAs(TextField.class).getText())
                .isEqualTo("3");
        // One form per kind of subject: the design's, the Kafka channels', the service's (kept, not piled up).
        assertThat(view.forms()).containsOnlyKeys("design", "channel kafka", "service");
    }

    @Test
    void anEditAfterRebindingIsOneUndoStepOnTheSubjectShown(FxRobot robot) {
        select(robot, "orders");
        select(robot, "payments");
        select(robot, "orders");
        int steps = document.history().undoSize();

        commit(robot, "title", "Orders");

        assertThat(document.history().undoSize()).isEqualTo(steps + 1);
        assertThat(doc.getDesign().channel("orders").orElseThrow().title()).isEqualTo("Orders");
        assertThat(doc.getDesign().channel("payments").orElseThrow().title())
                .as("the listeners of the channel shown before were released")
                .isNull();

        select(robot, "payments");
        assertThat(robot.lookup("#field-title").queryAs(TextField.class).getText())
                .isEmpty();
        commit(robot, "title", "Payments");
        assertThat(document.history().undoSize()).isEqualTo(steps + 2);
        assertThat(doc.getDesign().channel("payments").orElseThrow().title()).isEqualTo("Payments");
        assertThat(doc.getDesign().channel("orders").orElseThrow().title()).isEqualTo("Orders");
    }

    @Test
    void typingThenSelectingAnotherElementCommitsTheTypingToTheFirst(FxRobot robot) {
        select(robot, "orders");
        TextField title = robot.lookup("#field-title").queryAs(TextField.class);
        robot.interact(() -> {
            title.requestFocus();
            title.setText("Typed");
        });
        WaitForAsyncUtils.waitForFxEvents();
        int steps = document.history().undoSize();

        select(robot, "payments");

        assertThat(document.history().undoSize()).isEqualTo(steps + 1);
        assertThat(doc.getDesign().channel("orders").orElseThrow().title()).isEqualTo("Typed");
        assertThat(doc.getDesign().channel("payments").orElseThrow().title()).isNull();
        assertThat(doc.getSelection()).containsExactly("payments");
    }

    /**
     * The tooltip texts of the validation marks on a field (ControlsFX draws a graphic decoration inside the decorated
     * control; the control must have a decoration pane above it, the inspector's).
     */
    private static List<String> marks(Control field) {
        List<String> out = new ArrayList<>();
        for (Node n : field.getChildrenUnmodifiable()) {
            collect(n, out);
        }
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Control c && c.getTooltip() != null) {
            out.add(c.getTooltip().getText());
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    @Test
    void aBadNumberIsDecoratedWithItsMessageUntilFixed(FxRobot robot) {
        select(robot, "orders");
        TextField partitions = robot.lookup("#field-partitions").queryAs(TextField.class);
        String message = Parsers.error(Parsers.POSITIVE_INT, "three");
        assertThat(message).isNotNull();

        robot.interact(() -> partitions.setText("three"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Decorator.getDecorations(partitions)).isNotEmpty();
        assertThat(marks(partitions)).contains(message);
        // The decoration pane is the inspector's own: the window's root is left alone.
        assertThat(scene.getRoot()).isSameAs(view);
        assertThat(view.getContent()).isInstanceOf(impl.org.controlsfx.skin.DecorationPane.class);

        robot.interact(() -> partitions.setText("4"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Decorator.getDecorations(partitions)).isNullOrEmpty();
        assertThat(marks(partitions)).doesNotContain(message);
    }

    @Test
    void aBadIdIsDecoratedAndNotApplied(FxRobot robot) {
        select(robot, "orders");
        TextField id = robot.lookup("#field-id").queryAs(TextField.class);
        String message = Parsers.error(Parsers.uniqueId(doc.getDesign(), "orders"), "payments");
        assertThat(message).isNotNull();

        commit(robot, "id", "payments");

        assertThat(marks(id)).contains(message);
        assertThat(doc.getDesign().channel("orders")).isPresent();
    }

    @Test
    void anUnknownReferenceIsDecorated(FxRobot robot) {
        select(robot, "refunds");
        @SuppressWarnings("unchecked")
        ComboBox<String> deadLetter = robot.lookup("#field-dead-letter").queryAs(ComboBox.class);
        assertThat(deadLetter.getValue()).isEqualTo("nowhere");
        assertThat(marks(deadLetter)).anyMatch(m -> m.contains("'nowhere'"));

        // The same form bound to a channel whose references are all known shows no mark.
        select(robot, "orders");
        assertThat(view.form().getChildren()).contains(deadLetter);
        assertThat(marks(deadLetter)).noneMatch(m -> m.contains("'nowhere'"));
    }

    @Test
    void anUnknownMessageTypeIsMarkedAsAWarningAndStillApplied(FxRobot robot) {
        select(robot, "refunds");
        TextField messages = robot.lookup("#field-message-types").queryAs(TextField.class);
        assertThat(marks(messages)).containsExactly("unknown message type 'Ghost': not in the design");

        commit(robot, "message-types", "Ghost, Phantom");
        assertThat(doc.getDesign().channel("refunds").orElseThrow().messages()).containsExactly("Ghost", "Phantom");
        assertThat(marks(robot.lookup("#field-message-types").queryAs(TextField.class)))
                .containsExactly("unknown message type 'Ghost', 'Phantom': not in the design");

        select(robot, "orders");
        assertThat(marks(robot.lookup("#field-message-types").queryAs(TextField.class)))
                .isEmpty();
    }
}
