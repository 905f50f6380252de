package io.eventflow.live.mqtt;

import io.eventflow.live.ConsumerSpec;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the clients of one group on one channel saw. Guarded by itself. */
final class MqttGroupState {
    /** Times (nanoTime) between which what was sent and not received went with an ended session. */
    record Window(long from, long to, String cause, String client) {}

    final int grantedQos;
    final boolean persistent;
    final long sessionExpirySeconds;
    final BitSet received = new BitSet();
    final List<Window> windows = new ArrayList<>();
    final Map<Long, String> droppedInHand = new HashMap<>();
    final Set<Long> inHand = new HashSet<>();
    /** Client id -> when its current (or last) connection began; connected ones in {@link #connected}. */
    private final Map<String, Long> connectedAt = new LinkedHashMap<>();

    private final Set<String> connected = new HashSet<>();

    MqttGroupState(ConsumerSpec spec) {
        this.grantedQos = MqttLiveServer.grantedQos(spec);
        var expiry = spec.subscription().sessionExpiry();
        this.sessionExpirySeconds = expiry == null ? 0 : Math.max(0, expiry.nanos() / 1_000_000_000L);
        this.persistent = sessionExpirySeconds > 0;
    }

    synchronized Set<String> clientIds() {
        return new LinkedHashSet<>(connectedAt.keySet());
    }

    /** True when a client of the group that is not {@code clientId} is connected. */
    synchronized boolean othersConnected(String clientId) {
        return connected.stream().anyMatch(c -> !c.equals(clientId));
    }

    /**
     * A client connected: {@code resumed} whether the broker had its session. A persistent session not resumed
     * went with the client's absence: {@code lostCause} when it is known (a broker crash), else it expired.
     */
    synchronized void connected(String clientId, boolean resumed, String lostCause) {
        long now = System.nanoTime();
        Long before = connectedAt.get(clientId);
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            if (w.to() < 0 && w.client().equals(clientId)) {
                windows.set(i, new Window(w.from(), now, w.cause(), clientId));
            }
        }
        if (before != null && persistent && !resumed) {
            // the session expired while the client was away: what it held and what came meanwhile is gone
            windows.add(new Window(before, now, lostCause == null ? "sessionExpired" : lostCause, clientId));
        }
        connectedAt.put(clientId, now);
        connected.add(clientId);
    }

    /**
     * A client's connection ended (its crash or clean close: {@code cleanSession}; a broker crash: {@code crash});
     * a clean session goes with it, and what it was owed and did not receive with it.
     */
    synchronized void disconnected(String clientId, String cause) {
        connected.remove(clientId);
        if (!persistent) {
            windows.add(new Window(connectedAt.getOrDefault(clientId, 0L), -1, cause, clientId));
        }
    }

    synchronized void received(long id) {
        if (id >= 0 && id <= Integer.MAX_VALUE) {
            received.set((int) id);
        }
    }

    /** Ids a client had received and not handed to processing when it closed cleanly. */
    synchronized void leftInHand(List<Long> ids) {
        inHand.addAll(ids);
    }

    /** Ids a client had received but not handed to processing when it died or closed with a clean session. */
    synchronized void droppedInHand(Iterable<Long> ids, String cause) {
        ids.forEach(id -> droppedInHand.putIfAbsent(id, cause));
    }
}
