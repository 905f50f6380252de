package io.eventflow.app.fx;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.javafx.JavaFXFontLoader;
import org.kordamp.ikonli.materialdesign2.MaterialDesignAIkonHandler;
import org.tinylog.Logger;

/** Ikonli icons in the studio's sizes. */
public final class Icons {
    private Icons() {}

    /**
     * Loads the icon font (1.3 MB, read, checksummed and registered by JavaFX) on a background thread, so that the
     * first icon does not wait for it on the FX thread (issue #7). Ikonli keeps one font per URL in a concurrent map:
     * an icon created meanwhile waits for this load instead of starting another.
     */
    public static void preloadFont() {
        Thread t = new Thread(
                () -> {
                    try {
                        JavaFXFontLoader.getInstance().loadFont(new MaterialDesignAIkonHandler());
                    } catch (RuntimeException e) {
                        Logger.warn(e, "cannot preload the icon font");
                    }
                },
                "icon-font");
        t.setDaemon(true);
        t.start();
    }

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
