package io.eventflow.app.bench;

import static io.eventflow.app.bench.Screenshots.later;

import io.eventflow.app.canvas.DesignCanvas;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.tinylog.Logger;

/**
 * Opens every sample design (assets/samples/*.eventflow.yaml) in a 1366x768 window, fits it, writes a screenshot per
 * sample ({@code docs/sample-NAME.png}) and logs the fit zoom, how much of the canvas the diagram fills, and the
 * smallest element name on screen. Run under Xvfb; see docs/gui.md.
 */
public final class SampleShots {
    private static Path out = Path.of("docs");
    private static Path samples = Path.of("assets/samples");

    private SampleShots() {}

    public static void main(String[] args) {
        io.eventflow.app.env.AppDirs.configureLogging();
        out = Screenshots.arg(args, 0, "docs");
        samples = Screenshots.arg(args, 1, "assets/samples");
        Application.launch(App.class);
    }

    /** The JavaFX application (the main class must not extend Application). */
    public static final class App extends Application {
        private final Deque<Path> todo = new ArrayDeque<>();

        @Override
        public void start(Stage stage) throws IOException {
            try (Stream<Path> s = Files.list(samples)) {
                s.filter(p -> p.getFileName().toString().endsWith(".eventflow.yaml"))
                        .sorted()
                        .forEach(todo::add);
            }
            MainWindow w = Screenshots.open(stage, new ScriptedDialogs(), todo.peekFirst());
            Screenshots.laptopSize(stage);
            Scene scene = stage.getScene();
            Screenshots.whenReady(w, 1.5, () -> next(w, scene, true));
        }

        private void next(MainWindow w, Scene scene, boolean opened) {
            Path p = todo.pollFirst();
            if (p == null) {
                Platform.exit();
                return;
            }
            if (!opened) {
                w.files().openPath(p);
            }
            later(1.0, () -> {
                DesignCanvas c = w.canvas();
                scene.getRoot().applyCss();
                String name = p.getFileName().toString().replace(".eventflow.yaml", "");
                Logger.info(
                        "{}: canvas {}x{}, zoom {}, fills {}, smallest name {} px",
                        name,
                        Math.round(c.getWidth()),
                        Math.round(c.getHeight()),
                        String.format("%.3f", c.viewModel().zoomProperty().get()),
                        c.fillRatio(),
                        String.format("%.1f", c.smallestNamePx()));
                Screenshots.shoot(scene, out.resolve("sample-" + name + ".png"));
                next(w, scene, false);
            });
        }
    }
}
