package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.bench.BrokerKindsShots;
import io.eventflow.app.canvas.ChannelSkin;
import io.eventflow.app.shell.ActionId;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.validate.Problem;
import io.eventflow.model.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Builds a small SNS → SQS design from the palette with plain mouse events (producer → SNS topic → SQS queue →
 * consumer), sets the queue's visibility timeout in the inspector (an out-of-range value is flagged and not applied),
 * undoes and redoes it, saves, reopens and compares.
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class BrokerKindsGuiTest {
    @TempDir
    Path tmp;

    private MainWindow window;
    private ScriptedDialogs dialogs;

    @Start
    void start(Stage stage) throws Exception {
        dialogs = new ScriptedDialogs();
        window = GuiWindows.open(stage, dialogs);
    }

    @BeforeEach
    void awaitPanels() throws TimeoutException {
        Panels.await(window);
    }

    private Design design() {
        return window.document().getDesign();
    }

    private Channel queue() {
        return design().channel("sqs-queue").orElseThrow();
    }

    private Point2D onCanvas(double x, double y) {
        Bounds b = window.canvas().localToScreen(window.canvas().getLayoutBounds());
        return new Point2D(b.getMinX() + x, b.getMinY() + y);
    }

    private void paletteDrag(FxRobot robot, String item, double x, double y) {
        robot.drag("#palette-" + item, MouseButton.PRIMARY)
                .moveTo(onCanvas(x, y))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void portDrag(FxRobot robot, String from, String to) {
        Node port = Find.in(robot, from, ".out-port");
        robot.drag(port, MouseButton.PRIMARY).moveTo(Find.skin(robot, to)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void buildsSnsToSqsSetsVisibilityTimeoutSavesAndReopens(FxRobot robot) throws Exception {
        robot.clickOn(Find.action(robot, ActionId.NEW));
        // Brokers start folded (channels bring their broker); the header unfolds and folds them.
        Node broker = robot.lookup("#palette-sqs-broker").query();
        assertThat(broker.isVisible()).isFalse();
        robot.clickOn("#palette-section-brokers");
        assertThat(broker.isVisible()).isTrue();
        robot.clickOn("#palette-section-brokers");
        assertThat(broker.isVisible()).isFalse();

        paletteDrag(robot, "producer", 110, 110);
        paletteDrag(robot, "sns-topic", 330, 110);
        paletteDrag(robot, "sqs-queue", 330, 300);
        paletteDrag(robot, "consumer", 560, 300);
        assertThat(design().elementIds())
                .containsExactlyInAnyOrder("sqs", "sns-topic", "sqs-queue", "producer", "consumer");

        portDrag(robot, "producer", "sns-topic");
        portDrag(robot, "sns-topic", "sqs-queue");
        portDrag(robot, "sqs-queue", "consumer");
        assertThat(SqsQueue.of(queue()).snsTopics()).containsExactly("sns-topic");
        assertThat(design().service("consumer").orElseThrow().subscribes())
                .extracting(s -> s.channel())
                .containsExactly("sqs-queue");
        assertThat(robot.lookup(".edge").queryAll()).hasSize(3);
        assertThat(robot.lookup(".edge-sns").queryAll()).hasSize(1);

        // The queue's inspector shows SQS settings only.
        robot.clickOn(Find.skin(robot, "sqs-queue"));
        assertThat(robot.lookup("#field-partitions").tryQuery()).isEmpty();
        assertThat(robot.lookup("#field-topic-sns-topic").tryQuery()).isPresent();
        robot.clickOn("#field-visibility-timeout").write("13h").type(KeyCode.ENTER);
        assertThat(robot.lookup("#error-visibility-timeout")
                        .queryAs(Label.class)
                        .getText())
                .contains("at most 12h");
        assertThat(SqsQueue.of(queue()).visibilityTimeout()).isNull();
        robot.doubleClickOn("#field-visibility-timeout")
                .eraseText(3)
                .write("45s")
                .type(KeyCode.ENTER);
        assertThat(SqsQueue.of(queue()).visibilityTimeout().text()).isEqualTo("45s");
        ChannelSkin skin = (ChannelSkin) Find.skin(robot, "sqs-queue");
        assertThat(skin.chips()).contains("visibility 45s");

        robot.clickOn(window.canvas(), MouseButton.PRIMARY);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(SqsQueue.of(queue()).visibilityTimeout()).isNull();
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        assertThat(SqsQueue.of(queue()).visibilityTimeout().text()).isEqualTo("45s");
        assertThat(Validator.validate(design()).stream().filter(Problem::isError))
                .isEmpty();

        Path file = tmp.resolve("fan-out.eventflow.yaml");
        dialogs.saveAnswer(file);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Design saved = design();
        robot.clickOn(Find.action(robot, ActionId.NEW));
        assertThat(design().elementIds()).isEmpty();
        dialogs.openAnswer(file);
        robot.clickOn(Find.action(robot, ActionId.OPEN));
        assertThat(design()).isEqualTo(saved);
        Channel reopened = DesignFiles.open(file).channel("sqs-queue").orElseThrow();
        assertThat(SqsQueue.of(reopened).visibilityTimeout().text()).isEqualTo("45s");
        assertThat(SqsQueue.of(reopened).snsTopics()).containsExactly("sns-topic");
        assertThat(Files.readString(file)).contains("snsTopic: true", "visibilityTimeout: 45s");
        assertThat(robot.lookup(".edge-sns").queryAll()).hasSize(1);
        assertThat(dialogs.errors()).isEmpty();
    }

    private void select(FxRobot robot, String id) {
        robot.interact(() -> {
            window.document().getSelection().clear();
            window.document().getSelection().add(id);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean has(FxRobot robot, String field) {
        return robot.lookup("#field-" + field).tryQuery().isPresent();
    }

    @Test
    void inspectorShowsOnlyTheSettingsOfEachKind(FxRobot robot) {
        robot.interact(() -> BrokerKindsShots.build(window.canvas().viewModel()));
        select(robot, "billing-queue");
        assertThat(has(robot, "visibility-timeout")).isTrue();
        assertThat(has(robot, "topic-order-events")).isTrue();
        assertThat(has(robot, "maxlen") || has(robot, "partitions") || has(robot, "exchange"))
                .isFalse();
        select(robot, "order-events");
        assertThat(has(robot, "visibility-timeout") || has(robot, "dead-letter"))
                .isFalse();
        select(robot, "clicks");
        assertThat(has(robot, "maxlen")).isTrue();
        assertThat(has(robot, "visibility-timeout")).isFalse();
        select(robot, "cache-invalidate");
        assertThat(has(robot, "dead-letter") || has(robot, "maxlen") || has(robot, "partitions"))
                .isFalse();
        select(robot, "prices");
        assertThat(has(robot, "destination")).isTrue();
        assertThat(has(robot, "message-ttl")).isFalse();
        select(robot, "jobs");
        assertThat(has(robot, "message-ttl")).isTrue();

        select(robot, "sub:prices>shop");
        assertThat(has(robot, "durable")).isTrue();
        assertThat(has(robot, "claim-idle-after") || has(robot, "mqtt-qos") || has(robot, "session-expiry"))
                .isFalse();
        select(robot, "sub:clicks>analytics");
        assertThat(has(robot, "claim-idle-after")).isTrue();
        assertThat(has(robot, "durable")).isFalse();
        select(robot, "pub:web>cache-invalidate");
        assertThat(has(robot, "transaction")).isTrue();
        assertThat(has(robot, "last-will")).isFalse();
        // A rollback share without a transaction is flagged under the field and not applied.
        robot.clickOn("#field-rollback-").write("5").type(KeyCode.ENTER);
        assertThat(robot.lookup("#error-rollback-").queryAs(Label.class).getText())
                .contains("set Transaction first");
        assertThat(design().service("web").orElseThrow().publishes().get(1).rollbackPercent())
                .isNull();
        select(robot, "sns:order-events>billing-queue");
        assertThat(robot.lookup("SNS subscription: order-events → billing-queue")
                        .tryQuery())
                .isPresent();
    }
}
