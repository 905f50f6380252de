package io.eventflow.app.env;

import java.nio.file.Path;
import java.util.Locale;

/** Where the app keeps its configuration and data (logs, recovery files), per platform conventions. */
public final class AppDirs {
    private static final String APP = "eventflow-studio";

    private AppDirs() {}

    /** Configuration: recent files, window size, theme. */
    public static Path configDir() {
        String override = System.getProperty("eventflow.configdir");
        if (override != null) {
            return Path.of(override);
        }
        String os = os();
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            return Path.of(envOr("APPDATA", home + "\\AppData\\Roaming"), "EventFlow Studio");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "EventFlow Studio");
        }
        return Path.of(envOr("XDG_CONFIG_HOME", home + "/.config"), APP);
    }

    /** Data: logs and autosave recovery files. */
    public static Path dataDir() {
        String override = System.getProperty("eventflow.datadir");
        if (override != null) {
            return Path.of(override);
        }
        String os = os();
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            return Path.of(envOr("LOCALAPPDATA", home + "\\AppData\\Local"), "EventFlow Studio");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "EventFlow Studio");
        }
        return Path.of(envOr("XDG_DATA_HOME", home + "/.local/share"), APP);
    }

    public static Path logDir() {
        return dataDir().resolve("logs");
    }

    /** Points tinylog's rolling file writer at the log folder; call before the first log statement. */
    public static void configureLogging() {
        if (System.getProperty("eventflow.logdir") == null) {
            System.setProperty("eventflow.logdir", logDir().toString());
        }
    }

    private static String os() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
