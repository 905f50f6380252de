package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.shell.ActionId;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.model.design.Design;
import io.eventflow.model.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
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

/** Edits that must not produce wrong output: defaults that follow a rename, and designs with errors that still open. */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class DesignErrorsGuiTest {
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

    private void rename(FxRobot robot, String id, String newId) {
        robot.clickOn(Find.skin(robot, id));
        TextField field = robot.lookup("#field-id").queryAs(TextField.class);
        robot.interact(() -> {
            field.setText(newId);
            field.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void defaultsFollowARenameAndAreNeverCopiedIntoTheFile(FxRobot robot) throws Exception {
        robot.clickOn(Find.action(robot, ActionId.NEW));
        paletteDrag(robot, "kafka-topic", 300, 150);
        paletteDrag(robot, "consumer", 650, 150);
        Node port = Find.in(robot, "topic", ".out-port");
        robot.drag(port, MouseButton.PRIMARY)
                .moveTo(Find.skin(robot, "consumer"))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(design().service("consumer").orElseThrow().subscribes()).hasSize(1);

        rename(robot, "topic", "orders");
        // The inspector shows the derived address as a placeholder, not as a value.
        TextField address = robot.lookup("#field-address").queryAs(TextField.class);
        assertThat(address.getText()).isEmpty();
        assertThat(address.getPromptText()).startsWith("orders");
        rename(robot, "consumer", "billing");
        robot.interact(() -> {
            window.document().getSelection().clear();
            window.document()
                    .getSelection()
                    .add(io.eventflow.model.design.EdgeId.subscribe("billing", "orders")
                            .key());
        });
        TextField group = robot.lookup("#field-group").queryAs(TextField.class);
        assertThat(group.getText()).isEmpty();
        assertThat(group.getPromptText()).startsWith("billing");

        assertThat(design().channel("orders").orElseThrow().effectiveAddress()).isEqualTo("orders");
        assertThat(design().service("billing").orElseThrow().subscribes().get(0).groupOr("billing"))
                .isEqualTo("billing");
        Path file = tmp.resolve("renamed.eventflow.yaml");
        dialogs.saveAnswer(file);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        String saved = Files.readString(file);
        assertThat(saved).contains("id: orders").contains("id: billing");
        assertThat(saved).doesNotContain("address").doesNotContain("group").doesNotContain("topic\n");
        assertThat(saved).doesNotContainPattern("\\bconsumer\\b");

        Path spec = tmp.resolve("renamed.asyncapi.yaml");
        dialogs.fileAnswer(spec);
        robot.interact(() -> window.exports()
                .exportAsyncApi(
                        io.eventflow.model.asyncapi.AsyncApiVersion.V3_0,
                        io.eventflow.model.asyncapi.AsyncApiExporter.Format.YAML));
        String asyncapi = Files.readString(spec);
        // The export dialog started beside the design, named after it, and the export was confirmed.
        assertThat(dialogs.lastChooser().initialDir()).isEqualTo(tmp.toAbsolutePath());
        assertThat(dialogs.lastChooser().initialName()).isEqualTo("renamed.asyncapi.yaml");
        assertThat(dialogs.exported()).containsExactly(spec);
        assertThat(asyncapi).contains("orders").doesNotContain("address: topic");
        assertThat(asyncapi).doesNotContainPattern("\\bconsumer\\b");
    }

    @Test
    void aDesignWithErrorsOpensWithItsProblemsAndCannotRunOrExportUntilFixed(FxRobot robot) throws Exception {
        Path bad = tmp.resolve("typo.eventflow.yaml");
        Files.writeString(
                bad,
                """
                eventflow: 1
                name: Typo
                brokers:
                  - id: kafka
                    kind: kafka
                messages:
                  - id: OrderPlaced
                channels:
                  - id: orders
                    broker: kafka
                    messages: [OrderPlaced]
                services:
                  - id: checkout
                    publishes:
                      - channel: ordres
                        rate: 10/s
                """);
        dialogs.openAnswer(bad);
        robot.clickOn(Find.action(robot, ActionId.OPEN));
        assertThat(dialogs.errors()).isEmpty();
        assertThat(design().name()).isEqualTo("Typo");
        assertThat(window.document().pathProperty().get()).isEqualTo(bad);

        TableView<Problem> problems = robot.lookup("#problems").queryTableView();
        assertThat(problems.isVisible()).isTrue();
        Problem typo = problems.getItems().stream()
                .filter(p -> p.rule().equals("EF101"))
                .findFirst()
                .orElseThrow();
        assertThat(typo.hint()).contains("orders");
        ToggleButton simulate = robot.lookup("#mode-simulate").queryAs(ToggleButton.class);
        assertThat(simulate.isDisabled()).isTrue();
        assertThat(window.document().blockedProperty().get()).contains("ordres");
        assertThat(robot.lookup("#status-problems").queryLabeled().getText()).contains("Simulate and Export are off");

        // Clicking the problem selects its element, to fix it in place.
        robot.interact(() -> problems.getSelectionModel().select(typo));
        assertThat(window.document().getSelection()).containsExactly("checkout");

        // Fix it in the inspector: the service's publication, then its channel.
        javafx.scene.control.Hyperlink link = robot.lookup(".hyperlink")
                .match((javafx.scene.control.Hyperlink h) -> h.getText().startsWith("→ ordres"))
                .query();
        robot.interact(link::fire);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> channel =
                robot.lookup("#field-channel").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(channel.getItems()).contains("orders");
        robot.interact(() -> channel.setValue("orders"));
        assertThat(design().service("checkout").orElseThrow().publishes())
                .extracting(p -> p.channel())
                .containsExactly("orders");
        assertThat(window.document().getSelection()).containsExactly("pub:checkout>orders");
        assertThat(window.document().blockedProperty().get()).isEmpty();
        assertThat(simulate.isDisabled()).isFalse();
        assertThat(robot.lookup("#status-problems").queryLabeled().getText()).doesNotContain("off");
    }

    @Test
    void aFileThatIsNotADesignIsStillRefused(FxRobot robot) throws Exception {
        Design before = design();
        Path bad = tmp.resolve("bad.eventflow.yaml");
        Files.writeString(bad, "eventflow: 1\nname: Bad\nchannels:\n  - id: x\n    brokr: k\n");
        dialogs.openAnswer(bad);
        robot.clickOn(Find.action(robot, ActionId.OPEN));
        assertThat(design()).isEqualTo(before);
        assertThat(dialogs.errors()).hasSize(1);
        assertThat(dialogs.errors().get(0))
                .contains("bad.eventflow.yaml")
                .contains(":5:")
                .contains("brokr");
    }
}
