package io.eventflow.app;

import java.nio.file.Path;

/** The repository root for app tests (set by the build). */
final class TestPaths {
    private TestPaths() {}

    static Path repo() {
        String prop = System.getProperty("eventflow.repo");
        return (prop != null ? Path.of(prop) : Path.of("..")).toAbsolutePath().normalize();
    }
}
