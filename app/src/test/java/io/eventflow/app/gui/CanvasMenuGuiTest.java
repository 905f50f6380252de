package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.shell.ActionId;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Position;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The canvas's context menu on empty canvas, and actions that cannot act being disabled. */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class CanvasMenuGuiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = GuiWindows.open(stage);
    }

    @BeforeEach
    void awaitPanels() throws TimeoutException {
        Panels.await(window);
    }

    private Design design() {
        return window.document().getDesign();
    }

    /**
     * Fires an item of the showing context menu's "Add here" submenu. (The robot cannot click into the long submenu
     * on the 1600x1000 headless screen: TestFX finds its item before the submenu's popup has a scene.)
     */
    private static void addHere(FxRobot robot, String id) {
        robot.interact(() -> {
            javafx.scene.control.ContextMenu cm = javafx.stage.Window.getWindows().stream()
                    .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
                    .map(w -> (javafx.scene.control.ContextMenu) w)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no context menu showing"));
            javafx.scene.control.Menu add = (javafx.scene.control.Menu) cm.getItems().stream()
                    .filter(i -> "menu-add-here".equals(i.getId()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no 'Add here' in the canvas menu"));
            javafx.scene.control.MenuItem item = add.getItems().stream()
                    .filter(i -> id.equals(i.getId()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + id + " under 'Add here'"));
            cm.hide();
            item.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D onCanvas(double x, double y) {
        Bounds b = window.canvas().localToScreen(window.canvas().getLayoutBounds());
        return new Point2D(b.getMinX() + x, b.getMinY() + y);
    }

    /**
     * A toolbar button is an icon: screen readers read its action's name, and hovering it shows the name and the
     * shortcut. (The tooltip is made on the first hover, not with the window.)
     */
    @Test
    void toolbarButtonsAreNamedAndShowTheirShortcutOnHover(FxRobot robot) throws TimeoutException {
        Button save = Find.action(robot, ActionId.SAVE);
        assertThat(save.getAccessibleText()).isEqualTo(ActionId.SAVE.label());
        assertThat(save.getTooltip()).as("not made with the window").isNull();
        robot.moveTo(save).moveBy(2, 1);
        WaitForAsyncUtils.waitFor(
                10,
                java.util.concurrent.TimeUnit.SECONDS,
                () -> save.getTooltip() != null && save.getTooltip().isShowing());
        assertThat(save.getTooltip().getText())
                .isEqualTo(ActionId.SAVE.label() + "  (" + ActionId.SAVE.key().getDisplayText() + ")");
        robot.moveTo(onCanvas(300, 200));
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !save.getTooltip()
                .isShowing());
    }

    @Test
    void emptyCanvasMenuAddsAtTheClickSelectsAllAndArranges(FxRobot robot) {
        robot.clickOn(Find.action(robot, ActionId.NEW));
        Button delete = Find.action(robot, ActionId.DELETE);
        assertThat(delete.isDisabled()).as("nothing selected").isTrue();
        Button paste = Find.action(robot, ActionId.PASTE);
        assertThat(paste.isDisabled()).as("nothing copied").isTrue();

        robot.rightClickOn(onCanvas(300, 200));
        addHere(robot, "add-here-kafka-topic");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(design().channel("topic")).isPresent();
        Point2D world = window.canvas().screenToWorld(300, 200);
        Position at = design().layout().get("topic");
        assertThat(Math.abs(at.x() - world.getX())).isLessThanOrEqualTo(20);
        assertThat(Math.abs(at.y() - world.getY())).isLessThanOrEqualTo(20);
        assertThat(delete.isDisabled()).as("the new element is selected").isFalse();

        robot.rightClickOn(onCanvas(600, 400));
        addHere(robot, "add-here-consumer");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(design().service("consumer")).isPresent();

        robot.interact(() -> window.canvas().viewModel().copy());
        assertThat(paste.isDisabled()).isFalse();
        robot.interact(() -> window.document().getSelection().clear());
        robot.rightClickOn(onCanvas(450, 30));
        robot.clickOn("#action-item-select-all");
        assertThat(window.document().getSelection()).contains("topic", "consumer", "kafka");

        robot.rightClickOn(onCanvas(450, 30));
        robot.clickOn("#action-item-auto-layout");
        assertThat(window.document().document().history().undoDescription()).contains("Arrange automatically");

        // In Simulate the diagram is locked: Delete is disabled, and the key does nothing.
        robot.clickOn(Find.skin(robot, "topic"));
        robot.clickOn("#mode-simulate");
        robot.interact(() -> window.document().getSelection().add("topic"));
        assertThat(delete.isDisabled()).isTrue();
        robot.interact(() -> window.canvas().requestFocus());
        robot.type(KeyCode.DELETE).type(KeyCode.BACK_SPACE);
        assertThat(window.document().getSelection()).contains("topic");
        assertThat(design().channel("topic")).isPresent();
        robot.clickOn("#mode-design");
        robot.interact(() -> window.document().getSelection().add("topic"));
        assertThat(delete.isDisabled()).isFalse();
        robot.interact(() -> window.simulate().dispose()); // on the FX thread, like everything the session touches
    }

    @Test
    void inspectorReferencesAreSearchableAndSchemaErrorsPlain(FxRobot robot) {
        robot.clickOn(Find.skin(robot, "orders"));
        var broker = robot.lookup("#field-broker").query();
        assertThat(broker).isInstanceOf(org.controlsfx.control.SearchableComboBox.class);
        assertThat(robot.lookup("#field-address")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getPromptText())
                .startsWith("orders");

        robot.clickOn("#message-OrderPlaced");
        var text = robot.lookup("#schema-text").queryAs(javafx.scene.control.TextArea.class);
        Button apply = robot.lookup("#schema-apply").queryButton();
        robot.interact(() -> text.setText("{\"type\": \"object\"}"));
        double width = apply.getWidth();
        robot.interact(() -> text.setText("{\"type\": \"object\",\n  \"properties\": {\"a\": {\"type\": string}}}"));
        javafx.scene.control.Label status = robot.lookup(".schema-status").queryAs(javafx.scene.control.Label.class);
        assertThat(status.getText()).startsWith("Line 2, column").contains("'string' is not a JSON value");
        assertThat(status.getText()).doesNotContain("code").doesNotContain("Source");
        assertThat(apply.getWidth()).isEqualTo(width);
        assertThat(apply.isDisabled()).isTrue();
    }
}
