package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.app.simview.SimulationRunner;
import io.eventflow.model.design.Design;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing keeps a closed window or a design the window no longer shows. In one test JVM every window of earlier GUI
 * classes stayed reachable (their autosave timers, held by the FX pulse timer, held them) until a class ran out of heap.
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class WindowLeakGuiTest {
    private static final Path SAMPLES =
            Path.of(System.getProperty("eventflow.repo", "..")).toAbsolutePath().resolve("assets/samples");

    @Test
    void aClosedWindowWithARunningSimulationIsCollected(FxRobot robot) throws Exception {
        Stage[] on = new Stage[1];
        MainWindow[] opened = new MainWindow[1];
        robot.interact(() -> {
            on[0] = new Stage();
            opened[0] = open(on[0]);
        });
        Panels.await(opened[0]);
        robot.interact(() -> {
            opened[0].simulate().setSimulating(true);
            opened[0].simulate().session().toggleRun();
        });
        WeakReference<SimulationRunner> run =
                new WeakReference<>(opened[0].simulate().session().runner());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> run.get().state() == SimulationRunner.State.RUNNING);
        WeakReference<MainWindow> first = new WeakReference<>(opened[0]);

        // Hidden without asking (as a test's clean-up or Platform.exit hides it), then the stage reused by another
        // window, as the next GUI test does.
        robot.interact(() -> {
            on[0].hide();
            opened[0] = open(on[0]);
        });
        Panels.await(opened[0]);

        assertThat(collected(first)).as("the closed window is collected").isTrue();
        // Its simulation thread has stopped (a running thread keeps its runner).
        assertThat(collected(run))
                .as("the closed window's simulation is collected")
                .isTrue();
    }

    @Test
    void designsOpenedOneAfterAnotherInOneWindowAreCollected(FxRobot robot) throws Exception {
        MainWindow[] opened = new MainWindow[1];
        robot.interact(() -> opened[0] = open(new Stage()));
        MainWindow window = opened[0];
        Panels.await(window);
        open(robot, window, "order-pipeline");
        WeakReference<Design> firstDesign =
                new WeakReference<>(window.document().getDesign());
        WeakReference<Node> firstSkin = new WeakReference<>(Find.skin(robot, "billing"));
        assertThat(firstSkin.get()).isNotNull();
        select(robot, window, "billing");
        // Each design after it is treated alike (selected, shown in Simulate): a view that keeps the latest design
        // until the next one is fine, one that keeps every design is not.
        for (String sample : List.of("payments-rabbitmq", "iot-telemetry", "trading-jms", "activity-redis-streams")) {
            open(robot, window, sample);
            select(
                    robot,
                    window,
                    window.document().getDesign().services().get(0).id());
        }
        assertThat(Find.trySkin(robot, "billing")).isEmpty();

        assertThat(collected(firstDesign)).as("the first design is collected").isTrue();
        assertThat(collected(firstSkin))
                .as("the first design's canvas skins are collected")
                .isTrue();
        robot.interact(() -> window.simulate().dispose());
    }

    private static MainWindow open(Stage stage) {
        try {
            return GuiWindows.open(stage, new ScriptedDialogs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Selects an element and shows the design in Simulate, then goes back to Design. */
    private static void select(FxRobot robot, MainWindow window, String id) {
        robot.interact(() -> window.document().getSelection().add(id));
        robot.interact(() -> window.simulate().setSimulating(true));
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        robot.interact(() -> window.simulate().setSimulating(false));
    }

    private static void open(FxRobot robot, MainWindow window, String sample) {
        robot.interact(() -> window.files().openPath(SAMPLES.resolve(sample + ".eventflow.yaml")));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Collects garbage until the reference is cleared (true) or a few seconds have passed (false). */
    private static boolean collected(WeakReference<?> ref) throws TimeoutException {
        for (int i = 0; i < 40 && ref.get() != null; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            System.gc();
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
        return ref.get() == null;
    }
}
