package io.eventflow.app.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.tinylog.Logger;

/**
 * The EventFlow Studio desktop application. The jar's launcher calls {@link #launchGui(String[])}; the first argument,
 * if any, is a design file to open; without one the bundled sample design opens (or autosaved work is offered).
 */
public final class StudioApp extends Application {
    private MainWindow window;

    /** Starts the GUI and returns when its last window closes. {@code args}: optional design file path. */
    public static void launchGui(String[] args) {
        Application.launch(StudioApp.class, args == null ? new String[0] : args);
    }

    /**
     * Loads the theme the window will open with (the saved one) into JavaFX's style manager, from the launcher's
     * warm-up thread while the toolkit starts ({@link io.eventflow.app.fx.Theme#preloadUserAgentStylesheet}).
     */
    public static void preloadTheme() {
        boolean loaded = new WindowState(StudioHome.fromSystem().dir()).theme().preloadUserAgentStylesheet();
        io.eventflow.app.env.StartupTrace.mark(loaded ? "theme loaded" : "theme not loaded");
    }

    @Override
    public void start(Stage stage) {
        io.eventflow.app.env.StartupTrace.mark("start()");
        io.eventflow.app.env.StartupWarmup.toolkitStarted();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> Logger.error(e, "unexpected error in the UI"));
        List<String> args = getParameters().getUnnamed();
        Path file = args.isEmpty() ? null : Path.of(args.get(0));
        StudioHome home = StudioHome.fromSystem();
        WindowState windowState = new WindowState(home.dir());
        windowState.theme().applyUserAgentStylesheet();
        window = new MainWindow(stage, home, null, TaskExecutor.background(), windowState);
        io.eventflow.app.env.StartupTrace.mark("window built");
        window.show(file);
        io.eventflow.app.env.StartupTrace.mark("show() done");
        Logger.info("EventFlow Studio started{}", file == null ? "" : " with " + file);
    }

    MainWindow window() {
        return window;
    }
}
