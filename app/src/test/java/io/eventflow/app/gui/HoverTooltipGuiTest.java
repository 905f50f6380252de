package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.fx.HoverTooltip;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Tooltips of the toolbar and the diagram's elements are made on the first hover (a tooltip is a popup window, too
 * many for the window's start): none before, one that shows with the latest text after, on a control as its tooltip
 * and on any other node through {@code Tooltip.install}.
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class HoverTooltipGuiTest {
    private Button button;
    private Region region;
    private HoverTooltip onButton;
    private HoverTooltip onRegion;

    @Start
    void start(Stage stage) {
        button = new Button("button");
        region = new Region();
        region.setMinSize(120, 80);
        region.setStyle("-fx-background-color: #dde");
        onButton = HoverTooltip.of(button).text("first");
        onRegion = HoverTooltip.on(region).text("element");
        stage.setScene(new Scene(new HBox(40, button, region), 400, 200));
        stage.show();
    }

    @Test
    void aControlGetsItsTooltipOnTheFirstHoverWithTheLatestText(FxRobot robot) throws TimeoutException {
        assertThat(onButton.tooltip()).isNull();
        assertThat(button.getTooltip()).isNull();
        robot.interact(() -> onButton.text("Save  (Ctrl+S)"));
        robot.moveTo(button).moveBy(2, 1);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> button.getTooltip() != null && button.getTooltip().isShowing());
        assertThat(button.getTooltip()).isSameAs(onButton.tooltip());
        assertThat(button.getTooltip().getText()).isEqualTo("Save  (Ctrl+S)");
        robot.interact(() -> onButton.text("Save as"));
        assertThat(button.getTooltip().getText()).isEqualTo("Save as");
        leave(robot, button.getTooltip());
    }

    @Test
    void anyNodeGetsItsTooltipOnTheFirstHover(FxRobot robot) throws TimeoutException {
        assertThat(onRegion.tooltip()).isNull();
        robot.moveTo(region).moveBy(3, 2);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onRegion.tooltip() != null && onRegion.tooltip().isShowing());
        assertThat(onRegion.tooltip().getText()).isEqualTo("element");
        assertThat(region.getProperties()).containsValue(onRegion.tooltip());
        leave(robot, onRegion.tooltip());
    }

    /** Moves the pointer off and waits for the tooltip to hide (JavaFX's tooltip timers are shared by all windows). */
    private void leave(FxRobot robot, javafx.scene.control.Tooltip tooltip) throws TimeoutException {
        robot.moveTo(button).moveBy(0, 60);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tooltip.isShowing());
    }
}
