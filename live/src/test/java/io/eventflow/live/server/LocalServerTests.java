package io.eventflow.live.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Helpers for the tests that start local servers. */
public final class LocalServerTests {
    private LocalServerTests() {}

    /** The repository's sample designs (set by the build; falls back to the parent of the module folder). */
    public static Path samples() {
        String prop = System.getProperty("eventflow.repo");
        Path repo = prop != null ? Path.of(prop) : Path.of("..");
        return repo.toAbsolutePath().normalize().resolve("assets/samples");
    }

    public static Design sample(String name) throws Exception {
        return DesignFiles.open(samples().resolve(name + ".eventflow.yaml"));
    }

    /**
     * Skips the calling test with a visible message when the server program is missing, except under CI
     * ({@code CI=true}, where .ci/run installs the programs) where it fails, so a missing install cannot hide the
     * checks.
     */
    public static Path requireProgram(String name, Optional<Path> program) {
        if (program.isPresent()) {
            return program.get();
        }
        String message = "no " + name + " program on this machine (Debian: apt-get install " + name
                + "): tests that need it are skipped";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + " (CI=true: failing instead of skipping)");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }

    /** Asserts that the processes are gone (waiting up to 2 s for their exit to be seen). */
    public static void assertGone(List<Long> pids) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline && pids.stream().anyMatch(LocalServerTests::alive)) {
            Thread.sleep(20);
        }
        assertThat(pids).as("server processes still running after close()").noneMatch(LocalServerTests::alive);
    }

    /** Asserts that this JVM has no child process left whose command contains {@code name}. */
    public static void assertNoChildNamed(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline && !children(name).isEmpty()) {
            Thread.sleep(20);
        }
        assertThat(children(name))
                .as("child processes of this JVM named " + name)
                .isEmpty();
    }

    private static List<String> children(String name) {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(p.info().command().orElse("")))
                .filter(c -> c.contains(name))
                .toList();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
