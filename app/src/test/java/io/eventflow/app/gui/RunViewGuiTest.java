package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.simview.ScenarioCatalog;
import io.eventflow.app.simview.SimSession;
import io.eventflow.app.simview.SimulationRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The run view: its report records what was done by hand, its tabs show only in Simulate, a new design resets it. */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class RunViewGuiTest {
    private static final Path SAMPLES =
            Path.of("..", "assets", "samples").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = GuiWindows.open(stage);
    }

    @BeforeEach
    void awaitPanels(FxRobot robot) throws TimeoutException {
        this.robot = robot;
        Panels.await(window);
    }

    @AfterEach
    void stop() throws Exception {
        // on the FX thread: the frame timer reads the session being closed
        WaitForAsyncUtils.asyncFx(() -> window.simulate().dispose()).get(10, TimeUnit.SECONDS);
    }

    private SimSession session() {
        return window.simulate().session();
    }

    private void runUntil(FxRobot robot, String time, long nanos) throws Exception {
        robot.doubleClickOn("#sim-until").eraseText(12).write(time).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> session().runner().state() == SimulationRunner.State.PAUSED
                        && session().runner().snapshot().time() >= nanos);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private FxRobot robot;

    private boolean hasTab(String id) {
        javafx.scene.Node n = robot.lookup("#problems").query();
        while (!(n instanceof javafx.scene.control.TabPane)) {
            n = n.getParent();
        }
        return ((javafx.scene.control.TabPane) n).getTabs().stream().anyMatch(t -> id.equals(t.getId()));
    }

    @Test
    void reportRecordsHandInjectedFaultsAndKeepsItsChartsAfterASelection(FxRobot robot) throws Exception {
        assertThat(hasTab("tab-run")).isFalse();
        robot.clickOn("#mode-simulate");
        ComboBox<ScenarioCatalog.Choice> box = robot.lookup("#sim-scenario").query();
        robot.interact(() -> box.setValue(ScenarioCatalog.Choice.NONE));
        assertThat(hasTab("tab-run")).isTrue();
        runUntil(robot, "2s", 2_000_000_000L);
        robot.rightClickOn(Find.skin(robot, "billing"));
        robot.clickOn("Crash instance 0 (restart after 5s)");
        runUntil(robot, "4s", 4_000_000_000L);
        // Clicking an element restarts the Charts tab's series; the report's charts are of the whole run.
        robot.clickOn(Find.skin(robot, "orders"));
        assertThat(window.document().getSelection()).containsExactly("orders");

        Path html = tmp.resolve("report.html");
        robot.interact(() -> window.simulate().views().writeReport("html", html));
        String page = Files.readString(html);
        assertThat(page).doesNotContain("not enough samples").contains("<polyline");
        assertThat(page).contains("Injected by hand").contains("kind: crash, target: billing");
        Path json = tmp.resolve("report.json");
        robot.interact(() -> window.simulate().views().writeReport("json", json));
        assertThat(Files.readString(json)).contains("\"injectedByHand\"").contains("crash");
        Path scenario = tmp.resolve("run.scenario.yaml");
        robot.interact(() -> window.simulate().views().writeReport("scenario", scenario));
        assertThat(Files.readString(scenario)).contains("seed: ").contains("kind: crash, target: billing");
        assertThat(robot.lookup("#save-run-as-scenario").tryQuery()).isPresent();

        // Simulation tabs are for Simulate only.
        robot.clickOn("#mode-design");
        assertThat(hasTab("tab-run")).isFalse();
        assertThat(hasTab("tab-sweep")).isFalse();
        assertThat(hasTab("tab-problems")).isTrue();
        // Back to Simulate: each tab once (the Sweep tab stayed behind and was added twice, which threw in the skin).
        robot.clickOn("#mode-simulate");
        assertThat(tabIds()).containsOnlyOnce("tab-run", "tab-charts", "tab-sweep");
        assertThat(tabIds()).doesNotHaveDuplicates();
    }

    private java.util.List<String> tabIds() {
        javafx.scene.Node n = robot.lookup("#problems").query();
        while (!(n instanceof javafx.scene.control.TabPane)) {
            n = n.getParent();
        }
        return ((javafx.scene.control.TabPane) n)
                .getTabs().stream().map(t -> t.getId()).toList();
    }

    @Test
    void openingAnotherDesignResetsTheRunView(FxRobot robot) throws Exception {
        robot.clickOn("#mode-simulate");
        ComboBox<ScenarioCatalog.Choice> box = robot.lookup("#sim-scenario").query();
        robot.interact(() -> box.setValue(ScenarioCatalog.Choice.NONE));
        runUntil(robot, "1s", 1_000_000_000L);
        long generation = session().runner().generation();

        robot.interact(() -> window.files().openPath(SAMPLES.resolve("payments-rabbitmq.eventflow.yaml")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session().runner().generation() > generation);
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.simulate().simulatingProperty().get()).isFalse();
        assertThat(hasTab("tab-run")).isFalse();
        assertThat(session().runner().snapshot().time()).isZero();
        assertThat(session().runDesign().name())
                .isEqualTo(window.document().getDesign().name());
        assertThat(session().scenarioProperty().get().faults()).isEmpty();
    }
}
