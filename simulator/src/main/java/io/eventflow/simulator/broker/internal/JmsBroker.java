package io.eventflow.simulator.broker.internal;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.simulator.internal.BrokerContext;
import io.eventflow.simulator.internal.BrokerKindProvider;
import io.eventflow.simulator.internal.BrokerRuntime;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.SimChannel;
import io.eventflow.simulator.internal.SimGroup;
import io.eventflow.simulator.internal.Worker;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * JMS/ActiveMQ. A queue ({@code destination: queue}) is run by an {@link AmqpBroker} core: competing consumers,
 * prefetch, ack modes, requeue with JMSRedelivered on a crash, TTL, max length and dead-lettering. A topic
 * ({@code destination: topic}) gives every subscribing group its own subscription, one queue of the same core, which
 * the group's instances share (a JMS 2.0 shared subscription). A durable subscription ({@code durable: true}) lives
 * from the start and keeps messages while all its instances are away; a non-durable one exists only while one of
 * its instances is connected: what is published meanwhile is lost for it ({@code notSubscribed}), and when its last
 * instance goes, what it held goes too (crash: at-least-once deliveries are not redelivered to anyone). One node: a
 * crash drops every connection, and with them every non-durable subscription; queues and durable subscriptions keep
 * their (persistent) messages.
 */
public final class JmsBroker implements BrokerRuntime, BrokerRuntime.Requeues {
    public static final BrokerKindProvider PROVIDER = new BrokerKindProvider() {
        @Override
        public BrokerKind kind() {
            return BrokerKind.JMS;
        }

        @Override
        public BrokerRuntime create(Plan.Broker broker, BrokerContext sim) {
            return new JmsBroker(broker, sim);
        }
    };

    private final Plan.Broker spec;
    private final BrokerContext sim;
    private final AmqpBroker core;
    private final List<JmsTopic> topics = new ArrayList<>();

    /** A topic channel and its subscriptions. */
    static final class JmsTopic {
        final SimChannel ch;
        final List<Subscription> subs = new ArrayList<>();

        JmsTopic(SimChannel ch) {
            this.ch = ch;
        }
    }

    /** One subscribing group's subscription: a queue of the core. */
    record Subscription(SimGroup g, AmqpQueue q, boolean durable) {
        /** True while the subscription exists: always when durable, else while an instance is connected. */
        boolean exists() {
            if (durable) {
                return true;
            }
            for (Member m : g.members) {
                if (m.active()) {
                    return true;
                }
            }
            return false;
        }
    }

    JmsBroker(Plan.Broker spec, BrokerContext sim) {
        this.spec = spec;
        this.sim = sim;
        this.core = new AmqpBroker(spec, sim);
        core.deadConnectionAfter = INACTIVITY_TIMEOUT;
    }

    /** ActiveMQ's inactivity monitor ({@code maxInactivityDuration}, default 30 s) closes a silent connection. */
    static final long INACTIVITY_TIMEOUT = 30_000_000_000L;

    @Override
    public String id() {
        return spec.id();
    }

    static boolean isTopic(SimChannel ch) {
        return ch.spec.source() != null && JmsDestination.of(ch.spec.source()).isTopic();
    }

    /** A queue routes as its core does. */
    @Override
    public String defaultRoutingKey(SimChannel ch) {
        return core.defaultRoutingKey(ch);
    }

    @Override
    public boolean oneQueuePerChannel(SimChannel ch) {
        return !isTopic(ch);
    }

    @Override
    public void attachChannel(SimChannel ch) {
        if (isTopic(ch)) {
            JmsTopic t = new JmsTopic(ch);
            topics.add(t);
            ch.data = t;
        } else {
            core.attachChannel(ch);
        }
    }

    @Override
    public void attachGroup(SimGroup g) {
        if (!(g.channel.data instanceof JmsTopic t)) {
            core.attachGroup(g);
            return;
        }
        AmqpQueue q = core.addQueue(g.channel, List.of());
        boolean durable = g.spec.source() != null && g.spec.source().isDurable();
        t.subs.add(new Subscription(g, q, durable));
        core.consume(q, g);
    }

    @Override
    public List<SimGroup> targetGroups(Msg msg) {
        return msg.origin.data instanceof JmsTopic ? msg.origin.groups : core.targetGroups(msg);
    }

    @Override
    public StoreResult store(Msg m) {
        if (!(m.origin.data instanceof JmsTopic t)) {
            return core.store(m);
        }
        if (core.down) {
            return StoreResult.UNAVAILABLE;
        }
        boolean first = m.storedAt == 0 && m.deliveries == 0;
        m.storedAt = Math.max(1, sim.now());
        for (int i = 0; i < t.subs.size(); i++) {
            Subscription s = t.subs.get(i);
            Msg copy = (i == 0 && first) ? m : m.copy();
            if (s.exists()) {
                core.enqueue(s.q, copy, m);
            } else {
                sim.lose(s.g, m, "notSubscribed");
            }
        }
        return StoreResult.STORED;
    }

    @Override
    public void pull(Member member) {
        core.pull(member);
    }

    @Override
    public void settled(Member member, Worker worker, Msg msg) {
        core.settled(member, worker, msg);
    }

    /** A failed delivery goes back to its queue or subscription, flagged JMSRedelivered. */
    @Override
    public void requeue(Member member, Msg msg) {
        core.requeue(member, msg);
    }

    /** As AMQP: unacknowledged until the connection is declared dead, then requeued with JMSRedelivered. */
    @Override
    public long deliveryLost(Member member, Msg msg) {
        return core.deliveryLost(member, msg);
    }

    @Override
    public void memberDown(Member member, List<Msg> held, boolean crash) {
        core.memberDown(member, held, crash);
        Subscription s = subscription(member.group);
        if (s != null && !s.exists()) {
            discard(s, crash ? "crash" : "notSubscribed"); // the last consumer closed its non-durable subscription
        }
    }

    private Subscription subscription(SimGroup g) {
        if (g.channel.data instanceof JmsTopic t) {
            for (Subscription s : t.subs) {
                if (s.g == g) {
                    return s;
                }
            }
        }
        return null;
    }

    /** A non-durable subscription ends: what it still holds is lost for its group. */
    private void discard(Subscription s, String cause) {
        while (!s.q.ready.isEmpty()) {
            Msg m = s.q.ready.pollFirst();
            s.q.ch.depthChanged(-1);
            s.g.lagChanged(-1);
            sim.lose(s.g, m, cause);
        }
    }

    @Override
    public void memberUp(Member member) {
        core.memberUp(member);
    }

    @Override
    public void node(int node, boolean up) {
        if (node != 0) {
            throw new IllegalArgumentException("jms broker " + id() + " is simulated as one node: 0");
        }
        core.node(node, up);
        if (!up) {
            for (JmsTopic t : topics) {
                for (Subscription s : t.subs) {
                    if (!s.durable) {
                        discard(s, "crash");
                    }
                }
            }
        }
    }

    @Override
    public List<Msg> drain(SimChannel ch) {
        if (!(ch.data instanceof JmsTopic t)) {
            return core.drain(ch);
        }
        List<Msg> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Subscription s : t.subs) {
            for (Msg m : core.drain(s.q)) {
                if (seen.add(m.id)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    @Override
    public void collectHeld(SimGroup g, BitSet out) {
        core.collectHeld(g, out);
    }

    @Override
    public long[] depths(SimChannel ch) {
        if (!(ch.data instanceof JmsTopic t)) {
            return core.depths(ch);
        }
        long[] d = new long[t.subs.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = t.subs.get(i).q.ready.size();
        }
        return d;
    }
}
