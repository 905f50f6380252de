package io.eventflow.live.mqtt;

import io.eventflow.live.server.FreePorts;
import io.eventflow.live.server.LocalServer;
import io.eventflow.live.server.ServerProcess;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.BrokerKind;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * An in-process MQTT broker (Moquette) on a free 127.0.0.1 port: anonymous clients, sessions and queued messages in
 * memory only, no websocket, no telemetry. <b>MQTT 3.1.1 only</b>: an MQTT 5 CONNECT is refused, so designs that ask
 * MQTT 5 run on {@link LocalMosquittoServer} instead (see {@link MqttServers}).
 */
public final class EmbeddedMoquette implements LocalServer {
    private static final int START_ATTEMPTS = 3;

    private final Server server;
    private final MoquetteConnections connections;
    private final int port;
    private final Path dir;
    private final Duration startTime;
    private boolean closed;
    private boolean stopped;

    private EmbeddedMoquette(Server server, MoquetteConnections connections, int port, Path dir, Duration startTime) {
        this.server = server;
        this.connections = connections;
        this.port = port;
        this.dir = dir;
        this.startTime = startTime;
    }

    /**
     * Starts the broker. Moquette cannot report a port it chose itself reliably, so the port is picked free first and
     * the start retried on another port if something took it meanwhile.
     */
    public static EmbeddedMoquette start() {
        return start(0);
    }

    /**
     * Starts the broker on {@code port} (0: a free one): a restart after a crash takes the port the clients know; a
     * port still held by the stopped broker's sockets is tried again for a few seconds.
     */
    static EmbeddedMoquette start(int fixedPort) {
        long t0 = System.nanoTime();
        Path dir = ServerProcess.newFolder("moquette");
        IOException last = null;
        int attempts = fixedPort > 0 ? 5 * START_ATTEMPTS : START_ATTEMPTS;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int port = fixedPort > 0 ? fixedPort : FreePorts.next();
            if (fixedPort > 0 && attempt > 0) {
                pause(200);
            }
            Properties props = new Properties();
            props.setProperty("host", "127.0.0.1");
            props.setProperty("port", Integer.toString(port));
            props.setProperty("websocket_port", "disabled");
            props.setProperty("allow_anonymous", "true");
            props.setProperty("telemetry_enabled", "false");
            props.setProperty("persistence_enabled", "false");
            props.setProperty("data_path", dir.toString());
            props.setProperty("netty.mqtt.message_size", Integer.toString(1 << 20));
            Server server = new Server();
            MoquetteConnections connections = new MoquetteConnections();
            try {
                server.startServer(new MemoryConfig(props), List.of(connections));
                return new EmbeddedMoquette(server, connections, port, dir, Duration.ofNanos(System.nanoTime() - t0));
            } catch (IOException | RuntimeException e) {
                // Its Netty threads are not daemons: stop it, or the JVM never exits.
                server.stopServer();
                last = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
        ServerProcess.deleteTree(dir);
        throw new ServerUnavailableException(
                "the embedded MQTT broker (Moquette) did not start: " + last.getMessage(), last);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A crash: the broker stops at once with everything it held in memory (sessions, queued and retained messages:
     * this broker persists nothing); its clients see their connections closed without a DISCONNECT. Its folder stays
     * until {@link #close()}.
     */
    synchronized void crash() {
        if (!closed && !stopped) {
            stopped = true;
            server.stopServer();
        }
    }

    /** When a client may subscribe: once the broker has finished setting up its connection (see the class). */
    MqttTarget.SetUp setUp() {
        return connections;
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.MQTT;
    }

    @Override
    public String endpoint() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String description() {
        return "Moquette " + Server.MOQUETTE_VERSION + " (in-process, MQTT 3.1.1)";
    }

    @Override
    public Duration startTime() {
        return startTime;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!stopped) {
                server.stopServer();
            }
        } finally {
            ServerProcess.deleteTree(dir);
        }
    }
}
