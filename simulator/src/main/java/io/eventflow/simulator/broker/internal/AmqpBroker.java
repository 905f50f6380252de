package io.eventflow.simulator.broker.internal;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.simulator.internal.BrokerContext;
import io.eventflow.simulator.internal.BrokerKindProvider;
import io.eventflow.simulator.internal.BrokerRuntime;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.SimChannel;
import io.eventflow.simulator.internal.SimGroup;
import io.eventflow.simulator.internal.Worker;
import io.eventflow.simulator.kernel.Event;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RabbitMQ-like semantics. Each channel is a durable queue bound to an exchange (direct, topic or fanout; the
 * default exchange routes by queue name). All subscriptions of a channel compete for its queue. One node: a crash
 * makes the broker unavailable, closes every consumer channel (unacked deliveries are requeued as redelivered) and
 * keeps the queued messages.
 */
public final class AmqpBroker implements BrokerRuntime, BrokerRuntime.Requeues {
    public static final BrokerKindProvider PROVIDER = new BrokerKindProvider() {
        @Override
        public BrokerKind kind() {
            return BrokerKind.AMQP;
        }

        @Override
        public BrokerRuntime create(Plan.Broker broker, BrokerContext sim) {
            return new AmqpBroker(broker, sim);
        }
    };

    final Plan.Broker spec;
    final BrokerContext sim;
    final List<AmqpQueue> queues = new ArrayList<>();
    private final Map<String, List<AmqpQueue>> exchanges = new HashMap<>();
    /**
     * RabbitMQ's default heartbeat timeout: frames go every 30 s and the peer is declared unreachable after two missed,
     * so a connection that stopped carrying traffic is closed 60 s after.
     */
    static final long HEARTBEAT_TIMEOUT = 60_000_000_000L;

    boolean down;
    int connection;
    /** Last queue position handed out ({@link Msg#queueSeq}). */
    long queueSeq;
    /** How long after a lost delivery or ack the broker declares the consumer's connection dead and requeues it. */
    long deadConnectionAfter = HEARTBEAT_TIMEOUT;

    final Event expiry = (ctx, arg) -> queues.get((int) arg).expiryTimer();

