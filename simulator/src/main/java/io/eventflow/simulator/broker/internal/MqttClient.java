package io.eventflow.simulator.broker.internal;

import io.eventflow.simulator.internal.BrokerContext;
import io.eventflow.simulator.internal.Link;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.kernel.Event;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One MQTT client: a member (an instance's membership in a group) and the broker's view of its connection and
 * session. The session outlives the connection when the subscription has a session expiry.
 */
final class MqttClient {
    final Member mem;
    /** Client → broker: where PUBACK / PUBCOMP travel. */
    final Link ackLink;

    boolean connected;
    /** True while the broker holds a session for the client (connected, or away within its expiry). */
    boolean session;
    /** Session generation: deliveries of an older session are acknowledged into the void. */
    int gen;
    /** Bumped to cancel a scheduled session expiry. */
    long expiryToken;
    /** Bumped to cancel a scheduled reconnect attempt. */
    long pollToken;

    boolean polling;
    /**
     * True from a reset of the connection (a {@code drop} on its link) until the client is connected again: then the
     * broker re-sends, with a resumed session, the QoS 1 deliveries the client still holds too (see
     * {@link MqttSession#reset}).
     */
    boolean reset;
    /** Bumped on each reset: an acknowledgement on its way when the connection was reset never arrives. */
    int resets;
    /** QoS 1/2 deliveries not yet acknowledged (PUBACK, or PUBREC..PUBCOMP), in delivery order. */
    final LinkedHashSet<Msg> unacked = new LinkedHashSet<>();

    Event expiryEvent;
    Event pollEvent;

    MqttClient(Member mem, Link ackLink) {
        this.mem = mem;
        this.ackLink = ackLink;
    }

    /** The network between broker and client is cut (a partition) in either direction. */
    boolean cut() {
        return (mem.link != null && mem.link.partitioned) || ackLink.partitioned;
    }

    /** What the client itself still holds: being processed, in its buffer or on the way to it (by identity). */
    Set<Msg> held(BrokerContext sim) {
        Set<Msg> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (var w : mem.workers) {
            if (w.msg != null) {
                out.add(w.msg);
            }
        }
        out.addAll(mem.buffer);
        out.addAll(sim.travellingTo(mem));
        return out;
    }
}
