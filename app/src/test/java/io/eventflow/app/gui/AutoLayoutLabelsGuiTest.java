package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.canvas.BrokerSkin;
import io.eventflow.app.canvas.EdgeSkin;
import io.eventflow.app.canvas.ElementSkin;
import io.eventflow.app.shell.MainWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** After Arrange automatically, no edge label sits on an element or on another edge's label (issue #15). */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class AutoLayoutLabelsGuiTest {
    private static final Path SAMPLES =
            Path.of(System.getProperty("eventflow.repo", "..")).toAbsolutePath().resolve("assets/samples");

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = GuiWindows.open(stage);
    }

    @BeforeEach
    void awaitPanels() throws Exception {
        Panels.await(window);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-pipeline", "payments-rabbitmq", "orders-sqs-sns", "iot-telemetry"})
    void edgeLabelsKeepOffElementsAndEachOther(String sample, FxRobot robot) {
        robot.interact(() -> window.files().openPath(SAMPLES.resolve(sample + ".eventflow.yaml")));
        robot.interact(() -> window.exports().autoLayout());
        // The full view (labels are hidden when zoomed out).
        robot.interact(() -> window.canvas().viewModel().zoomProperty().set(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.canvas().getScene().getRoot().applyCss());
        robot.interact(() -> window.canvas().layout());
        List<Bounds> nodes = new ArrayList<>();
        for (ElementSkin s : robot.lookup(".element").queryAllAs(ElementSkin.class)) {
            if (!(s instanceof BrokerSkin)) {
                nodes.add(new BoundingBox(s.getLayoutX(), s.getLayoutY(), s.width(), s.height()));
            }
        }
        List<Bounds> labels = new ArrayList<>();
        for (EdgeSkin e : robot.lookup(".edge").queryAllAs(EdgeSkin.class)) {
            Bounds l = e.labelBounds();
            if (l == null) {
                continue;
            }
            for (Bounds n : nodes) {
                assertThat(l.intersects(n))
                        .as(sample + ": label of " + e.edgeId() + " on an element " + n)
                        .isFalse();
            }
            for (Bounds other : labels) {
                assertThat(l.intersects(other))
                        .as(sample + ": label of " + e.edgeId() + " on another label")
                        .isFalse();
            }
            labels.add(l);
        }
        assertThat(labels).as(sample + ": labels shown").isNotEmpty();
    }
}
