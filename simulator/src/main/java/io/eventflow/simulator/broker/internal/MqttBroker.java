package io.eventflow.simulator.broker.internal;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.MqttTopic;
import io.eventflow.model.design.Publication;
import io.eventflow.simulator.broker.BrokerKindProvider;
import io.eventflow.simulator.broker.BrokerRuntime;
import io.eventflow.simulator.internal.ChannelRt;
import io.eventflow.simulator.internal.GroupRt;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.Producer;
import io.eventflow.simulator.internal.Worker;
import io.eventflow.simulator.internal.World;
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
        public BrokerRuntime create(Plan.Broker broker, World world) {
            return new MqttBroker(broker, world);
        }
    };

    final Plan.Broker spec;
    final World world;
    final List<MqttSession> sessions = new ArrayList<>();
    /** The last message published with the retain flag, per topic. */
    final Map<ChannelRt, Msg> retained = new HashMap<>();

    boolean down;

    MqttBroker(Plan.Broker spec, World world) {
        this.spec = spec;
        this.world = world;
    }

    @Override
    public String id() {
        return spec.id();
    }

    /** The QoS publishers use on {@code ch} (0 when the design does not say). */
    int publisherQos(ChannelRt ch) {
        return ch.spec.source() == null ? 0 : MqttTopic.of(ch.spec.source()).qosOrDefault();
    }

    /** QoS 0 has no PUBACK: the publisher never learns that a publish was lost, so it never retries. */
    @Override
    public boolean confirmsPublish(ChannelRt ch) {
        return publisherQos(ch) > 0;
    }

    private static boolean retainFlag(ChannelRt ch) {
        return ch.spec.source() != null
                && Boolean.TRUE.equals(MqttTopic.of(ch.spec.source()).retained());
    }

    @Override
    public void attachChannel(ChannelRt ch) {
        // a topic holds nothing itself: the subscriptions (sessions) queue
    }

    @Override
    public void attachGroup(GroupRt g) {
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

    private static MqttSession session(GroupRt g) {
        return (MqttSession) g.data;
    }

    @Override
    public List<GroupRt> targetGroups(Msg msg) {
        return msg.channel.groups;
    }

    @Override
    public StoreResult store(Msg m) {
        ChannelRt ch = m.channel;
        if (down) {
            if (m.direct) {
                world.lose(m, "crash", id()); // a dead-lettered or re-driven copy has no publisher to retry it
                return StoreResult.STORED;
            }
            if (publisherQos(ch) == 0) {
                world.lose(m, "qos0", id()); // fire and forget: the publisher never learns
                return StoreResult.STORED;
            }
            return StoreResult.UNAVAILABLE;
        }
        m.storedAt = Math.max(1, world.now());
        if (retainFlag(ch)) {
            retained.put(ch, m.copy());
        }
        List<GroupRt> gs = ch.groups;
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

    /** An instance that crashed has its last will published by the broker (not on a clean scale-in). */
    @Override
    public void publisherDown(Producer p, boolean crash) {
        Publication src = p.spec.source();
        if (!crash || down || src == null || !src.isWill()) {
            return;
        }
        Msg m = world.newMessage(p, -1, -1);
        for (GroupRt g : targetGroups(m)) {
            g.owe(m.id);
        }
        if (world.tracing) {
            world.emit(new TraceEvent.Published(world.now(), id(), "", -1, -1, m.id, m.correlationId));
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
    public List<Msg> drain(ChannelRt ch) {
        Map<Long, Msg> out = new java.util.LinkedHashMap<>();
        for (GroupRt g : ch.groups) {
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
    public void collectHeld(GroupRt g, BitSet out) {
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
    public long[] depths(ChannelRt ch) {
        long n = 0;
        for (GroupRt g : ch.groups) {
            n += session(g).queue.size();
        }
        return new long[] {n};
    }
}
