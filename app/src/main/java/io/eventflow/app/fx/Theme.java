package io.eventflow.app.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark themes: AtlantaFX Primer as the base, plus the studio's looked-up colours and components. */
public enum Theme {
    LIGHT,
    DARK;

    private static final String BASE = "/io/eventflow/app/fx/";

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
        String url = this == LIGHT
                ? new PrimerLight().getUserAgentStylesheetBSS()
                : new PrimerDark().getUserAgentStylesheetBSS();
        if (!url.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(url);
        }
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    private static String url(String name) {
        return Objects.requireNonNull(Theme.class.getResource(BASE + name), name)
                .toExternalForm();
    }
}