    AmqpBroker(Plan.Broker spec, BrokerContext sim) {
        this.spec = spec;
        this.sim = sim;
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public boolean oneQueuePerChannel(SimChannel channel) {
        return true;
    }

    /** The channel's routing key, else its address. */
    @Override
    public String defaultRoutingKey(SimChannel ch) {
        String key = AmqpQueue.settings(ch).routingKey();
        return key != null ? key : ch.spec.source().effectiveAddress();
    }

    @Override
    public void attachChannel(SimChannel ch) {
        List<String> bindings = AmqpQueue.settings(ch).bindings();
        List<String> keys = bindings != null && !bindings.isEmpty() ? bindings : List.of(defaultRoutingKey(ch));
        AmqpQueue q = addQueue(ch, keys);
        ch.data = q;
        if (q.exchange != null) {
            exchanges.computeIfAbsent(q.exchange, k -> new ArrayList<>()).add(q);
        }
    }

    /** A new queue of {@code ch} (its settings: TTL, max length, overflow), not yet consumed. */
    AmqpQueue addQueue(SimChannel ch, List<String> keys) {
        AmqpQueue q = new AmqpQueue(this, ch, queues.size(), keys);
        queues.add(q);
        return q;
    }

    @Override
    public void attachGroup(SimGroup g) {
        consume((AmqpQueue) g.channel.data, g);
    }

    /** Makes {@code g} the consumer of {@code q}. */
    void consume(AmqpQueue q, SimGroup g) {
        q.consumedBy(g);
        q.groupList = List.of(g);
        g.data = q;
        for (Member m : g.members) {
            q.offerCredit(m);
        }
    }

    private static AmqpQueue queue(SimGroup g) {
        return (AmqpQueue) g.data;
    }

    /** The queues a message published on {@code ch} with {@code routingKey} reaches (cached per key). */
    private List<AmqpQueue> route(SimChannel ch, String routingKey) {
        AmqpQueue own = (AmqpQueue) ch.data;
        if (own.exchange == null) {
            return own.self;
        }
        if (routingKey != null && routingKey.equals(own.lastKey)) {
            return own.lastRoute;
        }
        String type = own.exchangeType;
        List<AmqpQueue> out = new ArrayList<>();
        for (AmqpQueue q : exchanges.get(own.exchange)) {
            if (matches(type, q, routingKey)) {
                out.add(q);
            }
        }
        own.lastKey = routingKey;
        own.lastRoute = List.copyOf(out);
        return own.lastRoute;
    }

    private static boolean matches(String type, AmqpQueue q, String routingKey) {
        if (type.equals("fanout") || type.equals("headers") || routingKey == null) {
            return true;
        }
        for (String b : q.bindingKeys) {
            if (b == null || (type.equals("topic") ? TopicMatcher.matches(b, routingKey) : b.equals(routingKey))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<SimGroup> targetGroups(Msg msg) {
        AmqpQueue own = (AmqpQueue) msg.origin.data;
        if (msg.direct || !own.routed) {
            return own.groupList; // its own queue only
        }
        List<AmqpQueue> qs = route(msg.origin, msg.routingKey);
        if (qs.size() == 1) {
            return qs.get(0).groupList;
        }
        List<SimGroup> out = new ArrayList<>(qs.size());
        for (AmqpQueue q : qs) {
            if (q.g != null) {
                out.add(q.g);
            }
        }
        return out;
    }

    @Override
    public StoreResult store(Msg m) {
        if (down) {
            return StoreResult.UNAVAILABLE;
        }
        SimChannel origin = m.origin;
        boolean first = m.storedAt == 0 && m.deliveries == 0;
        m.storedAt = Math.max(1, sim.now());
        AmqpQueue own = (AmqpQueue) origin.data;
        if (m.direct || !own.routed) { // its own queue only (enqueue() written out: the per-message path)
            Msg copy = first ? m : m.copy();
            if (sim.tracing()) {
                traceStored(own, m);
            }
            if (!own.enqueue(copy) && own.g != null) {
                sim.lose(own.g, copy, "overflow");
            }
            return StoreResult.STORED;
        }
        List<AmqpQueue> qs = route(origin, m.routingKey);
        boolean tampered = m.tampered;
        for (int i = 0; i < qs.size(); i++) {
            AmqpQueue q = qs.get(i);
            Msg copy = (i == 0 && first) ? m : m.copy();
            // a tamper fault on a bound queue alters its copy only (one on the channel published to: every copy)
            copy.tampered = tampered;
            if (q.ch != origin) {
                sim.tamperOn(q.ch, copy);
            }
            enqueue(q, copy, m);
        }
        if (qs.isEmpty() && sim.tracing()) {
            sim.emit(new TraceEvent.Dropped(sim.now(), origin.id(), "", -1, -1, m.id, m.correlationId, "unroutable"));
        }
        return StoreResult.STORED;
    }

    /** Puts {@code copy} (of {@code m}) in {@code q}; lost as overflow when max-length rejects it. */
    void enqueue(AmqpQueue q, Msg copy, Msg m) {
        if (sim.tracing()) {
            traceStored(q, m);
        }
        if (!q.enqueue(copy) && q.g != null) {
            sim.lose(q.g, copy, "overflow");
        }
    }

    private void traceStored(AmqpQueue q, Msg m) {
        sim.emit(new TraceEvent.Stored(
                sim.now(), q.ch.id(), q.g == null ? "" : q.g.name, -1, -1, m.id, m.correlationId));
    }

    @Override
    public void pull(Member mem) {
        queue(mem.group).pull(mem);
    }

    @Override
    public void settled(Member mem, Worker w, Msg m) {
        queue(mem.group).settled(mem, m);
    }

    @Override
    public void requeue(Member mem, Msg m) {
        AmqpQueue q = queue(mem.group);
        if (q.autoAck()) {
            q.requeue(mem, m, false); // auto-ack: the consumer republishes the message itself
            q.g.lagChanged(1);
        } else if (m.tag == connection) {
            q.requeue(mem, m, true);
        }
        q.dispatch();
    }

    /**
     * Auto-ack: the message left the queue when it was delivered, so it is lost. Otherwise it stays unacknowledged until
     * the broker declares the connection dead, then it is requeued (see {@link AmqpQueue#deliveryLost}).
     */
    @Override
    public long deliveryLost(Member mem, Msg m) {
        AmqpQueue q = queue(mem.group);
        if (q.autoAck()) {
            sim.lose(q.g, m, "network");
        } else if (m.tag == connection) {
            q.deliveryLost(mem, m);
        } // else: delivered on a connection the broker crash closed; it was requeued then
        return TAKEN_BACK;
    }

    /**
     * The connection closes: what the consumer held and its stalled deliveries go back to the queue in their original
     * order ("placed to its original position in its queue, if possible"), flagged redelivered.
     */
    @Override
    public void memberDown(Member mem, List<Msg> held, boolean crash) {
        AmqpQueue q = queue(mem.group);
        q.ring.remove(mem.indexInGroup);
        mem.inRing = false;
        List<Msg> back = new ArrayList<>();
        for (Msg m : held) {
            if (q.autoAck()) {
                sim.lose(q.g, m, "crash");
            } else if (m.tag == connection) {
                back.add(m);
            }
        }
        back.addAll(q.closeStalled(mem, true));
        requeueInOrder(q, mem, back, true);
        mem.unacked = 0;
        q.dispatch();
    }

    /** Puts {@code back} at the head of {@code q} in queue order (the oldest first). */
    private static void requeueInOrder(AmqpQueue q, Member mem, List<Msg> back, boolean countAck) {
        back.sort((a, b) -> Long.compare(a.queueSeq, b.queueSeq));
        for (int i = back.size() - 1; i >= 0; i--) {
            q.requeue(mem, back.get(i), countAck);
        }
    }

    @Override
    public void memberUp(Member mem) {
        pull(mem);
    }

    @Override
    public void node(int node, boolean up) {
        if (node != 0) {
            throw new IllegalArgumentException("amqp broker " + id() + " is simulated as one node: 0");
        }
        if (!up) {
            down = true;
            for (AmqpQueue q : queues) {
                if (q.g != null) {
                    closeChannels(q);
                }
            }
            connection++;
        } else {
            down = false;
            for (AmqpQueue q : queues) {
                if (q.g != null) {
                    for (Member m : q.g.members) {
                        q.offerCredit(m);
                    }
                    q.dispatch();
                }
            }
        }
    }

    /** Connections drop: unacked deliveries go back to the queue; clients discard what they had prefetched. */
    private void closeChannels(AmqpQueue q) {
        for (Member m : q.g.members) {
            if (!q.autoAck()) {
                List<Msg> back = new ArrayList<>();
                for (Worker w : m.workers) {
                    if (w.msg != null && !w.msg.duplicateCopy && w.msg.tag == connection) {
                        Msg again = w.msg.copy();
                        again.failures = w.msg.failures;
                        back.add(again);
                    }
                }
                for (Msg b : m.buffer) {
                    if (!b.duplicateCopy && b.tag == connection) {
                        back.add(b);
                    }
                }
                m.dropBuffered(b -> !b.duplicateCopy);
                for (Msg b : sim.takeTravellingTo(m)) {
                    if (!b.duplicateCopy) {
                        back.add(b);
                    }
                }
                back.addAll(q.closeStalled(m, false)); // acks still on the wire reach a broker that is down
                requeueInOrder(q, m, back, false);
            }
            m.unacked = 0;
            m.inRing = false;
        }
        q.ring.clear();
    }

    @Override
    public List<Msg> drain(SimChannel ch) {
        return drain((AmqpQueue) ch.data);
    }

    /** Removes and returns what {@code q} holds ready; no longer owed to its group. */
    List<Msg> drain(AmqpQueue q) {
        SimChannel ch = q.ch;
        List<Msg> out = new ArrayList<>();
        while (!q.ready.isEmpty()) {
            Msg m = q.ready.pollFirst();
            ch.depthChanged(-1);
            if (q.g != null) {
                q.g.lagChanged(-1);
                q.g.disown(m.id); // moved away: no longer owed to the dead-letter queue
            }
            out.add(m);
        }
        return out;
    }

    @Override
    public void collectHeld(SimGroup g, BitSet out) {
        for (Msg m : queue(g).ready) {
            out.set((int) m.id);
        }
        for (AmqpQueue.Stalled s : queue(g).stalled) {
            out.set((int) s.msg.id);
        }
    }

    @Override
    public long[] depths(SimChannel ch) {
        return new long[] {((AmqpQueue) ch.data).ready.size()};
    }

    void trace(TraceEvent e) {
        sim.emit(e);
    }
}
