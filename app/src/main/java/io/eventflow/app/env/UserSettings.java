package io.eventflow.app.env;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.tinylog.Logger;

/**
 * The user's choices that belong to them rather than to a design (the run target of Simulate, ...): a properties file
 * {@code settings.properties} in the configuration folder, written at once on every change.
 */
public final class UserSettings {
    private final Path file;
    private final Properties props = new Properties();

    public UserSettings(Path configDir) {
        this.file = configDir.resolve("settings.properties");
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                Logger.warn(e, "cannot read the settings from {}", file);
            }
        }
    }

    /** The settings in the user's configuration folder ({@link AppDirs#configDir()}). */
    public static UserSettings load() {
        return new UserSettings(AppDirs.configDir());
    }

    public synchronized String get(String key, String fallback) {
        return props.getProperty(key, fallback);
    }

    /** Sets and saves; a folder that cannot be written is logged, and the value holds for this session. */
    public synchronized void put(String key, String value) {
        if (value.equals(props.getProperty(key))) {
            return;
        }
        props.setProperty(key, value);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(w, "EventFlow Studio settings");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Logger.warn(e, "cannot save the settings to {}", file);
        }
    }

    public Path file() {
        return file;
    }
}
