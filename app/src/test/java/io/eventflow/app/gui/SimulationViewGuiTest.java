package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.simview.ScenarioCatalog;
import io.eventflow.app.simview.SimSession;
import io.eventflow.app.simview.SimulationRunner;
import io.eventflow.app.simview.TracePath;
import io.eventflow.simulator.trace.TraceEvent;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live simulation view on the Kafka sample, driven through its controls, menus and panels. */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class SimulationViewGuiTest {
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

    private SimSession session() {
        return window.simulate().session();
    }

    /** Simulate mode on the order pipeline without a scenario (faults come from the test). */
    private void simulateWithoutScenario(FxRobot robot) throws Exception {
        robot.clickOn("#mode-simulate");
        ComboBox<ScenarioCatalog.Choice> box = robot.lookup("#sim-scenario").query();
        robot.interact(() -> box.setValue(ScenarioCatalog.Choice.NONE));
        settle();
    }

    private void runUntil(FxRobot robot, String time, long nanos) throws Exception {
        robot.doubleClickOn("#sim-until").eraseText(12).write(time).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> session().runner().state() == SimulationRunner.State.PAUSED
                        && session().runner().snapshot().time() >= nanos);
        settle();
    }

    /**
     * Lets a few frames pass, then waits until a frame has read the runner's latest report (the counters are updated in
     * that same frame; both null when there is no run).
     */
    private void settle() throws Exception {
        WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
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

    private List<TraceEvent> trace() {
        return session().runner().traceSince(0);
    }

    @Test
    void consumerCrashFromTheContextMenuShowsRedelivery(FxRobot robot) throws Exception {
        simulateWithoutScenario(robot);
        runUntil(robot, "2s", 2_000_000_000L);
        assertThat(count(robot, "published")).isGreaterThan(300);
        assertThat(count(robot, "redelivered")).isZero();

        robot.rightClickOn(Find.skin(robot, "billing"));
        robot.clickOn("Crash instance 0 (restart after 5s)");
        runUntil(robot, "4s", 4_000_000_000L);

        assertThat(session().runner().report().totals().redelivered()).isPositive();
        assertThat(count(robot, "redelivered"))
                .isEqualTo(session().runner().report().totals().redelivered());
        assertThat(trace()).anySatisfy(e -> assertThat(e).isInstanceOf(TraceEvent.Redelivered.class));
        assertThat(trace())
                .anySatisfy(e -> assertThat(e.kind() + " " + e.element()).isEqualTo("fault-started billing#0"));
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.simulate().overlay().drawn())
                        .get(10, TimeUnit.SECONDS))
                .isPositive();
    }

    @Test
    void poisonScheduledOnTheTimelineDeadLetters(FxRobot robot) throws Exception {
        simulateWithoutScenario(robot);
        robot.clickOn(Find.skin(robot, "orders"));
        assertThat(window.document().getSelection()).containsExactly("orders");
        robot.clickOn("#tab-timeline");
        robot.clickOn("#timeline-add");
        robot.clickOn("Poison 10% of orders for 10s");
        assertThat(session().scenarioProperty().get().faults()).hasSize(1);
        robot.clickOn("#timeline-apply");
        runUntil(robot, "12s", 12_000_000_000L);

        long dead = session().runner().report().totals().deadLettered();
        assertThat(dead).isPositive();
        robot.clickOn("#tab-run");
        assertThat(count(robot, "dead-lettered")).isEqualTo(dead);
        assertThat(session().runner().report().groups().get("billing").deadLettered())
                .isEqualTo(dead);
    }

    @Test
    void replayingAGroupReprocesses(FxRobot robot) throws Exception {
        simulateWithoutScenario(robot);
        runUntil(robot, "2s", 2_000_000_000L);
        assertThat(count(robot, "reprocessed")).isZero();
        robot.rightClickOn(Find.skin(robot, "billing"));
        robot.clickOn("Replay group billing on orders from earliest");
        runUntil(robot, "3s", 3_000_000_000L);

        long again = session().runner().report().totals().reprocessed();
        assertThat(again).isGreaterThan(300);
        assertThat(count(robot, "reprocessed")).isEqualTo(again);
        assertThat(count(robot, "duplicates")).isZero();
        assertThat(trace()).anySatisfy(e -> assertThat(e).isInstanceOf(TraceEvent.Reprocessed.class));
    }

    @Test
    void clickingATokenTracesItsCorrelationId(FxRobot robot) throws Exception {
        simulateWithoutScenario(robot);
        runUntil(robot, "1s", 1_000_000_000L);
        javafx.geometry.Point2D p = WaitForAsyncUtils.asyncFx(
                        () -> window.simulate().overlay().firstToken())
                .get(10, TimeUnit.SECONDS);
        assertThat(p).isNotNull();
        robot.clickOn("#tab-log");
        robot.clickOn(window.simulate().overlay().localToScreen(p));
        TableView<TracePath.Hop> hops = robot.lookup("#trace-hops").query();
        assertThat(hops.getItems()).isNotEmpty();
        assertThat(hops.getItems().get(0).kind()).isEqualTo("published");
        assertThat(window.document().getSelection()).isEmpty();
    }

    private static final String UNSUPPORTED =
            """
            eventflow: 1
            name: unsupported
            brokers: [{id: bus, kind: other}]
            messages: [{id: M, sizeBytes: 100}]
            channels: [{id: events, broker: bus, messages: [M]}]
            services:
              - id: p
                publishes: [{channel: events, message: M, rate: 1/s}]
            """;

    @Test
    void aDesignTheSimulatorCannotRunSaysSoBesideTheControls(FxRobot robot) throws Exception {
        // 'other' brokers are design and export only: the simulator never models them
        java.nio.file.Path design = Files.createTempDirectory("unsupported").resolve("bus.eventflow.yaml");
        Files.writeString(design, UNSUPPORTED);
        robot.interact(() -> window.files().openPath(design));
        robot.clickOn("#mode-simulate");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> session().runner().state() == SimulationRunner.State.FAILED);
        settle();
        Label message = robot.lookup("#sim-message").query();
        assertThat(message.getText()).contains("'bus'").containsIgnoringCase("other");
        robot.clickOn("#sim-run");
        settle();
        assertThat(session().runner().state()).isEqualTo(SimulationRunner.State.FAILED);
    }

    @Test
    void tracesACorrelationIdThroughAChainOfServices(FxRobot robot) throws Exception {
        simulateWithoutScenario(robot);
        runUntil(robot, "1s", 1_000_000_000L);
        long corr = trace().stream()
                .filter(e -> e instanceof TraceEvent.Processed && e.element().startsWith("shipping#"))
                .mapToLong(TraceEvent::correlationId)
                .findFirst()
                .orElseThrow();

        robot.clickOn("#tab-log");
        robot.clickOn("#trace-id").write(Long.toString(corr));
        robot.clickOn("#trace-go");

        TableView<TracePath.Hop> hops = robot.lookup("#trace-hops").query();
        List<String> seen = hops.getItems().stream()
                .map(h -> h.kind() + " " + h.element().replaceAll("#.*", ""))
                .toList();
        assertThat(seen)
                .containsSubsequence(
                        "published checkout",
                        "stored orders",
                        "processed billing",
                        "published billing",
                        "stored invoices",
                        "processed shipping");
        assertThat(hops.getItems().get(hops.getItems().size() - 1).sinceStartMs())
                .isPositive();
        Label info = robot.lookup("#trace-info").query();
        assertThat(info.getText())
                .contains("checkout>orders", "orders>billing", "billing>invoices", "invoices>shipping");
    }

    @Test
    void eventLogTracesFromThePublisherAndSurvivesTabSwitches(FxRobot robot) throws Exception {
        List<Throwable> thrown = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e)));
        simulateWithoutScenario(robot);
        runUntil(robot, "2s", 2_000_000_000L);
        robot.clickOn("#tab-log");
        settle();
        robot.doubleClickOn("#trace-id").eraseText(8).write("0");
        robot.clickOn("#trace-go");
        settle();
        TableView<TracePath.Hop> hops = robot.lookup("#trace-hops").query();
        assertThat(hops.getItems()).isNotEmpty();
        assertThat(hops.getItems().get(0).kind()).isEqualTo("published");
        assertThat(hops.getItems().get(0).element()).startsWith("checkout");
        TableView<TraceEvent> log = robot.lookup("#sim-log-table").query();
        robot.interact(() -> log.getSelectionModel().select(3));
        robot.clickOn("#tab-charts");
        settle();
        robot.clickOn("#tab-log");
        settle();
        robot.clickOn("#tab-run");
        settle();
        assertThat(thrown).isEmpty();
        // Columns sized to their content: the element column holds its widest value.
        var element = log.getColumns().get(2);
        double widest = log.getItems().stream()
                .mapToDouble(e -> new javafx.scene.text.Text(e.element())
                        .getLayoutBounds()
                        .getWidth())
                .max()
                .orElse(0);
        assertThat(element.getWidth()).isGreaterThan(widest);
        assertThat(element.isResizable()).isTrue();
    }

    @Test
    void chartsHoldAnElementsWholeHistoryWithUnitsAndAServicesBacklog(FxRobot robot) throws Exception {
        simulateWithoutScenario(robot);
        runUntil(robot, "3s", 3_000_000_000L);
        robot.clickOn("#tab-charts");
        robot.clickOn(Find.skin(robot, "billing"));
        settle();
        @SuppressWarnings("unchecked")
        List<javafx.scene.chart.LineChart<Number, Number>> charts =
                robot.lookup("#sim-charts .chart").queryAll().stream()
                        .map(n -> (javafx.scene.chart.LineChart<Number, Number>) n)
                        .toList();
        assertThat(charts).hasSize(4);
        for (var c : charts) {
            assertThat(c.getYAxis().getLabel()).as(c.getTitle()).isNotBlank();
            assertThat(c.getXAxis().getLabel()).isEqualTo("simulated s");
            var data = c.getData().get(0).getData();
            // Selected after the run: its series still starts near the beginning of the run.
            assertThat(data).as(c.getTitle()).isNotEmpty();
            assertThat(data.get(0).getXValue().doubleValue()).as(c.getTitle()).isLessThan(1.0);
        }
        assertThat(charts).anySatisfy(c -> assertThat(c.getTitle()).startsWith("Backlog"));
    }

    @Test
    void hiddenChartsAreNotRedrawnDuringARunAndCatchUpWhenShown(FxRobot robot) throws Exception {
        simulateWithoutScenario(robot);
        robot.clickOn("#tab-run");
        runUntil(robot, "3s", 3_000_000_000L);
        @SuppressWarnings("unchecked")
        List<javafx.scene.chart.LineChart<Number, Number>> charts =
                robot.lookup("#sim-charts .chart").queryAll().stream()
                        .map(n -> (javafx.scene.chart.LineChart<Number, Number>) n)
                        .toList();
        // Laying out charts nobody sees took most of the FX thread's time in a flat-out run (issue 15).
        assertThat(charts)
                .allSatisfy(c -> assertThat(c.getData().get(0).getData()).isEmpty());
        robot.clickOn("#tab-charts");
        settle();
        int samples = session().runner().series().samples(null).size();
        assertThat(samples).isGreaterThan(1);
        // the frame fills the shown charts on the FX thread: read them there, once they have caught up
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> charts.stream()
                            .allMatch(c -> c.getData().get(0).getData().size() == samples))
                    .get());
        } catch (TimeoutException e) {
            // the assertion below says which chart fell short
        }
        List<Integer> sizes = WaitForAsyncUtils.asyncFx(() -> charts.stream()
                        .map(c -> c.getData().get(0).getData().size())
                        .toList())
                .get(10, TimeUnit.SECONDS);
        assertThat(sizes).allSatisfy(n -> assertThat(n).isEqualTo(samples));
    }
}
