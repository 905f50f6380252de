package io.eventflow.simulator.broker.internal;

import io.eventflow.simulator.broker.BrokerKindProvider;
import io.eventflow.simulator.broker.BrokerRuntime;
import io.eventflow.simulator.internal.ChannelRt;
import io.eventflow.simulator.internal.GroupRt;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.MsgState;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.World;
import io.eventflow.simulator.internal.Worker;
import io.eventflow.simulator.kernel.Event;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * RabbitMQ-like semantics: each channel is an exchange (direct, topic or fanout); each subscribing group gets a
 * durable queue bound with its binding key. One broker node: a crash makes it unavailable, closes every consumer
 * channel (unacked deliveries are requeued as redelivered) and keeps the queued messages.
 */
public final class AmqpBroker implements BrokerRuntime {
    public static final BrokerKindProvider PROVIDER = new BrokerKindProvider() {
        @Override
        public String kind() {
            return "amqp";
        }

        @Override
        public BrokerRuntime create(Plan.Broker broker, World world) {
            return new AmqpBroker(broker, world);
        }
    };

    final Plan.Broker spec;
    final World world;
    final List<AmqpQueue> queues = new ArrayList<>();
    private final Map<ChannelRt, List<AmqpQueue>> bindings = new HashMap<>();
    boolean down;
    int connection;
    final Event expiry = (ctx, arg) -> queues.get((int) arg).expiryTimer();

