package io.eventflow.live.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A {@link LocalServer} that is one or more child processes ({@link ServerProcess}) this JVM started, listening on a
 * free 127.0.0.1 port: the lifecycle the machine's server programs share (find the program, start it in its own
 * temporary folder, wait until it accepts connections, stop it and what it started). A kind's server class keeps only
 * what differs: its command line and files, its endpoint's scheme and its description.
 */
public abstract class ChildProcessServer implements LocalServer {
    private final List<ServerProcess> processes;
    private final int port;
    private final Duration startTime;

    /**
     * @param port the port it listens on
     * @param startedAt {@link System#nanoTime()} when the start began
     * @param processes the server's processes, the server itself first, then what it needs (stopped in this order)
     */
    protected ChildProcessServer(int port, long startedAt, ServerProcess... processes) {
        this.processes = List.of(processes);
        this.port = port;
        this.startTime = Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /**
     * Starts {@code command} as {@code name} in {@code dir} (with {@code env} added to this process's environment)
     * and waits until it accepts connections on {@code port}.
     *
     * @throws ServerUnavailableException when it does not start in time (with the end of its output); it is then
     *     stopped
     */
    protected static ServerProcess launch(
            String name, List<String> command, Map<String, String> env, Path dir, int port, Duration timeout) {
        ServerProcess process = ServerProcess.start(name, command, env, dir);
        process.awaitPort(port, timeout);
        return process;
    }

    /** The scheme of its endpoint, e.g. {@code tcp}. */
    protected abstract String scheme();

    /** {@code SCHEME://127.0.0.1:PORT}. */
    @Override
    public String endpoint() {
        return scheme() + "://127.0.0.1:" + port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Duration startTime() {
        return startTime;
    }

    /** The server's process id. */
    public long pid() {
        return processes.get(0).pid();
    }

    /** The ids of all its processes, the server's first (for checks that they are gone after {@link #close()}). */
    public List<Long> pids() {
        return processes.stream().map(ServerProcess::pid).toList();
    }

    /** Stops its processes in order; each is stopped even when stopping one before it failed. */
    @Override
    public void close() {
        close(0);
    }

    private void close(int from) {
        if (from >= processes.size()) {
            return;
        }
        try {
            processes.get(from).close();
        } finally {
            close(from + 1);
        }
    }
}
