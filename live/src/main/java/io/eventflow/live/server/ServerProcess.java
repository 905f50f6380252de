package io.eventflow.live.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * A server program run as a child process of this JVM, with its own temporary folder (working directory, data, log).
 * {@link #close()} sends SIGTERM to it and to every process it started, waits, kills what is left, and deletes the
 * folder. A JVM shutdown hook does the same if the JVM ends without {@code close()}, so no server outlives the run.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final String name;
    private volatile Process process;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path dir;
    private final Path log;
    private final Thread shutdownHook;
    private boolean closed;

    private ServerProcess(
            String name, Process process, List<String> command, Map<String, String> env, Path dir, Path log) {
        this.name = name;
        this.process = process;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.dir = dir;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "stop " + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command} in {@code dir} with the environment variables {@code env} added to this process's; its
     * standard output and error go to {@code dir/<name>.log}.
     */
    public static ServerProcess start(String name, List<String> command, Map<String, String> env, Path dir) {
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            Logger.debug("started {} (pid {}): {}", name, process.pid(), String.join(" ", command));
            return new ServerProcess(name, process, command, env, dir, log);
        } catch (IOException e) {
            deleteTree(dir);
            throw new ServerUnavailableException("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** A new temporary folder for a server, readable by every user (servers started as root may drop privileges). */
    public static Path newFolder(String prefix) {
        try {
            Path dir = Files.createTempDirectory("eventflow-" + prefix + "-");
            dir.toFile().setReadable(true, false);
            dir.toFile().setExecutable(true, false);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary folder for " + prefix, e);
        }
    }

    /**
     * Waits until the server accepts connections on 127.0.0.1:port; if it does not (it exited, or the time ran out),
     * stops it and throws with the end of its output.
     */
    public void awaitPort(int port, Duration timeout) {
        if (FreePorts.awaitListening(port, timeout, process::isAlive)) {
            return;
        }
        String why = process.isAlive()
                ? "did not accept connections on 127.0.0.1:" + port + " within " + timeout.toMillis() + " ms"
                : "exited with code " + process.exitValue() + " before accepting connections on 127.0.0.1:" + port;
        String tail = outputTail(20);
        close();
        throw new ServerUnavailableException(name + " " + why + (tail.isEmpty() ? "" : "; its last output:\n" + tail));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The folder the server runs in (deleted by {@link #close()}). */
    public Path folder() {
        return dir;
    }

    /** The last {@code lines} lines of the server's output. */
    public String outputTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs stop() anyway
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        process.toHandle().children().forEach(ProcessHandle::destroy);
        process.destroy();
        awaitExit(all, STOP_WAIT);
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                Logger.warn("{} (pid {}) did not stop on SIGTERM within {} s: killing it", name, handle.pid(), 10);
                handle.destroyForcibly();
            }
        }
        awaitExit(all, Duration.ofSeconds(2));
        deleteTree(dir);
        Logger.debug("stopped {}", name);
    }

    private static void awaitExit(List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : handles) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // timed out or failed: the caller checks isAlive()
            }
        }
    }

    /**
     * A crash: SIGKILL to the server and every process it started (no shutdown, nothing flushed beyond what the
     * program wrote already), waiting until they are gone. Its folder stays, so {@link #restart} can start it again on
     * its data. Processes it started that left its tree (daemons reparented to init) are not its descendants and stay.
     */
    public synchronized void kill() {
        if (closed) {
            return;
        }
        Process p = process;
        List<ProcessHandle> all = new ArrayList<>();
        all.add(p.toHandle());
        p.descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroyForcibly);
        awaitExit(all, Duration.ofSeconds(5));
        Logger.debug("killed {} (pid {})", name, p.pid());
    }

    /**
     * Starts the same command again in the same folder (after {@link #kill}), its output appended to the same log, and
     * waits until it accepts connections on {@code port}.
     *
     * @throws ServerUnavailableException when it does not start in time (with the end of its output)
     */
    public synchronized void restart(int port, Duration timeout) {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is running: kill it first");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ServerUnavailableException("could not restart " + command.get(0) + ": " + e.getMessage(), e);
        }
        Logger.debug("restarted {} (pid {})", name, process.pid());
        awaitPort(port, timeout);
    }

    /** Deletes a folder and everything in it, ignoring what cannot be deleted. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            Logger.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
