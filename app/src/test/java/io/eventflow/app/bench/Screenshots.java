package io.eventflow.app.bench;

import io.eventflow.app.fx.Theme;
import io.eventflow.app.shell.MainWindow;
import io.eventflow.app.shell.ScriptedDialogs;
import io.eventflow.app.shell.StudioHome;
import io.eventflow.app.shell.TaskExecutor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.tinylog.Logger;

/**
 * Writes screenshots of the main window with the sample design, light and dark, to a folder (default {@code docs/}).
 * Run under Xvfb or headless Monocle; see docs/gui.md.
 */
public final class Screenshots {
    private static Path out = Path.of("docs");

    private Screenshots() {}

    public static void main(String[] args) {
        io.eventflow.app.env.AppDirs.configureLogging();
        out = arg(args, 0, "docs");
        Application.launch(App.class);
    }

    /** The JavaFX application (the main class must not extend Application). */
    public static final class App extends Application {

        @Override
        public void start(Stage stage) throws IOException {
            MainWindow w = open(stage, new ScriptedDialogs(), null);
            Scene scene = stage.getScene();
            whenReady(w, 1.0, () -> {
                // A readable zoom on the head of the pipeline; billing selected, so the inspector shows a service.
                w.canvas().viewModel().zoomProperty().set(0.9);
                w.canvas().viewModel().panXProperty().set(-10);
                w.canvas().viewModel().panYProperty().set(-40);
                w.document().getSelection().add("billing");
                later(0.6, () -> {
                    shoot(scene, out.resolve("screenshot-light.png"));
                    w.setTheme(Theme.DARK);
                    later(0.6, () -> {
                        shoot(scene, out.resolve("screenshot-dark.png"));
                        w.setTheme(Theme.LIGHT);
                        w.document().getSelection().clear();
                        w.document().getSelection().add("OrderPlaced");
                        later(0.6, () -> {
                            shoot(scene, out.resolve("screenshot-message-editor.png"));
                            Platform.exit();
                        });
                    });
                });
            });
        }
    }

    /** The tool's argument {@code index} as a path, or {@code fallback} when it has fewer arguments. */
    static Path arg(String[] args, int index, String fallback) {
        return Path.of(args.length > index ? args[index] : fallback);
    }

    /**
     * Opens the main window as every shot tool does: a new home folder (no saved layout, recent files or recovered
     * work), dialogs that answer as {@code dialogs} is scripted, file work on the FX thread; it shows {@code file}, or
     * the sample design when that is null.
     */
    static MainWindow open(Stage stage, ScriptedDialogs dialogs, Path file) throws IOException {
        Path home = Files.createTempDirectory("eventflow-shots");
        MainWindow w = new MainWindow(stage, new StudioHome(home), dialogs, TaskExecutor.sameThread());
        w.show(file);
        return w;
    }

    /** Sizes the shown window to 1366×768, a common laptop screen (the size of the legibility figures in docs/gui.md). */
    static void laptopSize(Stage stage) {
        stage.setWidth(1366);
        stage.setHeight(768);
    }

    /**
     * Runs {@code r} on the FX thread {@code seconds} after the window's panels are built (they come after the first
     * frame, late on a busy machine); the other shot tools use it too.
     */
    static void whenReady(MainWindow w, double seconds, Runnable r) {
        if (w.panelsBuilt()) {
            later(seconds, r);
        } else {
            later(0.2, () -> whenReady(w, seconds, r));
        }
    }

    /** Runs {@code r} on the FX thread after {@code seconds}; the other shot tools use it too. */
    static void later(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> r.run());
        p.play();
    }

    static void shoot(Scene scene, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            WritableImage img = scene.snapshot(null);
            BufferedImage b = SwingFXUtils.fromFXImage(img, null);
            ImageIO.write(b, "png", file.toFile());
            Logger.info("wrote {}", file);
        } catch (IOException e) {
            Logger.error(e, "cannot write {}", file);
        }
    }
}
