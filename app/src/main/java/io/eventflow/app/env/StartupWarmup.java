package io.eventflow.app.env;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.tinylog.Logger;

/**
 * Prepares, on a background thread while the JavaFX toolkit starts and the main window is built, what the FX thread
 * would otherwise do itself before the window can show or paint (issue #7): the logger (tinylog reads its
 * configuration, opens the rolling log file and starts its writer thread, 40-70 ms that delayed the first frame), the
 * Material Design icon sets (enums of several hundred icons each), Ikonli's icon-pack lookup and the icon font (1.3
 * MB). On two cores the toolkit's start-up leaves one idle. Class initialisation and the logger's and Ikonli's font
 * loading are safe from any thread (whichever thread comes first does the work, the other uses it), so this only moves
 * work, never changes it; a failure here is logged and the FX thread does the work as before.
 */
public final class StartupWarmup {
    /** First letters of the icon names the menus, toolbar, palette and canvas use: one enum per letter. */
    static final String ICON_SETS = "ABCDEFIMPRSTUVW";

    private static final CountDownLatch TOOLKIT = new CountDownLatch(1);

    private StartupWarmup() {}

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void start() {
        Thread t = new Thread(StartupWarmup::run, "startup-warmup");
        t.setDaemon(true);
        t.start();
    }

    /** Called once the JavaFX toolkit runs: the icon font can be loaded from then on. */
    public static void toolkitStarted() {
        TOOLKIT.countDown();
    }

    private static void run() {
        try {
            Logger.info(
                    "EventFlow Studio {} starting on Java {}", Version.version(), System.getProperty("java.version"));
            ClassLoader loader = StartupWarmup.class.getClassLoader();
            for (char c : ICON_SETS.toCharArray()) {
                Class.forName("org.kordamp.ikonli.materialdesign2.MaterialDesign" + c, true, loader);
            }
            if (TOOLKIT.await(30, TimeUnit.SECONDS)) {
                // An icon not in a scene may be made on any thread; making one loads the pack's font.
                new FontIcon(MaterialDesignF.FILE_PLUS);
            }
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            Logger.debug(e, "start-up warm-up skipped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
