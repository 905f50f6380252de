package io.eventflow.app.fx;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Ikonli icons in the studio's sizes. */
public final class Icons {
    private Icons() {}

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = FontIcon.of(ikon, 16);
        icon.getStyleClass().add("studio-icon");
        return icon;
    }

    public static FontIcon of(Ikon ikon, int size) {
        FontIcon icon = FontIcon.of(ikon, size);
        icon.getStyleClass().add("studio-icon");
        return icon;
    }
}