    AmqpBroker(Plan.Broker spec, World world) {
        this.spec = spec;
        this.world = world;
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public void attachChannel(ChannelRt ch) {
        bindings.put(ch, new ArrayList<>());
    }

    @Override
    public void attachGroup(GroupRt g) {
        String key = g.spec.bindingKey() != null ? g.spec.bindingKey() : g.channel.spec.routingKey();
        AmqpQueue q = new AmqpQueue(this, g, queues.size(), key);
        queues.add(q);
        bindings.get(g.channel).add(q);
        g.data = q;
        for (Member m : g.members) {
            q.offerCredit(m);
        }
    }

    private static AmqpQueue queue(GroupRt g) {
        return (AmqpQueue) g.data;
    }

    boolean routes(ChannelRt ch, AmqpQueue q, String routingKey) {
        String type = ch.spec.exchangeType() == null ? "direct" : ch.spec.exchangeType();
        if (type.equals("fanout") || q.bindingKey == null || routingKey == null) {
            return true;
        }
        if (type.equals("topic")) {
            return TopicMatcher.matches(q.bindingKey, routingKey);
        }
        return q.bindingKey.equals(routingKey);
    }

    @Override
    public void targetGroups(Msg msg, Consumer<GroupRt> out) {
        List<AmqpQueue> qs = bindings.get(msg.channel);
        for (int i = 0; i < qs.size(); i++) {
            AmqpQueue q = qs.get(i);
            if (routes(msg.channel, q, msg.routingKey)) {
                out.accept(q.g);
            }
        }
    }

    @Override
    public StoreResult store(Msg m) {
        if (down) {
            return StoreResult.UNAVAILABLE;
        }
        List<AmqpQueue> qs = bindings.get(m.channel);
        int routed = 0;
        int rejected = 0;
        boolean first = m.storedAt == 0 && m.deliveries == 0 && !m.redelivered;
        m.storedAt = world.now();
        for (int i = 0; i < qs.size(); i++) {
            AmqpQueue q = qs.get(i);
            if (!routes(m.channel, q, m.routingKey)) {
                continue;
            }
            routed++;
            Msg copy = (routed == 1 && first) ? m : m.copy();
            if (world.tracing) {
                world.emit(new TraceEvent.Stored(world.now(), m.channel.id(), q.g.name, -1, -1, m.id,
                        m.correlationId));
            }
            if (!q.enqueue(copy)) {
                rejected++;
                if (qs.size() > 1) {
                    world.lose(q.g, copy, "overflow");
                }
            }
        }
        if (routed == 0 && world.tracing) {
            world.emit(new TraceEvent.Dropped(world.now(), m.channel.id(), "", -1, -1, m.id, m.correlationId,
                    "unroutable"));
        }
        return rejected > 0 && rejected == routed && qs.size() == 1 ? StoreResult.REJECTED_OVERFLOW : StoreResult.STORED;
    }

    @Override
    public void pull(Member mem) {
        AmqpQueue q = queue(mem.group);
        q.offerCredit(mem);
        q.dispatch();
    }

    @Override
    public void settled(Member mem, Worker w, Msg m) {
        queue(mem.group).settled(mem, m);
    }

    @Override
    public boolean retriesInPlace() {
        return false;
    }

    @Override
    public void requeue(Member mem, Msg m) {
        AmqpQueue q = queue(mem.group);
        if (q.autoAck() || m.tag != connection) {
            if (q.autoAck()) {
                q.requeue(mem, m, false); // the consumer republishes it itself
                q.g.lagChanged(1);
            }
            q.dispatch();
            return;
        }
        q.requeue(mem, m, true);
        q.dispatch();
    }

    @Override
    public void memberDown(Member mem, List<Msg> held, boolean crash) {
        AmqpQueue q = queue(mem.group);
        q.ring.remove(mem);
        mem.inRing = false;
        for (Msg m : held) {
            if (q.autoAck()) {
                world.lose(q.g, m, "crash");
            } else if (m.tag == connection) {
                q.requeue(mem, m, true);
            }
        }
        mem.unacked = 0;
        q.dispatch();
    }

    @Override
    public void memberUp(Member mem) {
        AmqpQueue q = queue(mem.group);
        q.offerCredit(mem);
        q.dispatch();
    }

    @Override
    public void node(int node, boolean up) {
        if (node != 0) {
            throw new IllegalArgumentException("amqp broker " + id() + " has one node: 0");
        }
        if (!up) {
            down = true;
            for (AmqpQueue q : queues) {
                closeChannels(q);
            }
            connection++;
        } else {
            down = false;
            for (AmqpQueue q : queues) {
                for (Member m : q.g.members) {
                    q.offerCredit(m);
                }
                q.dispatch();
            }
        }
    }

    /** Connections drop: unacked deliveries go back to their queue; prefetched ones are discarded by clients. */
    private void closeChannels(AmqpQueue q) {
        for (Member m : q.g.members) {
            for (Msg b : m.buffer) {
                if (!b.duplicateCopy && !q.autoAck()) {
                    q.requeue(m, b, false);
                } else if (!b.duplicateCopy) {
                    continue; // auto-acked: the client still has it and processes it
                }
            }
            if (!q.autoAck()) {
                m.buffer.removeIf(b -> !b.duplicateCopy);
                for (Worker w : m.workers) {
                    if (w.msg != null && !w.msg.duplicateCopy && w.msg.tag == connection) {
                        Msg again = w.msg.copy();
                        again.failures = w.msg.failures;
                        q.requeue(m, again, false);
                    }
                }
            }
            m.unacked = 0;
            m.inRing = false;
        }
        q.ring.clear();
    }

    @Override
    public List<Msg> drain(ChannelRt ch) {
        List<Msg> out = new ArrayList<>();
        for (AmqpQueue q : bindings.get(ch)) {
            while (!q.ready.isEmpty()) {
                Msg m = q.ready.pollFirst();
                ch.depthChanged(-1);
                q.g.lagChanged(-1);
                if (q.g.states.get(m.id) == MsgState.PENDING) {
                    q.g.states.set(m.id, MsgState.NONE); // moved away: no longer owed to the dead-letter queue
                    q.g.owed--;
                }
                out.add(m);
            }
        }
        return out;
    }

    @Override
    public void collectHeld(GroupRt g, BitSet out) {
        for (Msg m : queue(g).ready) {
            out.set((int) m.id);
        }
    }

    @Override
    public long[] depths(ChannelRt ch) {
        List<AmqpQueue> qs = bindings.get(ch);
        long[] d = new long[qs.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = qs.get(i).ready.size();
        }
        return d;
    }

    void trace(TraceEvent e) {
        world.emit(e);
    }
}
