package io.eventflow.simulator.broker.internal;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Publication;
import io.eventflow.simulator.internal.BrokerContext;
import io.eventflow.simulator.internal.BrokerKindProvider;
import io.eventflow.simulator.internal.BrokerRuntime;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.Producer;
import io.eventflow.simulator.internal.SimChannel;
import io.eventflow.simulator.internal.SimGroup;
import io.eventflow.simulator.internal.Worker;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mosquitto-like MQTT semantics (3.1.1 / 5). A channel is a topic; each subscribing group is a shared subscription
 * ({@code $share/group/topic}) whose clients are the group's instances, so the group gets each message once. The
 * granted QoS is min(channel {@code qos}, subscription {@code qos}). Sessions, queues, in-flight state and retained
 * messages live in memory on one node: a broker crash loses them (see docs/simulator.md, "MQTT").
 */
public final class MqttBroker implements BrokerRuntime {
    public static final BrokerKindProvider PROVIDER = new BrokerKindProvider() {
        @Override
        public BrokerKind kind() {
            return BrokerKind.MQTT;
        }

        @Override
        public BrokerRuntime create(Plan.Broker broker, BrokerContext sim) {
            return new MqttBroker(broker, sim);
        }
    };

    final Plan.Broker spec;
    final BrokerContext sim;
    final List<MqttSession> sessions = new ArrayList<>();
    /** The last message published with the retain flag, per topic. */
    final Map<SimChannel, Msg> retained = new HashMap<>();

    boolean down;

    MqttBroker(Plan.Broker spec, BrokerContext sim) {
        this.spec = spec;
        this.sim = sim;
    }

    @Override
    public String id() {
        return spec.id();
    }

    /** The QoS publishers use on {@code ch} (0 when the design does not say). */
    int publisherQos(SimChannel ch) {
        return ch.spec.source() == null ? 0 : MqttTopic.of(ch.spec.source()).qosOrDefault();
    }

    /** QoS 0 has no PUBACK: the publisher never learns that a publish was lost, so it never retries. */
    @Override
    public boolean confirmsPublish(SimChannel ch) {
        return publisherQos(ch) > 0;
    }

    private static boolean retainFlag(SimChannel ch) {
        return ch.spec.source() != null
                && Boolean.TRUE.equals(MqttTopic.of(ch.spec.source()).retained());
    }

    @Override
    public void attachChannel(SimChannel ch) {
        // a topic holds nothing itself: the subscriptions (sessions) queue
    }

    @Override
    public void attachGroup(SimGroup g) {
        MqttSession s = new MqttSession(this, g);
        g.data = s;
        sessions.add(s);
        for (Member m : g.members) {
            s.client(m);
        }
    }

    @Override
    public void start() {
        for (MqttSession s : sessions) {
            for (MqttClient c : s.clients) {
                s.connect(c);
            }
        }
    }

    private static MqttSession session(SimGroup g) {
        return (MqttSession) g.data;
    }

    @Override
    public List<SimGroup> targetGroups(Msg msg) {
        return msg.channel.groups;
    }

    @Override
    public StoreResult store(Msg m) {
        SimChannel ch = m.channel;
        if (down) {
            if (m.direct) {
                sim.lose(m, "crash", id()); // a dead-lettered or re-driven copy has no publisher to retry it
                return StoreResult.STORED;
            }
            if (publisherQos(ch) == 0) {
                sim.lose(m, "qos0", id()); // fire and forget: the publisher never learns
                return StoreResult.STORED;
            }
            return StoreResult.UNAVAILABLE;
        }
        m.storedAt = Math.max(1, sim.now());
        if (retainFlag(ch)) {
            retained.put(ch, m.copy());
        }
        List<SimGroup> gs = ch.groups;
        for (int i = 0; i < gs.size(); i++) {
            session(gs.get(i)).offer(i == 0 ? m : m.copy());
        }
        return StoreResult.STORED;
    }

    @Override
    public void pull(Member mem) {
        MqttSession s = session(mem.group);
        s.client(mem);
        s.dispatch();
    }

    @Override
    public void settled(Member mem, Worker w, Msg m) {
        session(mem.group).settled(mem, m);
    }

    @Override
    public long deliveryLost(Member mem, Msg m) {
        session(mem.group).deliveryLost(mem, m);
        return TAKEN_BACK;
    }

    @Override
    public void memberDown(Member mem, List<Msg> held, boolean crash) {
        session(mem.group).down(mem, held);
    }

    @Override
    public void memberUp(Member mem) {
        MqttSession s = session(mem.group);
        s.connect(s.client(mem));
    }

    /**
     * A dropped publish resets the publisher's connection, as for subscribers ({@link MqttSession#reset}): it
     * connects again {@link MqttSession#RESET_RECONNECT} later, and its sends fail meanwhile (retried per the
     * producer's {@code retry}, else lost {@code network}; at QoS 0 {@code qos0}, as every failed QoS 0 send here).
     */
    @Override
    public void publishDropped(Producer p) {
        p.offlineUntil = sim.now() + MqttSession.RESET_RECONNECT;
    }

    /** An instance that crashed has its last will published by the broker (not on a clean scale-in). */
    @Override
    public void publisherDown(Producer p, boolean crash) {
        Publication src = p.spec.source();
        if (!crash || down || src == null || !src.isWill()) {
            return;
        }
        Msg m = sim.newMessage(p, -1, -1);
        sim.tamperOn(m.channel, m);
        for (SimGroup g : targetGroups(m)) {
            g.owe(m.id);
        }
        if (sim.tracing()) {
            sim.emit(new TraceEvent.Published(sim.now(), id(), "", -1, -1, m.id, m.correlationId));
        }
        store(m);
    }

    @Override
    public void node(int node, boolean up) {
        if (node != 0) {
            throw new IllegalArgumentException("mqtt broker " + id() + " is simulated as one node: 0");
        }
        if (!up) {
            down = true;
            retained.clear();
            for (MqttSession s : sessions) {
                s.brokerCrashed();
            }
        } else {
            down = false;
            for (MqttSession s : sessions) {
                for (MqttClient c : s.clients) {
                    s.connect(c);
                }
            }
        }
    }

    @Override
    public List<Msg> drain(SimChannel ch) {
        Map<Long, Msg> out = new java.util.LinkedHashMap<>();
        for (SimGroup g : ch.groups) {
            MqttSession s = session(g);
            while (!s.queue.isEmpty()) {
                Msg m = s.queue.pollFirst();
                ch.depthChanged(-1);
                g.lagChanged(-1);
                g.disown(m.id); // moved away: no longer owed here
                out.putIfAbsent(m.id, m);
            }
        }
        return new ArrayList<>(out.values());
    }

    @Override
    public void collectHeld(SimGroup g, BitSet out) {
        MqttSession s = session(g);
        for (Msg m : s.queue) {
            out.set((int) m.id);
        }
        for (MqttClient c : s.clients) {
            for (Msg m : c.unacked) {
                out.set((int) m.id);
            }
        }
    }

    @Override
    public long[] depths(SimChannel ch) {
        long n = 0;
        for (SimGroup g : ch.groups) {
            n += session(g).queue.size();
        }
        return new long[] {n};
    }
}
