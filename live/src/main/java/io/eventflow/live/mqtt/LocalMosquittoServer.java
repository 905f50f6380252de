package io.eventflow.live.mqtt;

import io.eventflow.live.server.ChildProcessServer;
import io.eventflow.live.server.FreePorts;
import io.eventflow.live.server.ServerBinaries;
import io.eventflow.live.server.ServerProcess;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.BrokerKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A private MQTT 5 broker for one live run: the machine's {@code mosquitto} started as a child process on a free
 * 127.0.0.1 port with its own configuration (anonymous clients, no persistence, log to its output) in a temporary
 * folder. Used where a design asks MQTT 5, which the in-process broker (Moquette) does not speak.
 */
public final class LocalMosquittoServer extends ChildProcessServer {
    static final String PROGRAM = "mosquitto";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private LocalMosquittoServer(ServerProcess process, int port, long startedAt) {
        super(port, startedAt, process);
    }

    /** The machine's {@code mosquitto}, if there is one. */
    public static Optional<Path> program() {
        return ServerBinaries.find(PROGRAM);
    }

    /**
     * Starts a private {@code mosquitto}.
     *
     * @throws ServerUnavailableException when there is no {@code mosquitto}, or it does not start (with its output)
     */
    public static LocalMosquittoServer start() {
        return start(0);
    }

    /** Starts a private {@code mosquitto} on {@code fixedPort} (0: a free one; after a crash: the old one). */
    static LocalMosquittoServer start(int fixedPort) {
        Path program = program().orElseThrow(() -> new ServerUnavailableException(missingMessage("")));
        long t0 = System.nanoTime();
        int port = fixedPort > 0 ? fixedPort : FreePorts.next();
        Path dir = ServerProcess.newFolder("mosquitto");
        Path config = dir.resolve("mosquitto.conf");
        try {
            // Started as root, mosquitto drops to user 'mosquitto': the folder and file must be readable by it.
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "listener " + port + " 127.0.0.1",
                            "allow_anonymous true",
                            "persistence false",
                            "log_dest stdout",
                            "log_type error",
                            "log_type warning",
                            "max_queued_messages 100000",
                            "max_inflight_messages 0",
                            ""));
            config.toFile().setReadable(true, false);
        } catch (IOException e) {
            ServerProcess.deleteTree(dir);
            throw new UncheckedIOException("could not write " + config, e);
        }
        List<String> command = List.of(program.toString(), "-c", config.toString());
        return new LocalMosquittoServer(launch(PROGRAM, command, Map.of(), dir, port, START_TIMEOUT), port, t0);
    }

    /**
     * A crash: {@code kill -9} of the process (no clean shutdown, nothing saved; it keeps its state in memory only,
     * {@code persistence false}), and waits until it is gone. {@link #close()} still removes its folder.
     */
    void crash() {
        ProcessHandle.of(pid()).ifPresent(p -> {
            p.destroyForcibly();
            try {
                p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(PROGRAM + " (pid " + pid() + ") did not end on kill -9", e);
            }
        });
    }

    /** What to tell a user who has no {@code mosquitto}; {@code why} says what needs it (may be empty). */
    static String missingMessage(String why) {
        return why + "no " + PROGRAM + " program was found (searched the PATH, /usr/sbin, /usr/local/sbin, "
                + "/opt/homebrew/sbin). Install it (Debian/Ubuntu: 'sudo apt-get install mosquitto'; macOS: "
                + "'brew install mosquitto'; live mode then starts a private instance on a free 127.0.0.1 port for each"
                + " run), or give a running MQTT 5 server's endpoint (tcp://HOST:PORT) for this broker with --brokers "
                + "FILE.";
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.MQTT;
    }

    @Override
    protected String scheme() {
        return "tcp";
    }

    @Override
    public String description() {
        return PROGRAM + " (MQTT 5, child process " + pid() + ")";
    }
}
