package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.app.shell.StudioHome;
import io.eventflow.app.shell.TaskExecutor;
import io.eventflow.model.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The payload schemas are checked after the design is on screen, off the FX thread (issue #15), and no check is lost:
 * a design whose Avro schema does not parse opens, shows, and then lists that error at its line in the file, with
 * Simulate off throughout.
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class DeferredSchemaChecksGuiTest {
    /** The bad type {@code dubble} is on line 12. */
    private static final String DESIGN =
            """
            eventflow: 1
            name: Broken schema
            brokers:
              - {id: kafka, kind: kafka}
            messages:
              - id: Order
                schemaFormat: application/vnd.apache.avro;version=1.9.0
                payload:
                  type: record
                  name: Order
                  fields:
                    - {name: total, type: dubble}
            channels:
              - {id: orders, broker: kafka, messages: [Order]}
            services:
              - id: shop
                publishes:
                  - {channel: orders, message: Order, rate: 1/s}
            """;

    @TempDir
    static Path tmp;

    private final HeldChecks executor = new HeldChecks();
    private MainWindow window;
    private Path file;
    private Stage stage;

    /** Runs file work at once; keeps the payload schema checks until {@link #release()}. */
    private static final class HeldChecks implements TaskExecutor {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(String name, Callable<T> work, Consumer<T> ok, Consumer<Exception> fail) {
            if (!name.startsWith("check payload schemas")) {
                TaskExecutor.sameThread().run(name, work, ok, fail);
                return;
            }
            held.add(() -> {
                // The work runs here, on the test thread; its result is handed back on the FX thread.
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    WaitForAsyncUtils.asyncFx(() -> fail.accept(e));
                    return;
                }
                WaitForAsyncUtils.asyncFx(() -> ok.accept(result));
            });
        }

        int held() {
            return held.size();
        }

        void release() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        file = Files.writeString(tmp.resolve("broken.eventflow.yaml"), DESIGN);
        window = new MainWindow(
                stage, new StudioHome(Files.createTempDirectory("home")), new ScriptedDialogs(), executor);
        window.show(file);
    }

    @Test
    void theDesignShowsFirstAndItsBrokenSchemaIsListedAtItsLineOnceChecked(FxRobot robot) throws Exception {
        Panels.await(window);
        DocumentViewModel doc = window.document();
        ToggleButton simulate = robot.lookup("#mode-simulate").queryAs(ToggleButton.class);
        TableView<Problem> problems = robot.lookup("#problems").queryTableView();

        // On screen, named in the title, its schemas not read yet: Simulate waits, and says why.
        assertThat(stage.getTitle()).startsWith("Broken schema");
        assertThat(executor.held()).isEqualTo(1);
        assertThat(doc.isSchemasPending()).isTrue();
        assertThat(problems.getItems()).extracting(Problem::rule).doesNotContain("EF107");
        assertThat(doc.blockedProperty().get()).isEqualTo(DocumentViewModel.SCHEMAS_PENDING);
        assertThat(simulate.isDisabled()).isTrue();
        assertThat(robot.lookup("#status-problems").queryLabeled().getText()).contains("checking the message schemas");

        executor.release();

        assertThat(doc.isSchemasPending()).isFalse();
        Problem broken = problems.getItems().stream()
                .filter(p -> p.rule().equals("EF107"))
                .findFirst()
                .orElseThrow();
        assertThat(broken.element()).isEqualTo("Order");
        assertThat(broken.message()).contains("Avro payload of message 'Order'").contains("dubble");
        assertThat(broken.file()).endsWith("broken.eventflow.yaml");
        assertThat(broken.line()).isEqualTo(12);
        assertThat(simulate.isDisabled()).isTrue();
        assertThat(doc.blockedProperty().get()).contains("does not parse");
        assertThat(robot.lookup("#status-problems").queryLabeled().getText())
                .contains("1 error")
                .contains("Simulate and Export are off until errors are fixed");
        // The Problems tab came to the front with the error.
        assertThat(problems.isVisible()).isTrue();
        assertThat(executor.held()).isZero();
    }
}
