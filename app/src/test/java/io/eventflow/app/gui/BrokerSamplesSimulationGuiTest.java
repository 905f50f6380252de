package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.app.simview.ScenarioCatalog;
import io.eventflow.app.simview.SimSession;
import io.eventflow.app.simview.SimulationRunner;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.simulator.SimulationSnapshot;
import io.eventflow.simulator.report.SimulationReport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live simulation view end to end on each sample of the newer broker kinds, opened from its file, run under the
 * scenario next to it: counters move, no error dialog, conservation holds, and what is drawn under each channel and
 * service fits the kind (no depth for an SNS topic, none stored for Postgres NOTIFY). Writes a screenshot of each run
 * to {@code target/simview-samples/} to look at.
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class BrokerSamplesSimulationGuiTest {
    private static final Path SAMPLES =
            Path.of("..", "assets", "samples").toAbsolutePath().normalize();
    private static final long S = 1_000_000_000L;
    private MainWindow window;
    private ScriptedDialogs dialogs;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        dialogs = new ScriptedDialogs();
        window = GuiWindows.open(stage, dialogs);
        scene = stage.getScene();
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

    private SimSession session() {
        return window.simulate().session();
    }

    /**
     * Lets a few frames pass, then waits until a frame has read the runner's latest report (the counters are updated in
     * that same frame; both null when there is no run).
     */
    private void settle() throws Exception {
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                        () -> session().isLive()
                                || session().reportProperty().get()
                                        == session().runner().report())
                .get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long count(FxRobot robot, String id) {
        Label l = robot.lookup("#count-" + id).query();
        return Long.parseLong(l.getText().replace(",", ""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "iot-telemetry",
                "orders-sqs-sns",
                "activity-redis-streams",
                "jobs-postgres-notify",
                "trading-jms"
            })
    void sampleRunsLiveUnderItsScenario(String sample, FxRobot robot) throws Exception {
        Path file = SAMPLES.resolve(sample + ".eventflow.yaml");
        robot.interact(() -> window.files().openPath(file));
        robot.interact(() -> window.canvas().fitToView());
        robot.clickOn("#mode-simulate");
        settle();
        ComboBox<ScenarioCatalog.Choice> box = robot.lookup("#sim-scenario").query();
        assertThat(box.getValue().file()).isEqualTo(SAMPLES.resolve(sample + ".scenario.yaml"));
        assertThat(session().scenarioProperty().get().faults()).isNotEmpty();

        robot.doubleClickOn("#sim-until").eraseText(12).write("25s").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> session().runner().state() != SimulationRunner.State.RUNNING
                        && session().runner().snapshot() != null
                        && session().runner().snapshot().time() >= 25 * S);
        settle();

        assertThat(session().runner().state()).isEqualTo(SimulationRunner.State.PAUSED);
        assertThat(dialogs.errors()).isEmpty();
        Label message = robot.lookup("#sim-message").query();
        assertThat(message.getText()).isEmpty();
        SimulationReport r = session().runner().report();
        assertThat(r.invariants().get("conservation"))
                .as(r.violations().toString())
                .isTrue();
        assertThat(count(robot, "published")).isPositive().isEqualTo(r.totals().published());
        assertThat(count(robot, "processed")).isPositive().isEqualTo(r.totals().processed());
        if (!session().runner().snapshot().inFlight().isEmpty()) {
            assertThat(WaitForAsyncUtils.asyncFx(
                                    () -> window.simulate().overlay().drawn())
                            .get(10, TimeUnit.SECONDS))
                    .isPositive();
        }
        // the scenario's first fault has started by 25 s in every sample (at 10 s or 20 s): its trace event, unless
        // the ring buffer has moved past it, and then a crashed instance is still down
        assertThat(session().runner().traceSince(0).stream()
                                .anyMatch(e -> e.kind().equals("fault-started"))
                        || session().runner().snapshot().instances().stream().anyMatch(x -> !x.alive()))
                .as("a fault started")
                .isTrue();

        Design d = session().runDesign();
        SimulationSnapshot snap = session().runner().snapshot();
        // read on the FX thread: the frame timer keeps redrawing (and refilling the labels) while effects fade
        Map<String, String> labels = WaitForAsyncUtils.asyncFx(
                        () -> window.simulate().overlay().channelLabels())
                .get(10, TimeUnit.SECONDS);
        for (SimulationSnapshot.ChannelState c : snap.channels()) {
            Channel ch = d.channel(c.id()).orElseThrow();
            BrokerKind kind = d.kindOf(ch).orElseThrow();
            long groups = d.services().stream()
                    .flatMap(s -> s.subscribes().stream())
                    .filter(x -> x.channel().equals(c.id()))
                    .count();
            long published = r.channels().get(c.id()) == null
                    ? 0
                    : r.channels().get(c.id()).published();
            assertThat(c.depths()).as(c.id()).allSatisfy(x -> assertThat(x).isNotNegative());
            // a message waits at most once per subscribing group (JMS topics and MQTT sessions keep a copy each)
            assertThat(c.depth()).as(c.id()).isLessThanOrEqualTo(published * Math.max(1, groups));
            if (kind == BrokerKind.SQS && SqsQueue.of(ch).isTopic()) {
                assertThat(c.depth()).as(c.id()).isZero();
                assertThat(labels).as(c.id()).doesNotContainKey(c.id());
            } else if (kind == BrokerKind.POSTGRES) {
                assertThat(labels.get(c.id())).as(c.id()).startsWith("stores nothing");
            } else {
                assertThat(labels.get(c.id())).as(c.id()).startsWith("depth " + c.depth());
            }
        }
        for (SimulationSnapshot.GroupState g : snap.groups()) {
            assertThat(g.lag()).as(g.group()).isNotNegative();
        }
        // for the picture: more room for the canvas, fitted again
        robot.interact(() -> {
            for (javafx.scene.Node n : robot.lookup(".split-pane").queryAll()) {
                javafx.scene.control.SplitPane sp = (javafx.scene.control.SplitPane) n;
                if (sp.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                    sp.setDividerPositions(0.78);
                }
            }
        });
        settle();
        robot.interact(() -> window.canvas().fitToView());
        robot.interact(() -> window.simulate().overlay().invalidate());
        settle();
        shoot(Path.of("target", "simview-samples", sample + ".png"));
    }

    @org.junit.jupiter.api.Test
    void rightClickOnAnSnsFanOutEdgeSaysThereIsNoLinkToFault(FxRobot robot) throws Exception {
        robot.interact(() -> window.files().openPath(SAMPLES.resolve("orders-sqs-sns.eventflow.yaml")));
        robot.interact(() -> window.canvas().fitToView());
        robot.clickOn("#mode-simulate");
        settle();
        io.eventflow.app.canvas.EdgeSkin edge = robot.lookup(n -> n instanceof io.eventflow.app.canvas.EdgeSkin e
                        && e.edgeId().equals("sns:order-events>billing-queue"))
                .query();
        javafx.scene.shape.CubicCurve hit = robot.from(edge).lookup(".edge-hit").query();
        // the curve's midpoint: (P0 + 3 P1 + 3 P2 + P3) / 8
        double x = (hit.getStartX() + 3 * hit.getControlX1() + 3 * hit.getControlX2() + hit.getEndX()) / 8;
        double y = (hit.getStartY() + 3 * hit.getControlY1() + 3 * hit.getControlY2() + hit.getEndY()) / 8;
        robot.rightClickOn(hit.localToScreen(x, y));
        settle();
        javafx.scene.control.ContextMenu menu = robot.listWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.ContextMenu c
                        && "sim-menu".equals(c.getId())
                        && c.isShowing())
                .map(w -> (javafx.scene.control.ContextMenu) w)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no context menu"));
        assertThat(menu.getItems()).hasSize(1);
        assertThat(menu.getItems().get(0).getText()).startsWith("SNS fan-out inside the broker");
        assertThat(menu.getItems().get(0).isDisable()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(window.document().getSelection()).containsExactly("sns:order-events>billing-queue");
    }

    private void shoot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage[] img = new BufferedImage[1];
        WaitForAsyncUtils.asyncFx(() -> img[0] = SwingFXUtils.fromFXImage(scene.snapshot(null), null))
                .get(10, TimeUnit.SECONDS);
        ImageIO.write(img[0], "png", file.toFile());
    }
}
