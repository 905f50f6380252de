package io.eventflow.app.bench;

import static io.eventflow.app.bench.Screenshots.later;
import static io.eventflow.app.bench.Screenshots.shoot;

import io.eventflow.app.shell.ActionId;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.model.diff.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.tinylog.Logger;

/**
 * Writes screenshots of a 1366×768 window to a folder (default {@code docs/}): the Diff tab after File → Compare with
 * file… (the order pipeline against an earlier version of it), and the message editor with an Avro schema (the order
 * pipeline's InvoiceIssued) and a Protobuf one (the IoT sample's TemperatureReading), each with its generated example
 * and measured size. Run under Xvfb or headless Monocle; see docs/gui.md.
 */
public final class DiffSchemaShots {
    private static Path out = Path.of("docs");
    private static Path samples = Path.of("assets/samples");

    private DiffSchemaShots() {}

    public static void main(String[] args) {
        io.eventflow.app.env.AppDirs.configureLogging();
        out = Screenshots.arg(args, 0, "docs");
        samples = Screenshots.arg(args, 1, "assets/samples");
        Application.launch(App.class);
    }

    /**
     * The order pipeline as it was one version before: a topic with fewer partitions, a request channel on its old
     * address, OrderPlaced without {@code total} required, the ops console not yet reading shipping's dead letters.
     */
    static String earlierVersion(String current) {
        String earlier = current.replace("version: 1.2.0", "version: 1.1.0")
                .replace("required: [orderId, customerId, total]", "required: [orderId, customerId]")
                .replace("    partitions: 6\n", "    partitions: 3\n")
                .replace("address: shipping.requests.v1", "address: shipping.requests")
                .replace(
                        """
                              - channel: shipments-dlq
                                group: ops
                                startFrom: earliest
                                processing: 50ms
                        """,
                        "");
        if (earlier.equals(current)) {
            throw new IllegalStateException("the sample changed: the earlier version is the same");
        }
        return earlier;
    }

    /**
     * Scrolls the inspector down to the message's field table, its size and its example (at 768 pixels the editor shows
     * its schema text first and the rest below the fold), then runs {@code then}; waits for the form first.
     */
    static void showExample(Scene scene, int tries, Runnable then) {
        ScrollPane inspector = (ScrollPane) scene.lookup(".inspector");
        Node fields = scene.lookup("#schema-fields");
        if (inspector == null || fields == null) {
            if (tries == 0) {
                Logger.error("no inspector or no field table to scroll to");
                Platform.exit();
                return;
            }
            later(0.5, () -> showExample(scene, tries - 1, then));
            return;
        }
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        Node content = inspector.getContent();
        double y = content.sceneToLocal(fields.localToScene(0, 0)).getY() - 40;
        double room = content.getBoundsInLocal().getHeight()
                - inspector.getViewportBounds().getHeight();
        inspector.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, y / room)));
        Logger.info("inspector scrolled to {} (field table at {} of {} px)", inspector.getVvalue(), y, room);
        later(0.8, then);
    }

    /** The JavaFX application (the main class must not extend Application). */
    public static final class App extends Application {

        @Override
        public void start(Stage stage) throws IOException {
            Path dir = Files.createTempDirectory("eventflow-diff-shots");
            Path current = dir.resolve("order-pipeline.eventflow.yaml");
            Files.copy(samples.resolve("order-pipeline.eventflow.yaml"), current);
            Path earlier = dir.resolve("order-pipeline-1.1.0.eventflow.yaml");
            Files.writeString(earlier, earlierVersion(Files.readString(current)));
            ScriptedDialogs dialogs = new ScriptedDialogs().fileAnswer(earlier);
            MainWindow w = Screenshots.open(stage, dialogs, current);
            Screenshots.laptopSize(stage);
            Scene scene = stage.getScene();
            Screenshots.whenReady(w, 1.5, () -> {
                w.run(ActionId.COMPARE_FILE);
                later(0.8, () -> {
                    TableView<?> changes = (TableView<?>) scene.lookup("#diff-changes");
                    if (changes == null || changes.getItems().isEmpty()) {
                        Logger.error("no Diff tab or no changes: {}", dialogs.errors());
                        Platform.exit();
                        return;
                    }
                    Logger.info("{} changes", changes.getItems().size());
                    // the moved request channel: a breaking change, its element outlined in red
                    int row = 0;
                    for (int i = 0; i < changes.getItems().size(); i++) {
                        if (changes.getItems().get(i) instanceof Change c && "shipments".equals(c.element())) {
                            row = i;
                        }
                    }
                    changes.getSelectionModel().select(row);
                    later(0.8, () -> {
                        shoot(scene, out.resolve("screenshot-diff.png"));
                        w.files().openPath(current); // closes the Diff tab
                        later(1.5, () -> {
                            w.document().getSelection().add("InvoiceIssued");
                            showExample(scene, 10, () -> {
                                shoot(scene, out.resolve("screenshot-message-avro.png"));
                                w.files().openPath(samples.resolve("iot-telemetry.eventflow.yaml"));
                                later(1.5, () -> {
                                    w.document().getSelection().add("TemperatureReading");
                                    showExample(scene, 10, () -> {
                                        shoot(scene, out.resolve("screenshot-message-protobuf.png"));
                                        Platform.exit();
                                    });
                                });
                            });
                        });
                    });
                });
            });
        }
    }
}
