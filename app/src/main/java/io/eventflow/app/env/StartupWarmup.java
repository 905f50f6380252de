package io.eventflow.app.env;

import java.nio.charset.StandardCharsets;
import java.text.Bidi;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.tinylog.Logger;

/**
 * Prepares, on a background thread while the JavaFX toolkit starts and the main window is built, what the FX thread
 * would otherwise do itself before the window can show or paint (issues #7, #15), in the order the FX thread needs it:
 * the theme's stylesheet (the first task, given by the launcher), the logger (tinylog reads its configuration, opens
 * the rolling log file and starts its writer thread, 40-70 ms that delayed the first frame), the Material Design icon
 * sets (enums of several hundred icons each), the JDK's bidirectional-text tables (the icons' glyphs need them), then
 * the classes the main window and the design's read load ({@link #CLASSES}), and, as soon as the toolkit runs,
 * Ikonli's icon-pack lookup and the icon font (1.3 MB). Class loading and initialisation and the logger's and Ikonli's
 * font loading are safe from any thread (whichever thread comes first does the work, the other uses it), so this only
 * moves work, never changes it; a failure here is logged and the FX thread does the work as before. The thread runs at
 * the lowest priority, so that where the JVM maps priorities to the OS's (the Linux app-image's runtime does) it takes
 * only CPU time that the toolkit's and the FX thread's work leave free.
 */
public final class StartupWarmup {
    /** First letters of the icon names the menus, toolbar, palette and canvas use: one enum per letter. */
    static final String ICON_SETS = "ABCDEFIMPRSTUVW";

    /** The classes to load ahead of the FX thread, one name per line; written by installers/startup-classes.sh. */
    static final String CLASSES = "startup-classes.txt";

    private static final CountDownLatch TOOLKIT = new CountDownLatch(1);
    /** Read and written on the warm-up thread only. */
    private static boolean iconFontLoaded;

    private StartupWarmup() {}

    /**
     * Starts the warm-up on a daemon thread and returns at once. {@code first} runs there before anything else: the
     * work the FX thread needs soonest (the theme's stylesheet, which {@code start()} applies first of all).
     */
    public static void start(Runnable first) {
        Thread t = new Thread(() -> run(first), "startup-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Loads, without initialising them, the classes listed in {@link #CLASSES}, in their order: those the FX thread
     * loads from the main window's construction until the design is shown (the window's controls, skins and canvas, the
     * design's read). Loading a class (reading it from the jar, parsing and defining it) is safe from any thread, and
     * a class the FX thread reaches first is loaded once: the other thread finds it. Their initialisation stays on the
     * FX thread, in its own order. Names that no longer exist are skipped. Between classes, as soon as the toolkit has
     * started, the icon font is loaded, which the toolbar needs first.
     */
    private static void preloadClasses(ClassLoader loader) throws java.io.IOException {
        java.io.InputStream in = StartupWarmup.class.getResourceAsStream(CLASSES);
        if (in == null) {
            return;
        }
        int loaded = 0;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String name = lines.readLine(); name != null; name = lines.readLine()) {
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                if (!iconFontLoaded && TOOLKIT.getCount() == 0) {
                    loadIconFont();
                }
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // renamed or removed since the list was written: nothing to load ahead
                }
            }
        }
        StartupTrace.mark("warm-up: " + loaded + " classes");
    }

    /** An icon not in a scene may be made on any thread; making one loads the pack's font. */
    private static void loadIconFont() {
        iconFontLoaded = true;
        new FontIcon(MaterialDesignF.FILE_PLUS);
    }

    /** Called once the JavaFX toolkit runs: the icon font can be loaded from then on. */
    public static void toolkitStarted() {
        TOOLKIT.countDown();
    }

    private static void run(Runnable first) {
        try {
            first.run();
            Logger.info(
                    "EventFlow Studio {} starting on Java {}", Version.version(), System.getProperty("java.version"));
            ClassLoader loader = StartupWarmup.class.getClassLoader();
            for (char c : ICON_SETS.toCharArray()) {
                Class.forName("org.kordamp.ikonli.materialdesign2.MaterialDesign" + c, true, loader);
            }
            // The icons' glyphs lie outside the Basic Multilingual Plane, so JavaFX lays their text out through the
            // JDK's bidirectional algorithm, whose first use reads the ICU character-property tables (40-60 ms of the
            // FX thread's first CSS pass in a cold JVM). An icon's code point, as the toolbar's first icon brings it.
            new Bidi(new String(Character.toChars(0xF0214)), Bidi.DIRECTION_LEFT_TO_RIGHT);
            preloadClasses(loader);
            if (!iconFontLoaded && TOOLKIT.await(30, TimeUnit.SECONDS)) {
                loadIconFont();
            }
        } catch (ClassNotFoundException | LinkageError | RuntimeException | java.io.IOException e) {
            Logger.debug(e, "start-up warm-up skipped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
