package io.eventflow.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.app.shell.StudioHome;
import io.eventflow.app.shell.TaskExecutor;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At start-up the design comes before the palette, the inspector and the dock (issue #15): built first, their CSS
 * pass and layout came before the design's. While the sample is still being read after the first frame, the panels
 * wait for it; it is shown without them, and they follow once its frame is on screen.
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class StartupOrderGuiTest {
    private final HeldRead executor = new HeldRead();
    private MainWindow window;
    private final List<Boolean> panelsWhenShown = new ArrayList<>();

    /** Holds the sample's read until {@link #release()}, as a slow read on a busy machine would. */
    private static final class HeldRead implements TaskExecutor {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(String name, Callable<T> work, Consumer<T> ok, Consumer<Exception> fail) {
            if (!name.equals("open sample")) {
                TaskExecutor.sameThread().run(name, work, ok, fail);
                return;
            }
            held.add(() -> {
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

        void release() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(
                stage, new StudioHome(Files.createTempDirectory("home")), new ScriptedDialogs(), executor);
        stage.titleProperty().addListener((o, was, now) -> {
            if (now.startsWith("Order pipeline")) {
                panelsWhenShown.add(window.panelsBuilt());
            }
        });
        window.show(null);
    }

    @Test
    void theSampleShowsBeforeThePanelsThatWaitForIt() throws Exception {
        // Well past the first frame (a few pulses): the read is held, and the panels wait for it.
        for (int i = 0; i < 10; i++) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(WaitForAsyncUtils.asyncFx(window::panelsBuilt).get()).isFalse();
        assertThat(panelsWhenShown).isEmpty();

        executor.release();

        assertThat(panelsWhenShown).containsExactly(false);
        Panels.await(window);
        assertThat(window.document().getDesign().name()).isEqualTo("Order pipeline");
        assertThat(window.document().isChecking()).isTrue();
    }
}
