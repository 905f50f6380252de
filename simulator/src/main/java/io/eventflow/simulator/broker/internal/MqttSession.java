package io.eventflow.simulator.broker.internal;

import io.eventflow.simulator.internal.BrokerContext;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.MsgState;
import io.eventflow.simulator.internal.SimChannel;
import io.eventflow.simulator.internal.SimGroup;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One group's subscription to a topic: a shared subscription ({@code $share/group/topic}) whose clients are the
 * group's members. Messages wait in the group's queue until a connected client has room in its receive window; each
 * client's unacknowledged deliveries stay in its own session.
 */
final class MqttSession {
    /** Reconnect attempts of a client cut off by a partition. */
    static final long RECONNECT = 1_000_000_000L;

    /**
     * Reconnect attempts of a client whose connection was reset (a {@code drop} on its link): every 250 ms, as live
     * MQTT clients do ({@code MqttLiveConsumer.RECONNECT_MILLIS}).
     */
    static final long RESET_RECONNECT = 250_000_000L;

    final MqttBroker broker;
    final BrokerContext sim;
    final SimGroup g;
    final SimChannel ch;
    /** Granted QoS: min(publisher QoS of the channel, subscription QoS). */
    final int qos;

    final boolean persistent;
    final long expiry;
    final int receiveMaximum;
    /** True when the client acknowledges on receipt (at-most-once delivery): no redelivery after a crash. */
    final boolean ackOnReceipt;

    final ArrayDeque<Msg> queue = new ArrayDeque<>();
    final List<MqttClient> clients = new ArrayList<>();
    private int cursor;
    private boolean dispatching;
    /** Clients with {@link MqttClient#session} set (it is only set in connect and cleared in discard). */
    private int liveSessions;

    MqttSession(MqttBroker broker, SimGroup g) {
        this.broker = broker;
        this.sim = broker.sim;
        this.g = g;
        this.ch = g.channel;
        var sub = g.spec.source();
        int channelQos = broker.publisherQos(ch);
        int subQos = sub == null || sub.qos() == null ? 2 : sub.qos();
        this.qos = Math.min(channelQos, subQos);
        this.expiry = sub == null || sub.sessionExpiry() == null
                ? 0
                : sub.sessionExpiry().nanos();
        this.persistent = expiry > 0;
        this.receiveMaximum = sub == null || sub.receiveMaximum() == null ? 65_535 : sub.receiveMaximum();
        this.ackOnReceipt = g.atMostOnce();
    }

    /** QoS 1/2 deliveries the broker tracks until acknowledged. */
    boolean tracked() {
        return qos > 0 && !ackOnReceipt;
    }

    String lossCause() {
        return persistent ? "sessionExpired" : "cleanSession";
    }

    MqttClient client(Member mem) {
        while (clients.size() <= mem.indexInGroup) {
            Member m = g.members.get(clients.size());
            MqttClient c = new MqttClient(m, sim.link(m.instance.service.id(), ch.spec.broker()));
            c.expiryEvent = (ctx, arg) -> {
                if (arg == c.expiryToken && !c.connected && c.session) {
                    discard(c, "sessionExpired");
                }
            };
            c.pollEvent = (ctx, arg) -> poll(c, arg);
            clients.add(c);
        }
        return clients.get(mem.indexInGroup);
    }

    int liveSessions() {
        return liveSessions;
    }

    /** A message published on the topic reached the broker. */
    void offer(Msg m) {
        if (sim.tracing()) {
            sim.emit(new TraceEvent.Stored(sim.now(), ch.id(), g.name, -1, -1, m.id, m.correlationId));
        }
        if (qos == 0) {
            MqttClient c = next(false);
            if (c == null) {
                sim.lose(g, m, "qos0"); // nobody connected: QoS 0 is never queued
            } else {
                hand(c, m);
            }
            return;
        }
        if (liveSessions() == 0) {
            sim.lose(g, m, lossCause());
            return;
        }
        queue.addLast(m);
        ch.depthChanged(1);
        g.lagChanged(1);
        dispatch();
    }

