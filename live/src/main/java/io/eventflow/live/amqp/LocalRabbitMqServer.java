package io.eventflow.live.amqp;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A private RabbitMQ node for one live run: the machine's {@code rabbitmq-server} (RabbitMQ has no embeddable Java
 * server) started as a child process, isolated from any node the machine runs: its own node name
 * ({@code eventflow-PORT@localhost}), HOME (Erlang cookie), data, log and plugin files in a temporary folder, its own
 * Erlang port mapper ({@code epmd}, also a child process) and free ports, everything bound to 127.0.0.1. No plugins
 * (no management UI). The default user guest/guest may connect from loopback. {@link #close()} stops the node and
 * its port mapper and deletes the folder. The node takes about 5 s to start.
 */
public final class LocalRabbitMqServer extends ChildProcessServer {
    static final String PROGRAM = "rabbitmq-server";
    /** Debian's wrapper in /usr/sbin re-runs the script as user rabbitmq with the system's cookie: use the script. */
    private static final String SCRIPT_DIR = "/usr/lib/rabbitmq/bin";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ServerProcess node;

    private LocalRabbitMqServer(ServerProcess node, ServerProcess epmd, int port, long startedAt) {
        super(port, startedAt, node, epmd);
        this.node = node;
    }

    /**
     * A broker crash: SIGKILL to the node (the script and the Erlang VM it started), no shutdown: connections break,
     * nothing is flushed that the node had not written. Its port mapper and its data folder stay.
     */
    void crash() {
        node.kill();
    }

    /**
     * Starts the crashed node again on the same name, ports and data (durable queues and the persistent messages it
     * had stored come back) and waits until it accepts AMQP connections (about 5 s).
     */
    void restart() {
        node.restart(port(), START_TIMEOUT);
    }

    /** The machine's {@code rabbitmq-server} script, if there is one. */
    public static Optional<Path> program() {
        return ServerBinaries.find(PROGRAM, SCRIPT_DIR);
    }

    /** The Erlang port mapper that comes with Erlang. */
    static Optional<Path> epmdProgram() {
        return ServerBinaries.find("epmd", "/usr/lib/erlang/bin");
    }

    /**
     * Starts a private RabbitMQ node and waits until it accepts AMQP connections.
     *
     * @throws ServerUnavailableException when there is no {@code rabbitmq-server} (or no Erlang {@code epmd}), or it
     *     does not start (with its output)
     */
    public static LocalRabbitMqServer start() {
        Path program = program().orElseThrow(() -> new ServerUnavailableException(missingMessage()));
        Path epmdProgram = epmdProgram()
                .orElseThrow(() -> new ServerUnavailableException(
                        "found " + program + " but not Erlang's epmd next to it: the RabbitMQ install is broken ("
                                + "Debian/Ubuntu: 'sudo apt-get install --reinstall rabbitmq-server erlang-base')"));
        long t0 = System.nanoTime();
        int port = FreePorts.next();
        int distPort = FreePorts.next();
        int epmdPort = FreePorts.next();
        Path dir = ServerProcess.newFolder("rabbitmq");
        Map<String, String> env = environment(dir, port, distPort, epmdPort);
        ServerProcess epmd = ServerProcess.start(
                "epmd",
                List.of(epmdProgram.toString(), "-port", Integer.toString(epmdPort), "-address", "127.0.0.1"),
                env,
                ServerProcess.newFolder("epmd"));
        try {
            epmd.awaitPort(epmdPort, Duration.ofSeconds(10));
            ServerProcess node = launch(PROGRAM, List.of(program.toString()), env, dir, port, START_TIMEOUT);
            return new LocalRabbitMqServer(node, epmd, port, t0);
        } catch (RuntimeException e) {
            epmd.close();
            throw e;
        }
    }

    private static Map<String, String> environment(Path dir, int port, int distPort, int epmdPort) {
        Path plugins = dir.resolve("enabled_plugins");
        try {
            Files.writeString(plugins, "[].\n");
            Files.createDirectories(dir.resolve("mnesia"));
            Files.createDirectories(dir.resolve("log"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dir, e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.toString());
        env.put("RABBITMQ_NODENAME", "eventflow-" + port + "@localhost");
        env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_NODE_PORT", Integer.toString(port));
        env.put("RABBITMQ_DIST_PORT", Integer.toString(distPort));
        env.put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString());
        env.put("RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString());
        env.put("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString());
        env.put("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
        return env;
    }

    /** What to tell a user who has no {@code rabbitmq-server}. */
    static String missingMessage() {
        return "RabbitMQ has no embeddable Java server, and no " + PROGRAM + " program was found (searched the PATH, "
                + SCRIPT_DIR + ", /usr/sbin, /usr/local/sbin, /opt/homebrew/sbin). Install one (Debian/Ubuntu: "
                + "'sudo apt-get install rabbitmq-server'; macOS: 'brew install rabbitmq'; live mode then starts a "
                + "private node on free 127.0.0.1 ports for each run, about 5 s), or give a running server's endpoint "
                + "(amqp://HOST:PORT, credentials by environment variable) for this broker with --brokers FILE.";
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.AMQP;
    }

    @Override
    protected String scheme() {
        return "amqp";
    }

    @Override
    public String description() {
        List<Long> pids = pids();
        return PROGRAM + " (child process " + pids.get(0) + ", epmd " + pids.get(1) + ")";
    }
}
