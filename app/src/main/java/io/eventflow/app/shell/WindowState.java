package io.eventflow.app.shell;

import io.eventflow.app.fx.Theme;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.tinylog.Logger;

/** The last window layout: size, position, theme and panel dividers, kept in the configuration folder. */
final class WindowState {
    private final Path file;
    private final Properties props = new Properties();

    WindowState(Path configDir) {
        this.file = configDir.resolve("window.properties");
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                Logger.warn(e, "cannot read the window layout from {}", file);
            }
        }
    }

    Theme theme() {
        return "dark".equals(props.getProperty("theme")) ? Theme.DARK : Theme.LIGHT;
    }

    double width(double fallback) {
        return number("width", fallback);
    }

    double height(double fallback) {
        return number("height", fallback);
    }

    /** Restores position and dividers (after the scene is shown). */
    void restore(Stage stage, SplitPane main, SplitPane vertical) {
        if (props.containsKey("x")) {
            stage.setX(number("x", stage.getX()));
            stage.setY(number("y", stage.getY()));
        }
        stage.setMaximized(Boolean.parseBoolean(props.getProperty("maximized", "false")));
        dividers(main, "main");
        dividers(vertical, "vertical");
    }

    private void dividers(SplitPane pane, String key) {
        String v = props.getProperty(key);
        if (v == null) {
            return;
        }
        String[] parts = v.split(",");
        if (parts.length == pane.getDividers().size()) {
            try {
                double[] pos = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    pos[i] = Double.parseDouble(parts[i]);
                }
                pane.setDividerPositions(pos);
            } catch (NumberFormatException e) {
                Logger.warn("ignoring divider positions '{}' in {}", v, file);
            }
        }
    }

    void save(Stage stage, Theme theme, SplitPane main, SplitPane vertical) {
        props.setProperty("theme", theme == Theme.DARK ? "dark" : "light");
        props.setProperty("maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            props.setProperty("x", Double.toString(stage.getX()));
            props.setProperty("y", Double.toString(stage.getY()));
            props.setProperty("width", Double.toString(stage.getScene().getWidth()));
            props.setProperty("height", Double.toString(stage.getScene().getHeight()));
        }
        props.setProperty("main", join(main.getDividerPositions()));
        props.setProperty("vertical", join(vertical.getDividerPositions()));
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(w, "EventFlow Studio window layout");
            }
        } catch (IOException e) {
            Logger.warn(e, "cannot save the window layout to {}", file);
        }
    }

    private static String join(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : ",").append(v);
        }
        return sb.toString();
    }

    private double number(String key, double fallback) {
        try {
            return Double.parseDouble(props.getProperty(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