    /** Hands queued messages to connected clients with room in their receive window, round robin. */
    void dispatch() {
        if (broker.down || dispatching) {
            return;
        }
        dispatching = true;
        try {
            while (!queue.isEmpty()) {
                MqttClient c = next(tracked());
                if (c == null || queue.isEmpty()) {
                    return; // (noticing a cut connection may have dropped the queue)
                }
                Msg m = queue.pollFirst();
                ch.depthChanged(-1);
                g.lagChanged(-1);
                hand(c, m);
            }
        } finally {
            dispatching = false;
        }
    }

    /** The next connected client (with a free receive window when {@code window}); notices cut connections. */
    private MqttClient next(boolean window) {
        int n = clients.size();
        for (int i = 0; i < n; i++) {
            MqttClient c = clients.get((cursor + i) % n);
            if (!c.connected) {
                continue;
            }
            if (c.cut()) {
                lostConnection(c);
                continue;
            }
            if (!window || c.unacked.size() < receiveMaximum) {
                cursor = (cursor + i + 1) % n;
                return c;
            }
        }
        return null;
    }

    private void hand(MqttClient c, Msg m) {
        m.deliveries++;
        m.tag = c.gen;
        if (tracked()) {
            c.unacked.add(m);
            g.lagChanged(1);
        }
        push(c, m);
    }

    private void push(MqttClient c, Msg m) {
        Member mem = c.mem;
        var w = mem.freeWorker();
        if (w != null && mem.buffer.isEmpty()) {
            sim.deliver(mem, w, m, false, m.redelivered);
        } else {
            sim.toBuffer(mem, m);
        }
    }

    /** The client is done with {@code m}: its PUBACK (QoS 1) or PUBREC..PUBCOMP (QoS 2) go to the broker. */
    void settled(Member mem, Msg m) {
        if (m.duplicateCopy || !tracked()) {
            return;
        }
        MqttClient c = client(mem);
        if (m.tag != c.gen || !c.unacked.contains(m)) {
            return; // the session it was delivered in is gone: the acknowledgement goes nowhere
        }
        if (!c.connected || broker.down) {
            return; // lost: stays unacknowledged in the session
        }
        if (c.cut()) {
            lostConnection(c); // the acknowledgement is lost, and the broker notices the connection is gone
            return;
        }
        long d = sim.ackDelay(mem);
        if (d == BrokerContext.ACK_LOST) {
            // a drop (a partition was noticed above): the connection is reset with the PUBACK in it; the message
            // stays unacknowledged, re-sent with DUP when the session resumes
            reset(c);
            return;
        }
        if (d > 0) {
            int gen = c.gen;
            int resets = c.resets;
            sim.at(sim.now() + d, (ctx, arg) -> acked(c, m, gen, resets), 0);
            return;
        }
        acked(c, m, c.gen, c.resets);
    }

    /**
     * The PUBACK (or PUBCOMP) reached the broker: the delivery leaves the session if it is still the same one, and
     * the connection it travelled on was not reset meanwhile.
     */
    private void acked(MqttClient c, Msg m, int gen, int resets) {
        if (gen != c.gen || resets != c.resets || !c.unacked.contains(m) || broker.down) {
            return;
        }
        c.unacked.remove(m);
        g.lagChanged(-1);
        if (sim.tracing()) {
            sim.emit(new TraceEvent.Acked(sim.now(), ch.id(), g.name, -1, -1, m.id, m.correlationId));
        }
    }

