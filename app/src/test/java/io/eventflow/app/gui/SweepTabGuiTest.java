package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.simview.SweepViewModel;
import io.eventflow.simulator.sweep.CombinationResult;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Sweep tab on the order pipeline: vary from the inspector, run, read the chart, apply a combination. */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class SweepTabGuiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = GuiWindows.open(stage);
    }

    @BeforeEach
    void awaitPanels() throws TimeoutException {
        Panels.await(window);
    }

    @AfterEach
    void stop() throws Exception {
        // on the FX thread: the frame timer reads the session being closed
        WaitForAsyncUtils.asyncFx(() -> window.simulate().dispose()).get(10, TimeUnit.SECONDS);
    }

    private SweepViewModel sweep() {
        return window.simulate().views().sweep();
    }

    private void varyFromTheInspector(FxRobot robot, String element, String field) {
        robot.clickOn(Find.skin(robot, element));
        robot.rightClickOn("#field-" + field);
        robot.clickOn("Vary in sweep");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void runAndWait(FxRobot robot) throws TimeoutException {
        fire(robot, "#sweep-run");
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> sweep().resultProperty().get() != null
                        && !sweep().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The sweep chart's children once it has drawn the result, copied on the FX thread: it draws in its layout, at the
     * pulse after the result came, which a loaded machine may hold back past {@code waitForFxEvents} (seen once with
     * every app test class in one JVM).
     */
    private static java.util.List<javafx.scene.Node> drawnChart(FxRobot robot) throws Exception {
        var chart = robot.lookup("#sweep-chart").queryAs(javafx.scene.layout.Pane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                        () -> !chart.getChildrenUnmodifiable().isEmpty())
                .get());
        return WaitForAsyncUtils.asyncFx(() -> java.util.List.copyOf(chart.getChildrenUnmodifiable()))
                .get(10, TimeUnit.SECONDS);
    }

    /** Presses a button of the dock (it may be scrolled out of the dock's small headless view). */
    private static void fire(FxRobot robot, String id) {
        javafx.scene.control.Button b = robot.lookup(id).query();
        robot.interact(b::fire);
    }

    private static void set(FxRobot robot, String id, String text) {
        javafx.scene.control.TextField f = robot.lookup(id).query();
        robot.interact(() -> f.setText(text));
    }

    @Test
    void varyInstancesFromTheInspectorRunAndApplyACombination(FxRobot robot) throws Exception {
        varyFromTheInspector(robot, "billing", "instances");
        assertThat(window.simulate().simulatingProperty().get()).isTrue();
        assertThat(sweep().rows()).extracting(SweepViewModel.Row::name).containsExactly("billing.instances");
        // billing has 3 instances: the values start from 1 up to 2 x 3 + 2
        assertThat(sweep().rows().get(0).valuesProperty().get()).isEqualTo("1..8");

        set(robot, "#sweep-values-billing-instances", "2,6");
        set(robot, "#sweep-seeds", "1..3");
        set(robot, "#sweep-duration", "3s");
        set(robot, "#sweep-goal", "groups.billing.latencyMs.p99 < 200");
        runAndWait(robot);

        TableView<CombinationResult> table = robot.lookup("#sweep-table").query();
        assertThat(table.getItems()).hasSize(2);
        var drawn = drawnChart(robot);
        assertThat(drawn)
                .anySatisfy(n -> assertThat(n.getStyleClass()).contains("sweep-band"))
                .anySatisfy(n -> assertThat(n.getStyleClass()).contains("sweep-median"))
                .anySatisfy(n -> assertThat(n.getStyleClass()).contains("sweep-goal"));
        assertThat(drawn.stream().filter(n -> n.getStyleClass().contains("sweep-point")))
                .hasSize(2);
        Label progress = robot.lookup("#sweep-progress-text").query();
        assertThat(progress.getText()).contains("6 runs in");

        robot.interact(() -> table.getSelectionModel().select(1));
        fire(robot, "#sweep-apply");
        assertThat(window.document()
                        .getDesign()
                        .service("billing")
                        .orElseThrow()
                        .instances())
                .isEqualTo(6);
        robot.interact(() -> window.document().undo());
        assertThat(window.document()
                        .getDesign()
                        .service("billing")
                        .orElseThrow()
                        .instances())
                .isEqualTo(3);
    }

    @Test
    void twoSettingsShowABoxPerCombinationAndMinimiseAnswersWithAnApplyButton(FxRobot robot) throws Exception {
        varyFromTheInspector(robot, "orders", "partitions");
        robot.interact(() -> sweep().add("billing.instances"));
        set(robot, "#sweep-values-orders-partitions", "3,6");
        set(robot, "#sweep-values-billing-instances", "1..3");
        set(robot, "#sweep-seeds", "1..2");
        set(robot, "#sweep-duration", "2s");
        set(robot, "#sweep-goal", "totals.published > 0");
        runAndWait(robot);
        var drawn = drawnChart(robot);
        assertThat(drawn.stream().filter(n -> n.getStyleClass().contains("sweep-box")))
                .hasSize(6); // 2 x 3 combinations

        robot.interact(() -> sweep().minimiseProperty().set("billing.instances"));
        robot.interact(() -> sweep().remove(sweep().rows().get(0)));
        runAndWait(robot);
        Label answer = robot.lookup("#sweep-answer").query();
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> sweep().minimisedProperty().get() != null);
        assertThat(answer.getText())
                .startsWith("Smallest billing.instances meeting the goal in 95% of seeds: 1 (met in 100%)");
        fire(robot, "#sweep-apply-answer");
        assertThat(window.document()
                        .getDesign()
                        .service("billing")
                        .orElseThrow()
                        .instances())
                .isEqualTo(1);
    }

    @Test
    void aMistakeInTheSettingsIsShownAndNothingRuns(FxRobot robot) {
        robot.clickOn("#mode-simulate");
        robot.interact(() -> window.simulate().showTab("tab-sweep"));
        set(robot, "#sweep-add-name", "biling.instances");
        fire(robot, "#sweep-add");
        set(robot, "#sweep-values-biling-instances", "1..3");
        fire(robot, "#sweep-run");
        Label message = robot.lookup("#sweep-message").query();
        assertThat(message.getText()).contains("there is no service 'biling': did you mean 'billing'?");
        assertThat(sweep().resultProperty().get()).isNull();
        robot.interact(() -> sweep().remove(sweep().rows().get(0)));
        set(robot, "#sweep-goal", "latencyMs.p98 < 200");
        fire(robot, "#sweep-run");
        assertThat(message.getText())
                .contains("the goal's 'latencyMs.p98' is not a figure of the report: did you mean");
        assertThat(sweep().runningProperty().get()).isFalse();
    }
}
