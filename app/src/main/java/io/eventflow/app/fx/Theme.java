package io.eventflow.app.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark themes: AtlantaFX Primer as the base, plus the studio's looked-up colours and components. */
public enum Theme {
    LIGHT,
    DARK;

    private static final String BASE = "/io/eventflow/app/fx/";
    /** Orders a preload before the first {@link #applyUserAgentStylesheet}, never after it. */
    private static final Object PRELOAD = new Object();
    /** Whether a theme has been applied on the FX thread (then a preload comes too late). Guarded by PRELOAD. */
    private static boolean applied;

    /** Applies this theme to the whole application and to the scene's own stylesheets. */
    public void apply(Scene scene) {
        applyUserAgentStylesheet();
        scene.getStylesheets().setAll(url(this == LIGHT ? "colors-light.css" : "colors-dark.css"), url("studio.css"));
    }

    /**
     * Makes this theme's AtlantaFX stylesheet the application's user-agent stylesheet. Called before the first control
     * is created, it also saves JavaFX loading its default (Modena) stylesheet only to replace it (issue #7). It is the
     * binary form AtlantaFX ships beside the CSS (the same 1,013 rules, compiled from it): a cold JVM loads it in 40-70
     * ms of CPU where parsing the 170 KB of CSS took 240-280 ms, on the FX thread before the window could show (issue
     * #15).
     */
    public void applyUserAgentStylesheet() {
        synchronized (PRELOAD) {
            applied = true;
        }
        String url = userAgentStylesheet();
        if (!url.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(url);
        }
    }

    /**
     * Loads this theme's user-agent stylesheet into JavaFX's style manager ahead of {@link #applyUserAgentStylesheet},
     * from any thread, also before the toolkit has started: the launcher's warm-up thread does it while the toolkit
     * starts, so that the FX thread, when it applies the theme, finds the stylesheet loaded and its selectors
     * partitioned (100-200 ms of its CPU in a cold JVM, the larger part of building the main window; issue #15). The
     * style manager locks around its stylesheets, and applying the same stylesheet again is a no-op there, so the
     * outcome is the same whichever thread comes first. The style manager is JavaFX's internal class: reachable when
     * JavaFX's jars are on the class path (the app's jar, the jpackage images); where JavaFX runs as modules its
     * package is not exported, the call fails here, and the FX thread loads the stylesheet itself as before. Once a theme has been applied
     * this does nothing: the style manager would then restyle the window's scenes from this thread, and the FX thread
     * may have added a stylesheet of its own (the platform's high-contrast theme). Returns whether it was loaded.
     */
    public boolean preloadUserAgentStylesheet() {
        synchronized (PRELOAD) {
            if (applied) {
                return false;
            }
            try {
                com.sun.javafx.css.StyleManager.getInstance().setUserAgentStylesheets(List.of(userAgentStylesheet()));
                return true;
            } catch (LinkageError | RuntimeException e) {
                return false;
            }
        }
    }

    /** The AtlantaFX stylesheet of this theme, in its binary form. */
    String userAgentStylesheet() {
        return this == LIGHT
                ? new PrimerLight().getUserAgentStylesheetBSS()
                : new PrimerDark().getUserAgentStylesheetBSS();
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    private static String url(String name) {
        return Objects.requireNonNull(Theme.class.getResource(BASE + name), name)
                .toExternalForm();
    }
}
