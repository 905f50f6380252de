package io.eventflow.live.mqtt;

import io.eventflow.live.LiveException;
import io.eventflow.live.proxy.FaultProxy;
import io.eventflow.live.proxy.ProxyLink;
import io.eventflow.live.server.LocalServer;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MQTT server a live run started (the embedded Moquette or a private mosquitto) with what the scenario's faults
 * need: the fault proxy's link in front of it for each routed service (one node, so one link per service), and a
 * crash and restart on the same port. Moquette crashes by stopping at once, mosquitto by {@code kill -9}; both keep
 * their state in memory only, so sessions, queued and retained messages go with the crash, as in the simulator.
 */
final class MqttLocalBroker implements MqttTarget.SetUp, AutoCloseable {
    private final int port;
    private final FaultProxy proxy;
    private final Map<String, ProxyLink> links = new LinkedHashMap<>();
    private volatile LocalServer server;
    private volatile boolean down;

    MqttLocalBroker(LocalServer server, List<String> routed) throws LiveException {
        this.server = server;
        this.port = server.port();
        this.proxy = routed.isEmpty() ? null : new FaultProxy();
        try {
            for (String service : routed) {
                links.put(service, proxy.open(service + " -> mqtt", port));
            }
        } catch (IOException e) {
            close();
            throw new LiveException(e.getMessage(), e);
        }
    }

    LocalServer server() {
        return server;
    }

    /** True when the server is Moquette (MQTT 3.1.1, no shared subscriptions). */
    boolean moquette() {
        return server instanceof EmbeddedMoquette;
    }

    /** The port a client of {@code service} connects to: its proxy link's, else the server's. */
    int port(String service) {
        ProxyLink link = service == null ? null : links.get(service);
        return link == null ? port : link.port();
    }

    /** The proxy link of {@code service} (empty when its clients connect directly). */
    List<ProxyLink> links(String service) {
        ProxyLink link = links.get(service);
        return link == null ? List.of() : List.of(link);
    }

    /** The services whose clients go through the proxy. */
    List<String> routed() {
        return List.copyOf(links.keySet());
    }

    /** True between a {@link #crash()} and the end of the {@link #restart()} after it. */
    boolean down() {
        return down;
    }

    /** Stops the server abruptly (see the class); clients see their connections end. */
    synchronized void crash() throws LiveException {
        if (down) {
            throw new LiveException(server.description() + " is already down");
        }
        down = true;
        try {
            if (server instanceof EmbeddedMoquette m) {
                m.crash();
            } else if (server instanceof LocalMosquittoServer m) {
                m.crash();
            }
        } catch (RuntimeException e) {
            throw new LiveException("could not crash " + server.description() + ": " + e.getMessage(), e);
        }
    }

    /** Starts a new server of the same kind on the same port, empty (nothing was persisted). */
    synchronized void restart() throws LiveException {
        if (!down) {
            return;
        }
        LocalServer old = server;
        old.close(); // its folder; the process or server is stopped already
        try {
            server = old instanceof EmbeddedMoquette ? EmbeddedMoquette.start(port) : LocalMosquittoServer.start(port);
        } catch (RuntimeException e) {
            throw new LiveException("could not restart the MQTT server on port " + port + ": " + e.getMessage(), e);
        }
        down = false;
        notifyAll(); // clients waiting to reconnect try at once
    }

    /**
     * Waits {@code millis} before a client's next attempt to reconnect, or less when the server comes back from a
     * crash meanwhile (clients retry at once then, as the simulator's do).
     */
    synchronized void pause(long millis) throws InterruptedException {
        wait(millis);
    }

    /** Moquette's connection set-up, counted by the server running now (mosquitto: at CONNACK, never called). */
    @Override
    public int connections(String clientId) {
        return server instanceof EmbeddedMoquette m ? m.setUp().connections(clientId) : 0;
    }

    @Override
    public boolean await(String clientId, int n, Duration timeout) throws InterruptedException {
        return !(server instanceof EmbeddedMoquette m) || m.setUp().await(clientId, n, timeout);
    }

    @Override
    public void close() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } finally {
            server.close();
        }
    }
}
