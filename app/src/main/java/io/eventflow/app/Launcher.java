package io.eventflow.app;

import io.eventflow.app.cli.EventflowCommand;
import io.eventflow.app.env.AppDirs;
import io.eventflow.app.env.StartupTrace;
import io.eventflow.app.env.StartupWarmup;
import io.eventflow.app.shell.StudioApp;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The jar's main class. With no arguments or a design file it opens the GUI; with a subcommand or an option it runs
 * the {@code eventflow} command line headless. It does not extend {@code Application}, so {@code java -jar} works with
 * JavaFX on the class path.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        StartupTrace.mark("main");
        AppDirs.configureLogging();
        if (isCommandLine(args)) {
            System.exit(EventflowCommand.run(args));
        }
        StartupWarmup.start(StudioApp::preloadTheme);
        StudioApp.launchGui(args);
    }

    /** True when the arguments ask for the command line rather than the GUI. */
    static boolean isCommandLine(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return first.startsWith("-") || EventflowCommand.subcommandNames().contains(first) || !looksLikeFile(first);
    }

    private static boolean looksLikeFile(String arg) {
        return Files.exists(Path.of(arg)) || arg.endsWith(".yaml") || arg.endsWith(".yml") || arg.endsWith(".json");
    }
}
