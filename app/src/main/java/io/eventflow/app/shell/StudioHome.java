package io.eventflow.app.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * The studio's own files: recent files and the autosave recovery file, under {@code ~/.eventflow} (or the
 * {@code eventflow.home} system property, used by tests).
 */
public final class StudioHome {
    private static final int MAX_RECENT = 8;
    private final Path dir;

    public StudioHome(Path dir) {
        this.dir = dir;
    }

    public static StudioHome fromSystem() {
        String p = System.getProperty("eventflow.home");
        return new StudioHome(p != null ? Path.of(p) : Path.of(System.getProperty("user.home"), ".eventflow"));
    }

    public Path dir() {
        return dir;
    }

    /** The autosave file: the design being edited, written while it has unsaved changes. */
    public Path recoveryFile() {
        return dir.resolve("recovery").resolve("autosave.eventflow.yaml");
    }

    /** Beside the recovery file: the path the design belonged to (empty for a new design). */
    public Path recoveryOrigin() {
        return dir.resolve("recovery").resolve("autosave.origin");
    }

    public List<Path> recentFiles() {
        Path f = dir.resolve("recent.txt");
        List<Path> out = new ArrayList<>();
        try {
            if (Files.exists(f)) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(Path.of(line.trim()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            Logger.warn(e, "cannot read recent files from {}", f);
        }
        return out;
    }

    public void addRecent(Path file) {
        List<Path> list = new ArrayList<>(recentFiles());
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        try {
            Files.createDirectories(dir);
            Files.write(
                    dir.resolve("recent.txt"), list.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            Logger.warn(e, "cannot write recent files in {}", dir);
        }
    }
}
