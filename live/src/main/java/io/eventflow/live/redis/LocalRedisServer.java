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
 * as a child process on a free 127.0.0.1 port, with no persistence (no RDB snapshot, no AOF) and its own temporary
 * folder; {@link #close()} stops it. It never touches a Redis the machine already runs.
 */
public final class LocalRedisServer extends ChildProcessServer {
    static final String PROGRAM = "redis-server";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private LocalRedisServer(ServerProcess process, int port, long startedAt) {
        super(port, startedAt, process);
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
        Path program = program().orElseThrow(() -> new ServerUnavailableException(missingMessage()));
        long t0 = System.nanoTime();
        int port = FreePorts.next();
        Path dir = ServerProcess.newFolder("redis");
        List<String> command = List.of(
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
                "no",
                "--daemonize",
                "no",
                "--dir",
                dir.toString());
        return new LocalRedisServer(launch(PROGRAM, command, Map.of(), dir, port, START_TIMEOUT), port, t0);
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