    /**
     * A PUBLISH lost on its way to the client. QoS 0 is gone. At QoS 1/2 it stays unacknowledged in the session: the
     * broker does not re-send on a live connection (MQTT-4.4.0-1), only when the session resumes, with DUP. A client
     * that acknowledges on receipt never sent the PUBACK, so the broker keeps it too. Lost to a {@code partition}
     * the connection lives on until the broker notices the cut; lost to a {@code drop} it is reset ({@link #reset}),
     * and a clean session loses the message with it.
     */
    void deliveryLost(Member mem, Msg m) {
        MqttClient c = client(mem);
        boolean drop = c.connected && !c.cut();
        if (qos == 0 || m.tag != c.gen || !c.session) {
            // fire and forget, or its session is gone
            sim.lose(g, m, drop && qos == 0 ? "qos0" : "network");
        } else if (drop && !persistent) {
            if (c.unacked.remove(m)) {
                g.lagChanged(-1);
            }
            sim.lose(g, m, "cleanSession"); // the session ends with the connection, before it could re-send
        } else if (!tracked() && c.unacked.add(m)) {
            g.lagChanged(1);
        }
        if (drop) {
            reset(c);
        }
    }

    /**
     * A {@code drop} on the client's link, either way. A TCP connection never loses bytes inside it, so a lossy link
     * shows as a reset (what the live fault proxy does, docs/live.md): the connection ends at once, both ways.
     * Deliveries on their way to the client's buffer are lost with it (QoS 0: {@code qos0}; QoS 1/2: unacknowledged,
     * kept by a persistent session). The client goes on processing what it holds, but its acknowledgements go
     * nowhere; it connects again {@link #RESET_RECONNECT} later (again while the drop loses its CONNECT or CONNACK).
     * A persistent session then re-sends every unacknowledged delivery, at QoS 1 those the client still holds too
     * (it had not acknowledged them, so it processes the DUP copy again: a duplicate); a clean one was discarded
     * at the reset ({@code cleanSession}, as for a partition).
     */
    private void reset(MqttClient c) {
        if (!c.connected) {
            return;
        }
        for (Msg m : sim.takeTravellingTo(c.mem)) {
            if (m.duplicateCopy) {
                continue; // the extra copy of a duplicate fault: losing it changes nothing
            }
            if (qos == 0) {
                sim.lose(g, m, "qos0");
            } else if (!tracked() && c.unacked.add(m)) {
                g.lagChanged(1); // acknowledged on receipt, but never received
            }
        }
        c.reset = true;
        c.resets++;
        disconnected(c);
        startPolling(c, RESET_RECONNECT);
    }

    /** The broker notices that a live client's connection is gone (a partition): keep-alive timeout. */
    void lostConnection(MqttClient c) {
        disconnected(c);
        startPolling(c, RECONNECT);
    }

    private void disconnected(MqttClient c) {
        if (!c.connected) {
            return;
        }
        c.connected = false;
        if (!c.session) {
            return;
        }
        if (persistent) {
            sim.at(sim.now() + expiry, c.expiryEvent, ++c.expiryToken);
        } else {
            discard(c, "cleanSession");
        }
    }

    /** The client's instance crashed or was scaled in; {@code held} is what it was holding. */
    void down(Member mem, List<Msg> held) {
        MqttClient c = client(mem);
        for (Msg m : held) {
            if (!c.unacked.contains(m)) {
                sim.lose(g, m, qos == 0 ? "qos0" : "crash"); // QoS 0 or acknowledged on receipt
            }
        }
        stopPolling(c);
        c.reset = false; // it holds nothing any more
        disconnected(c);
        dispatch();
    }

    /** Drops the client's session: unacknowledged deliveries it no longer holds are lost with {@code cause}. */
    void discard(MqttClient c, String cause) {
        if (c.session) {
            c.session = false;
            liveSessions--;
        }
        c.gen++;
        c.expiryToken++;
        var held = c.held(sim);
        for (Msg m : c.unacked) {
            g.lagChanged(-1);
            if (!held.contains(m)) {
                sim.lose(g, m, cause);
            }
        }
        c.unacked.clear();
        if (liveSessions() == 0) {
            dropQueue(cause);
        }
    }

