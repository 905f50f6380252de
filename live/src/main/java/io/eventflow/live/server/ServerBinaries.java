package io.eventflow.live.server;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a server program (e.g. Debian's {@code mosquitto}) on the PATH and in the usual system folders; a kind whose
 * program lives elsewhere names that folder when it searches.
 */
public final class ServerBinaries {
    /** Folders searched after the PATH: where Debian and Homebrew put servers that are not on a user's PATH. */
    private static final List<String> EXTRA_DIRS =
            List.of("/usr/sbin", "/usr/local/sbin", "/opt/homebrew/sbin", "/opt/homebrew/bin");

    private ServerBinaries() {}

    /** The folders searched, in order: the PATH, then {@link #EXTRA_DIRS} and any given here. */
    public static List<Path> searchPath(String... extraDirs) {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        for (String dir : extraDirs) {
            dirs.add(Path.of(dir));
        }
        for (String dir : EXTRA_DIRS) {
            dirs.add(Path.of(dir));
        }
        return dirs.stream().distinct().toList();
    }

    /** The first executable file named {@code name} in {@link #searchPath}, searching the given folders first. */
    public static Optional<Path> find(String name, String... extraDirs) {
        List<String> first = List.of(extraDirs);
        List<Path> dirs = new ArrayList<>();
        first.forEach(d -> dirs.add(Path.of(d)));
        dirs.addAll(searchPath());
        for (Path dir : dirs) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
