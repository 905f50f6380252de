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
        Application.setUserAgentStylesheet(
                this == LIGHT ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet());
        scene.getStylesheets().setAll(url(this == LIGHT ? "colors-light.css" : "colors-dark.css"), url("studio.css"));
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    private static String url(String name) {
        return Objects.requireNonNull(Theme.class.getResource(BASE + name), name)
                .toExternalForm();
    }
}
