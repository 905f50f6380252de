package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A test that sizes, moves and titles its stage leaves nothing to the next test: each gets a new stage that takes the
 * size of its scene. With TestFX's own {@code ApplicationExtension} the second test gets the first one's stage, 900 px
 * wide, and fails. The first test's stage is collected once it is over (with this extension's first version, whose
 * applications TestFX kept, every test's stage and window stayed to the end of the JVM). Every GUI test class uses
 * this extension.
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshStageExtensionTest {
    /** The first test's stage, to see that it is collected; a weak reference, so this holds nothing. */
    private static WeakReference<Stage> first = new WeakReference<>(null);

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane(), 300, 200));
        stage.show();
    }

    @Test
    @Order(1)
    void aTestSizesMovesAndTitlesItsStage(FxRobot robot) {
        first = new WeakReference<>(stage);
        assertThat(stage.getWidth()).isEqualTo(300);
        robot.interact(() -> {
            stage.setWidth(900);
            stage.setHeight(700);
            stage.setX(40);
            stage.titleProperty().bind(new javafx.beans.property.SimpleStringProperty("bound by the first test"));
        });
        assertThat(stage.getWidth()).isEqualTo(900);
    }

    @Test
    @Order(2)
    void theNextTestGetsAStageOfItsScenesSize() {
        assertThat(stage.getWidth()).isEqualTo(300);
        assertThat(stage.getHeight()).isEqualTo(200);
        assertThat(stage.titleProperty().isBound()).isFalse();
    }

    @Test
    @Order(3)
    void anEarlierTestsStageIsCollected(FxRobot robot) throws InterruptedException {
        // TestFX's robot remembers the last window it worked on: make it this test's
        robot.targetWindow(stage);
        assertThat(first.get()).isNotNull().isNotSameAs(stage);
        for (int i = 0; i < 50 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(first.get()).as("the first test's stage, 5 s of GC after it").isNull();
    }

    @Test
    @Order(4)
    void noTestClassUsesTheSharedPrimaryStage() throws IOException {
        Path tests = Path.of(System.getProperty("eventflow.repo", ".."))
                .toAbsolutePath()
                .resolve("app/src/test/java");
        List<String> shared;
        try (Stream<Path> files = Files.walk(tests)) {
            shared = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("@ExtendWith(" + "ApplicationExtension.class)"))
                    .map(f -> tests.relativize(f).toString())
                    .toList();
        }
        assertThat(shared).as("test classes on TestFX's shared primary stage").isEmpty();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