    void dropQueue(String cause) {
        while (!queue.isEmpty()) {
            Msg m = queue.pollFirst();
            ch.depthChanged(-1);
            g.lagChanged(-1);
            sim.lose(g, m, cause);
        }
    }

    /** Cancels the client's scheduled reconnect attempt, if any. */
    private static void stopPolling(MqttClient c) {
        c.pollToken++;
        c.polling = false;
    }

    private void startPolling(MqttClient c, long after) {
        if (!c.polling) {
            c.polling = true;
            sim.at(sim.now() + after, c.pollEvent, ++c.pollToken);
        }
    }

    private void poll(MqttClient c, long token) {
        if (token != c.pollToken) {
            return;
        }
        c.polling = false;
        if (c.connected || !c.mem.active()) {
            return;
        }
        connect(c);
    }

    /** The client (re)connects: resumes its session (re-sending unacknowledged messages with DUP) or starts one. */
    void connect(MqttClient c) {
        if (c.connected || !c.mem.active() || broker.down) {
            return;
        }
        if (c.cut()) {
            startPolling(c, RECONNECT);
            return;
        }
        if (c.reset && (c.ackLink.drops() || (c.mem.link != null && c.mem.link.drops()))) {
            startPolling(c, RESET_RECONNECT); // the CONNECT or its CONNACK was dropped: reset again
            return;
        }
        boolean afterReset = c.reset;
        c.reset = false;
        boolean firstSession = liveSessions() == 0;
        c.connected = true;
        c.expiryToken++;
        if (c.session) {
            resend(c, afterReset);
        } else {
            c.session = true;
            liveSessions++;
            c.gen++;
            if (firstSession) {
                retained(c);
            }
        }
        dispatch();
    }

    /**
     * Re-sends the session's unacknowledged messages with the DUP flag: those the client no longer holds, and after a
     * reset at QoS 1 those it still holds from the connection that was reset (it processes them again; its PUBACKs
     * of the old copies go nowhere). At QoS 2 the client knows a held message's packet id and takes no second copy.
     */
    private void resend(MqttClient c, boolean afterReset) {
        var held = c.held(sim);
        for (Msg m : new ArrayList<>(c.unacked)) {
            if (held.contains(m)) {
                if (afterReset && qos == 1 && tracked()) {
                    Msg again = m.copy();
                    again.redelivered = true;
                    again.deliveries = m.deliveries + 1;
                    again.tag = c.gen;
                    c.unacked.remove(m); // the old copy's PUBACK no longer matches anything
                    c.unacked.add(again);
                    push(c, again);
                }
                continue;
            }
            if (qos == 2 && g.states.get(m.id) == MsgState.PROCESSED) {
                // the client knows the packet id (PUBREC sent): PUBREL / PUBCOMP only, no second delivery
                c.unacked.remove(m);
                g.lagChanged(-1);
                continue;
            }
            m.redelivered = true;
            m.deliveries++;
            m.tag = c.gen;
            if (!tracked()) { // acknowledged on receipt this time
                c.unacked.remove(m);
                g.lagChanged(-1);
            }
            push(c, m);
        }
    }

    /** A new subscription (the group had no session): the topic's retained message is delivered at once. */
    private void retained(MqttClient c) {
        Msg r = broker.retained.get(ch);
        if (r == null) {
            return;
        }
        byte st = g.states.get(r.id);
        if (st == MsgState.PENDING) {
            return; // still on its way to the group
        }
        if (st == MsgState.NONE) {
            g.owe(r.id);
        } else if (MsgState.isLost(st)) {
            g.states.set(r.id, MsgState.PENDING); // received after all
        }
        Msg copy = r.copy();
        copy.channel = ch;
        hand(c, copy);
    }

    /** Broker crash: in-memory sessions, queues and in-flight state are gone; clients keep what they hold. */
    void brokerCrashed() {
        dropQueue("crash");
        for (MqttClient c : clients) {
            c.connected = false;
            stopPolling(c);
            discard(c, "crash"); // (its dropQueue finds the queue empty)
        }
    }
}
