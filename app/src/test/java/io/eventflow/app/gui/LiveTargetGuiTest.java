package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.live.ConnectionDialog;
import io.eventflow.app.live.Connections;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.simview.RunTarget;
import io.eventflow.app.simview.ScenarioCatalog;
import io.eventflow.app.simview.SimSession;
import io.eventflow.app.simview.SimulationRunner;
import io.eventflow.live.ReportComparison;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.SimulationSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Simulate's run target: the choice is the user's (settings, not the design); a live run on the trading sample's
 * embedded ActiveMQ feeds the same views and ends with the simulated and live reports side by side; a broker that does
 * not answer is said beside the controls; the connection dialog keeps typed secrets off the disk.
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class LiveTargetGuiTest {
    private static final Path SAMPLES =
            Path.of("..", "assets", "samples").toAbsolutePath().normalize();
    private static final Path CONFIG;
    private static final String OLD_CONFIG = System.getProperty("eventflow.configdir");

    static {
        try {
            CONFIG = Files.createTempDirectory("ef-live-gui-config");
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
        // the run target and the connections go to the user's configuration folder: a temporary one here
        System.setProperty("eventflow.configdir", CONFIG.toString());
    }

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

    @AfterAll
    static void restore() {
        if (OLD_CONFIG == null) {
            System.clearProperty("eventflow.configdir");
        } else {
            System.setProperty("eventflow.configdir", OLD_CONFIG);
        }
    }

    private SimSession session() {
        return window.simulate().session();
    }

    private static void settle() {
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The trading sample in Simulate, no scenario, {@code duration} long, with {@code target} chosen in the controls.
     */
    private void simulateTrading(FxRobot robot, RunTarget target, String duration) throws Exception {
        simulate(robot, SAMPLES.resolve("trading-jms.eventflow.yaml"), target, duration);
    }

    private static final String ONE_QUEUE =
            """
            eventflow: 1
            name: One queue
            brokers:
              - {id: amq, kind: jms}
            messages:
              - {id: M, payload: {type: object}}
            channels:
              - {id: work, broker: amq, address: work, messages: [M], destination: queue}
            services:
              - id: producer
                publishes: [{channel: work, message: M, rate: 10/s}]
              - id: worker
                subscribes: [{channel: work}]
            """;

    /** {@code design} in Simulate, no scenario, 3 s, with {@code target} chosen in the controls. */
    private void simulate(FxRobot robot, Path design, RunTarget target) throws Exception {
        simulate(robot, design, target, "3s");
    }

    private void simulate(FxRobot robot, Path design, RunTarget target, String duration) throws Exception {
        robot.interact(() -> window.files().openPath(design));
        robot.clickOn("#mode-simulate");
        ComboBox<ScenarioCatalog.Choice> box = robot.lookup("#sim-scenario").query();
        robot.interact(() -> box.setValue(ScenarioCatalog.Choice.NONE));
        ComboBox<RunTarget> targets = robot.lookup("#sim-target").query();
        robot.interact(() -> targets.setValue(target));
        robot.doubleClickOn("#sim-duration").eraseText(8).write(duration);
        settle();
    }

    private SimulationRunner.State state() {
        return session().stateProperty().get();
    }

    @Test
    void embeddedRunFeedsTheViewsPausesAndEndsBesideTheSimulation(FxRobot robot) throws Exception {
        // long enough that the pause below lands while the run publishes (after a finished run, Run starts a new one)
        simulateTrading(robot, RunTarget.EMBEDDED, "8s");
        // remembered for the user, not written into the design
        assertThat(Files.readString(CONFIG.resolve("settings.properties"))).contains("simulate.target=EMBEDDED");
        assertThat(Files.readString(SAMPLES.resolve("trading-jms.eventflow.yaml")))
                .doesNotContain("EMBEDDED")
                .doesNotContain("Embedded");
        assertThat(robot.lookup("#sim-step").query().isDisabled()).isTrue();

        robot.clickOn("#sim-run");
        // progress while the broker starts and the consumers join, then the run publishes
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> session().reportProperty().get() != null
                        && session().reportProperty().get().totals().published() > 0);
        settle();
        Label status = robot.lookup("#sim-live-status").query();
        assertThat(status.getText()).matches(".* · \\d+\\.\\d s");
        // the same views as a simulation: counters, depths on the snapshot, charts, event log
        Label published = robot.lookup("#count-published").query();
        assertThat(Long.parseLong(published.getText().replace(",", ""))).isPositive();
        assertThat(session().snapshot().channels()).extracting(c -> c.id()).contains("prices", "orders");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !window.simulate().views().series().samples(null).isEmpty());
        // moving tokens from what the clients saw: publishes at the producers (service -> channel), deliveries at the
        // consumers (channel -> service), each on an edge of the design, drawn by the same overlay as a simulation's
        java.util.concurrent.atomic.AtomicReference<List<SimulationSnapshot.InFlight>> tokens =
                new java.util.concurrent.atomic.AtomicReference<>(List.of());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            var s = session().snapshot();
            if (s != null && !s.inFlight().isEmpty()) {
                tokens.set(s.inFlight());
            }
            return !tokens.get().isEmpty() && window.simulate().overlay().drawn() > 0;
        });
        var design = window.document().getDesign();
        java.util.Set<String> edges = new java.util.HashSet<>();
        design.services().forEach(svc -> {
            svc.publishes().forEach(p -> edges.add(svc.id() + ">" + p.channel()));
            svc.subscribes().forEach(sub -> edges.add(sub.channel() + ">" + svc.id()));
        });
        assertThat(tokens.get()).allSatisfy(f -> assertThat(edges).contains(f.from() + ">" + f.to()));
        assertThat(tokens.get()).extracting(SimulationSnapshot.InFlight::phase).isSubsetOf("wire", "processing");

        // Pause stops the producers: Run says so, and the state is paused
        javafx.scene.control.Button runButton = robot.lookup("#sim-run").query();
        assertThat(runButton.getText()).isEqualTo("Pause");
        assertThat(((org.kordamp.ikonli.javafx.FontIcon) runButton.getGraphic()).getIconCode())
                .isEqualTo(org.kordamp.ikonli.materialdesign2.MaterialDesignP.PAUSE);
        robot.clickOn("#sim-run");
        settle();
        assertThat(state()).isEqualTo(SimulationRunner.State.PAUSED);
        robot.clickOn("#sim-run");
        settle();
        assertThat(state()).isIn(SimulationRunner.State.RUNNING, SimulationRunner.State.FINISHED);

        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> state() == SimulationRunner.State.FINISHED);
        settle();
        assertThat(session().live().log()).as("trace events in the event log").isNotEmpty();
        assertThat(session().reportProperty().get().ok()).isTrue();
        // the Run tab's two columns: simulated and live, same seed
        SimSession.LiveComparison c = session().comparisonProperty().get();
        assertThat(c).isNotNull();
        assertThat(c.simulated()).isNotNull();
        assertThat(c.simulated().seed()).isEqualTo(c.live().seed());
        TableView<ReportComparison.Row> table =
                robot.lookup("#live-comparison-table").query();
        assertThat(table.isVisible()).isTrue();
        assertThat(table.getItems()).extracting(ReportComparison.Row::figure).contains("totals.published");
        ReportComparison.Row pub = table.getItems().get(0);
        assertThat(pub.simulated()).isEqualTo(c.simulated().totals().published());
        assertThat(pub.live()).isEqualTo(c.live().totals().published());
        // the clock stops at the run's length while the run drains and reads back
        String clock = robot.lookup("#sim-clock").queryAs(Label.class).getText();
        String[] times = clock.replace(" s", "").split(" / ");
        assertThat(Double.parseDouble(times[0])).as(clock).isLessThanOrEqualTo(Double.parseDouble(times[1]));
        // the run's summary says it was live, without the simulator's kernel events; the causes of loss say none
        javafx.scene.control.TextArea summary = robot.lookup("#run-summary").query();
        assertThat(summary.getText().lines().findFirst().orElseThrow())
                .contains("  live ")
                .doesNotContain("simulated")
                .doesNotContain("kernel events");
        if (c.live().totals().lost() == 0) {
            assertThat(robot.lookup("#count-lost-by").queryAs(Label.class).getText())
                    .isEqualTo("Lost by cause: none");
        }

        // back to the simulator: the comparison goes, Step works again
        robot.interact(() -> session().targetProperty().set(RunTarget.SIMULATOR));
        settle();
        assertThat(robot.lookup("#live-comparison").query().isVisible()).isFalse();
        assertThat(robot.lookup("#sim-step").query().isDisabled()).isFalse();
        assertThat(Files.readString(CONFIG.resolve("settings.properties"))).contains("simulate.target=SIMULATOR");
    }

    @Test
    void aRunRefusedForSeveralFaultsNamesTheFirstAndListsAllInItsTooltip(FxRobot robot) throws Exception {
        // two faults live mode does not apply; the first one's sentence holds a "; " of its own
        Path dir = Files.createTempDirectory("ef-refused");
        Path design = dir.resolve("one-queue.eventflow.yaml");
        Files.writeString(design, ONE_QUEUE);
        Files.writeString(
                dir.resolve("one-queue.scenario.yaml"),
                """
                eventflow-scenario: 1
                design: one-queue.eventflow.yaml
                duration: 3s
                faults:
                  - {at: 1s, kind: duplicate, link: [amq, worker], percent: 1, for: 1s}
                  - {at: 2s, kind: reorder, link: [amq, worker], percent: 1, for: 1s}
                """);
        robot.interact(() -> window.files().openPath(design));
        robot.clickOn("#mode-simulate");
        ComboBox<ScenarioCatalog.Choice> box = robot.lookup("#sim-scenario").query();
        robot.interact(() -> box.getItems().stream()
                .filter(c -> c.toString().contains("one-queue.scenario.yaml"))
                .findFirst()
                .ifPresent(box::setValue));
        ComboBox<RunTarget> targets = robot.lookup("#sim-target").query();
        robot.interact(() -> targets.setValue(RunTarget.EMBEDDED));
        settle();
        robot.clickOn("#sim-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> state() == SimulationRunner.State.FAILED);
        settle();
        Label message = robot.lookup("#sim-message").query();
        assertThat(message.getText())
                .startsWith("fault 'duplicate'")
                .contains("until live mode calibrates it")
                .endsWith("(and 1 more problem)");
        assertThat(message.getTooltip()).isNotNull();
        String[] lines = message.getTooltip().getText().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("fault 'duplicate'").endsWith("until live mode calibrates it");
        assertThat(lines[1]).startsWith("fault 'reorder'");
        // the run button offers to run again, with the run icon
        javafx.scene.control.Button run = robot.lookup("#sim-run").query();
        assertThat(run.getText()).isEqualTo("Run");
        assertThat(((org.kordamp.ikonli.javafx.FontIcon) run.getGraphic()).getIconCode())
                .isEqualTo(org.kordamp.ikonli.materialdesign2.MaterialDesignP.PLAY);
    }

    @Test
    void anUnreachableConfiguredBrokerIsSaidBesideTheControls(FxRobot robot) throws Exception {
        // nothing listens on port 1 of the loopback: the connection is refused
        new Connections(CONFIG)
                .save(List.of(new Connections.Connection("amq", "tcp://127.0.0.1:1", java.util.Map.of(), List.of())));
        Path design = Files.createTempDirectory("ef-one-queue").resolve("one-queue.eventflow.yaml");
        Files.writeString(design, ONE_QUEUE);
        simulate(robot, design, RunTarget.CONFIGURED);
        assertThat(robot.lookup("#sim-connections").query().isVisible()).isTrue();
        robot.clickOn("#sim-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> state() == SimulationRunner.State.FAILED);
        settle();
        Label message = robot.lookup("#sim-message").query();
        assertThat(message.getText()).contains("127.0.0.1:1");
        // however long the message, it wraps within the controls and does not widen the window's centre (a refused
        // fault's sentence pushed the inspector out of a 1366-pixel window before)
        javafx.scene.layout.Region controls = (javafx.scene.layout.Region) message.getParent();
        double before = WaitForAsyncUtils.asyncFx(() -> controls.getWidth()).get(10, TimeUnit.SECONDS);
        robot.interact(() -> message.setText("a refused fault's long sentence ".repeat(30)));
        settle();
        // measured on the FX thread, in one go: {min width, width, the message's right edge}
        double[] after = WaitForAsyncUtils.asyncFx(() -> new double[] {
                    controls.minWidth(-1),
                    controls.getWidth(),
                    message.getBoundsInParent().getMaxX()
                })
                .get(10, TimeUnit.SECONDS);
        assertThat(after[0]).isLessThan(before);
        assertThat(after[1]).isLessThanOrEqualTo(before + 1);
        assertThat(after[2]).isLessThanOrEqualTo(after[1] + 1);
        // the app stays responsive: back to the simulator and run
        robot.interact(() -> session().targetProperty().set(RunTarget.SIMULATOR));
        robot.clickOn("#sim-step");
        settle();
        assertThat(state()).isEqualTo(SimulationRunner.State.PAUSED);
        Files.deleteIfExists(CONFIG.resolve("brokers.yaml"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConnectionDialogStoresTheBrokersFileAndKeepsTypedSecretsOffTheDisk(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("ef-conn");
        Connections connections = new Connections(dir, name -> name.equals("KAFKA_JAAS") ? "jaas-value" : null);
        var design = DesignFiles.open(SAMPLES.resolve("order-pipeline.eventflow.yaml"));
        ConnectionDialog[] d = new ConnectionDialog[1];
        robot.interact(() -> {
            d[0] = new ConnectionDialog(connections, design);
            Stage s = new Stage();
            s.setScene(new Scene(new javafx.scene.layout.StackPane(d[0].content()), 700, 500));
            s.show();
        });
        robot.clickOn("#conn-address").write("kafka-1:9092");
        robot.clickOn("#conn-properties").write("security.protocol=SASL_SSL\nsasl.mechanism=PLAIN");
        robot.clickOn("#conn-add-secret");
        robot.clickOn(".conn-secret-setting").write("sasl.jaas.config");
        robot.clickOn(".conn-secret-env").write("KAFKA_JAAS");
        robot.clickOn("#conn-add-secret");
        List<TextField> settings = robot.lookup(".conn-secret-setting").queryAllAs(TextField.class).stream()
                .toList();
        robot.clickOn(settings.get(1)).write("ssl.truststore.password");
        List<javafx.scene.Node> sources =
                robot.lookup(".conn-secret-source").queryAll().stream().toList();
        robot.interact(
                () -> ((javafx.scene.control.ChoiceBox<String>) sources.get(1)).setValue("Typed (this session)"));
        List<javafx.scene.Node> typed =
                robot.lookup(".conn-secret-typed").queryAll().stream().toList();
        robot.clickOn(typed.get(1)).write("typed-pass");
        boolean[] saved = new boolean[1];
        robot.interact(() -> saved[0] = d[0].save());
        assertThat(saved[0]).isTrue();

        String file = Files.readString(connections.file());
        assertThat(file)
                .contains("eventflow-brokers: 1")
                .contains("kafka-1:9092")
                .contains("security.protocol: SASL_SSL")
                .contains("KAFKA_JAAS")
                .doesNotContain("typed-pass")
                .doesNotContain("jaas-value");
        assertThat(connections.secretsFile()).doesNotExist(); // "remember" is off by default
        var ep = connections.endpoints().get("kafka");
        assertThat(ep.address()).isEqualTo("kafka-1:9092");
        assertThat(ep.properties())
                .containsEntry("sasl.jaas.config", "jaas-value")
                .containsEntry("ssl.truststore.password", "typed-pass");
        assertThat(ep.toString()).doesNotContain("typed-pass").doesNotContain("jaas-value");
        // a new session: the typed secret is gone, the file's variable name stays
        Connections next = new Connections(dir, name -> "x");
        assertThat(next.get("kafka").secrets())
                .extracting(Connections.Secret::setting)
                .containsExactly("sasl.jaas.config");

        // a secret typed among the client settings is refused, naming it; nothing is written
        javafx.scene.control.TextArea props = robot.lookup("#conn-properties").query();
        robot.interact(() -> props.appendText("\nsasl.password=oops"));
        robot.interact(() -> saved[0] = d[0].save());
        assertThat(saved[0]).isFalse();
        Label problems = robot.lookup("#conn-problems").query();
        assertThat(problems.getText()).contains("sasl.password").contains("secret");
        assertThat(Files.readString(connections.file())).doesNotContain("oops");
    }
}
