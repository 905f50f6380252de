package io.eventflow.app.shell;

import io.eventflow.app.env.AppDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * The studio's own files: recent files (in the configuration folder) and the autosave recovery file (in the data
 * folder), as {@link AppDirs} places them.
 */
public final class StudioHome {
    private static final int MAX_RECENT = 8;
    private final Path dir;
    private final Path dataDir;

    /** Everything in one folder (tests, benchmarks). */
    public StudioHome(Path dir) {
        this(dir, dir);
    }

    public StudioHome(Path configDir, Path dataDir) {
        this.dir = configDir;
        this.dataDir = dataDir;
    }

    public static StudioHome fromSystem() {
        return new StudioHome(AppDirs.configDir(), AppDirs.dataDir());
    }

    public Path dir() {
        return dir;
    }

    /** The autosave file: the design being edited, written while it has unsaved changes. */
    public Path recoveryFile() {
        return dataDir.resolve("recovery").resolve("autosave.eventflow.yaml");
    }

    /** Beside the recovery file: the path the design belonged to (empty for a new design). */
    public Path recoveryOrigin() {
        return dataDir.resolve("recovery").resolve("autosave.origin");
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
