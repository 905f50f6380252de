package io.eventflow.live.redis;

import io.eventflow.live.server.ChildProcessServer;
import io.eventflow.live.server.FreePorts;
import io.eventflow.live.server.ServerBinaries;
import io.eventflow.live.server.ServerProcess;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.BrokerKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A private Redis for one live run: the machine's {@code redis-server} (Redis has no embeddable Java server) started
 * as a child process on a free 127.0.0.1 port, with its own temporary folder, no RDB snapshot, and an append-only
 * file only when asked (the design's {@code x-appendfsync}, for broker crashes); {@link #close()} stops it. It never touches a Redis the machine already runs.
 */
public final class LocalRedisServer extends ChildProcessServer {
    static final String PROGRAM = "redis-server";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final ServerProcess process;
    private final String appendfsync;

    private LocalRedisServer(ServerProcess process, int port, long startedAt, String appendfsync) {
        super(port, startedAt, process);
        this.process = process;
        this.appendfsync = appendfsync;
    }

    /** The machine's {@code redis-server}, if there is one. */
    public static Optional<Path> program() {
        return ServerBinaries.find(PROGRAM);
    }

    /**
     * Starts a private {@code redis-server}.
     *
     * @throws ServerUnavailableException when there is no {@code redis-server}, or it does not start (with its
     *     output)
     */
    public static LocalRedisServer start() {
        return start(null);
    }

    /**
     * Starts a private {@code redis-server}; with {@code appendfsync} ({@code always}, {@code everysec} or {@code no})
     * it persists to an append-only file in its folder with that fsync policy, so a {@link #crash} and
     * {@link #restart} keep what the AOF holds; null: no persistence.
     *
     * @throws ServerUnavailableException when there is no {@code redis-server}, or it does not start (with its
     *     output)
     */
    public static LocalRedisServer start(String appendfsync) {
        Path program = program().orElseThrow(() -> new ServerUnavailableException(missingMessage()));
        long t0 = System.nanoTime();
        int port = FreePorts.next();
        Path dir = ServerProcess.newFolder("redis");
        if (appendfsync != null && !List.of("always", "everysec", "no").contains(appendfsync)) {
            throw new IllegalArgumentException("appendfsync must be always, everysec or no: " + appendfsync);
        }
        List<String> command = new java.util.ArrayList<>(List.of(
                program.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--protected-mode",
                "yes",
                "--save",
                "",
                "--appendonly",
                appendfsync == null ? "no" : "yes",
                "--daemonize",
                "no",
                "--dir",
                dir.toString()));
        if (appendfsync != null) {
            command.addAll(List.of("--appendfsync", appendfsync));
        }
        return new LocalRedisServer(
                launch(PROGRAM, command, Map.of(), dir, port, START_TIMEOUT), port, t0, appendfsync);
    }

    /** The AOF fsync policy it runs with, or null when it does not persist. */
    public String appendfsync() {
        return appendfsync;
    }

    /**
     * A broker crash: SIGKILL, no shutdown (no final AOF flush or RDB save). What the AOF holds stays in its folder.
     */
    public void crash() {
        process.kill();
    }

    /** Starts the crashed server again on the same port and folder: it loads its AOF (empty without persistence). */
    public void restart() {
        process.restart(port(), START_TIMEOUT);
    }

    /** What to tell a user who has no {@code redis-server}. */
    static String missingMessage() {
        return "Redis has no embeddable Java server, and no " + PROGRAM + " program was found (searched the PATH, "
                + "/usr/sbin, /usr/local/sbin, /opt/homebrew/bin). Install one (Debian/Ubuntu: "
                + "'sudo apt-get install redis-server'; macOS: 'brew install redis'; live mode then starts a private "
                + "instance on a free 127.0.0.1 port for each run), or give a running server's endpoint "
                + "(redis://HOST:PORT) for this broker with --brokers FILE.";
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.REDIS;
    }

    @Override
    protected String scheme() {
        return "redis";
    }

    @Override
    public String description() {
        return PROGRAM + " (child process " + pid() + ")";
    }
}
