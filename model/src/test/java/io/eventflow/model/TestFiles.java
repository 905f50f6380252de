package io.eventflow.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Locations of the repository's samples and of {@code ../shared} for tests. */
public final class TestFiles {
    private TestFiles() {}

    /** The repository root (set by the build; falls back to the parent of the module folder). */
    public static Path repo() {
        String prop = System.getProperty("eventflow.repo");
        Path p = prop != null ? Path.of(prop) : Path.of("..");
        return p.toAbsolutePath().normalize();
    }

    public static Path samples() {
        return repo().resolve("assets/samples");
    }

    public static List<Path> sampleDesigns() throws IOException {
        try (Stream<Path> s = Files.list(samples())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".eventflow.yaml"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The shared data folder ({@code ../shared}). Where it is absent the calling test is skipped with a visible
     * message, except under CI ({@code CI=true}) where it fails, so a wrong path cannot hide the checks.
     */
    public static Path shared() {
        String prop = System.getProperty("eventflow.shared");
        Path p = (prop != null ? Path.of(prop) : repo().resolve("../shared"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(p)) {
            String message = "shared data folder not found at " + p + ": tests that need it are skipped";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + " (CI=true: failing instead of skipping)");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        return p;
    }
}
