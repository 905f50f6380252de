package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.shell.ActionId;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.io.DesignFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
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
 * Builds the topology of the order-pipeline sample from an empty canvas the way a user would (palette drags, renames
 * in the inspector, port drags), saves it, reopens it and compares its services, channels and edges with the sample.
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class OrderPipelineGuiTest {
    private static final Path SAMPLE = Path.of(System.getProperty("eventflow.repo", ".."))
            .toAbsolutePath()
            .resolve("assets/samples/order-pipeline.eventflow.yaml");

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

    /** Drops a palette item at (x, y) and renames what it created to {@code id} in the inspector. */
    private void add(FxRobot robot, String item, double x, double y, String id) {
        Set<String> before = new TreeSet<>(design().elementIds().toList());
        robot.drag("#palette-" + item, MouseButton.PRIMARY)
                .moveTo(onCanvas(x, y))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> created = new TreeSet<>(design().elementIds().toList());
        created.removeAll(before);
        created.remove("kafka"); // the first topic also creates its broker
        assertThat(created).hasSize(1);
        String made = created.iterator().next();
        robot.clickOn(Find.skin(robot, made));
        robot.doubleClickOn("#field-id");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(id).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(design().elementIds().toList()).contains(id).doesNotContain(made);
    }

    private void connect(FxRobot robot, String from, String to) {
        Node port = Find.in(robot, from, ".out-port");
        robot.drag(port, MouseButton.PRIMARY).moveTo(Find.skin(robot, to)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** service → "publishes: [...] subscribes: [...]", the part of the design the canvas draws as edges. */
    private static Map<String, String> edges(Design d) {
        Map<String, String> out = new TreeMap<>();
        for (Service s : d.services()) {
            Set<String> pubs = new TreeSet<>(
                    s.publishes().stream().map(Publication::channel).toList());
            Set<String> subs = new TreeSet<>(
                    s.subscribes().stream().map(Subscription::channel).toList());
            out.put(s.id(), "publishes " + pubs + " subscribes " + subs);
        }
        return out;
    }

    private static Set<String> canvasIds(Design d) {
        Set<String> ids = new TreeSet<>(d.elementIds().toList());
        d.messages().forEach(m -> ids.remove(m.id()));
        return ids;
    }

    @Test
    void buildsTheOrderPipelineFromAnEmptyCanvas(FxRobot robot) throws Exception {
        robot.clickOn(Find.action(robot, ActionId.NEW));
        assertThat(design().elementIds()).isEmpty();

        add(robot, "producer", 60, 60, "checkout");
        add(robot, "kafka-topic", 260, 60, "orders");
        add(robot, "service", 460, 60, "billing");
        add(robot, "kafka-topic", 60, 200, "invoices");
        add(robot, "service", 260, 200, "shipping");
        add(robot, "kafka-topic", 460, 200, "shipments");
        add(robot, "consumer", 60, 340, "warehouse");
        add(robot, "kafka-topic", 260, 340, "orders-dlq");
        add(robot, "kafka-topic", 460, 340, "shipments-dlq");
        add(robot, "consumer", 260, 460, "ops-console");

        connect(robot, "checkout", "orders");
        connect(robot, "orders", "billing");
        connect(robot, "billing", "invoices");
        connect(robot, "invoices", "shipping");
        connect(robot, "shipping", "shipments");
        connect(robot, "shipments", "warehouse");
        connect(robot, "orders-dlq", "ops-console");
        connect(robot, "shipments-dlq", "ops-console");

        Design sample = DesignFiles.open(SAMPLE);
        // Brokers, channels and services as in the sample (message types are edited in the message editor).
        assertThat(canvasIds(design())).isEqualTo(canvasIds(sample));
        assertThat(edges(design())).isEqualTo(edges(sample));

        Path file = tmp.resolve("order-pipeline.eventflow.yaml");
        dialogs.saveAnswer(file);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Design saved = design();
        robot.clickOn(Find.action(robot, ActionId.NEW));
        dialogs.openAnswer(file);
        robot.clickOn(Find.action(robot, ActionId.OPEN));
        assertThat(design()).isEqualTo(saved);
        assertThat(edges(DesignFiles.open(file))).isEqualTo(edges(sample));
        assertThat(dialogs.errors()).isEmpty();
    }
}
