package io.eventflow.simulator.broker.internal;

import io.eventflow.model.design.Overflow;
import io.eventflow.simulator.internal.IntRing;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.MsgState;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.SimChannel;
import io.eventflow.simulator.internal.SimGroup;
import io.eventflow.simulator.internal.Worker;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.List;

/** One queue bound to an exchange, consumed by one group's members (competing consumers with prefetch). */
final class AmqpQueue {
    final AmqpBroker broker;
    final SimChannel ch;
    final int index;
    final List<String> bindingKeys;
    /** The group consuming this queue, or null while nobody subscribes (messages then only pile up). */
    SimGroup g;
    /** From the group's (immutable) spec, set with {@link #consumedBy}: consumer prefetch and auto-ack. */
    private int prefetch = Integer.MAX_VALUE;

    private boolean autoAck;
    /** From the channel's settings (its design channel's queue settings). */
    private final long maxLength;

    private final long messageTtl;
    private final Overflow overflow;
    /** The exchange the channel publishes through (null: the default exchange) and its type's key. */
    final String exchange;

    final String exchangeType;

    List<SimGroup> groupList = List.of();
    final List<AmqpQueue> self = List.of(this);
    /** True when the channel publishes through an exchange (routing by key); else only to its own queue. */
    final boolean routed;

    String lastKey;
    List<AmqpQueue> lastRoute;

    final ArrayDeque<Msg> ready = new ArrayDeque<>();
    /** Members with credit, by index in the group, in the order they got it (round robin, longest idle first). */
    final IntRing ring = new IntRing();

    private long expiryAt = Long.MAX_VALUE;

    /**
     * An unacknowledged delivery the consumer does not hold: lost on its way to the consumer, or processed with its ack
     * lost or still on the wire ({@code ackDue} its arrival time, else -1).
     */
    static final class Stalled {
        final Member mem;
        final Msg msg;
        final long ackDue;

        Stalled(Member mem, Msg msg, long ackDue) {
            this.mem = mem;
            this.msg = msg;
            this.ackDue = ackDue;
        }
    }

    /** Unacknowledged deliveries no consumer holds, in the order they stalled. */
    final List<Stalled> stalled = new java.util.ArrayList<>();

    /** The queue settings of {@code ch}'s design channel (empty when it sets none). */
    static io.eventflow.model.design.AmqpQueue settings(SimChannel ch) {
        return io.eventflow.model.design.AmqpQueue.of(ch.spec.source());
    }

    AmqpQueue(AmqpBroker broker, SimChannel ch, int index, List<String> bindingKeys) {
        this.broker = broker;
        this.ch = ch;
        this.index = index;
        this.bindingKeys = bindingKeys;
        io.eventflow.model.design.AmqpQueue a = settings(ch);
        this.exchange = a.exchange();
        this.exchangeType = a.exchangeTypeOrDefault().key();
        this.routed = exchange != null;
        this.maxLength = a.maxLength() == null ? Plan.NONE : a.maxLength();
        this.messageTtl = a.ttl() == null ? Plan.NONE : a.ttl().nanos();
        this.overflow = a.overflowOrDefault();
    }

    /** Attaches the consuming group. */
    void consumedBy(SimGroup group) {
        g = group;
        prefetch = group.spec.prefetch() <= 0 ? Integer.MAX_VALUE : group.spec.prefetch();
        autoAck = group.atMostOnce();
    }

    boolean autoAck() {
        return autoAck;
    }

    private void lag(long d) {
        if (g != null) {
            g.lagChanged(d);
        }
    }

    boolean hasCredit(Member m) {
        if (!m.instance.alive || !m.instance.active) {
            return false;
        }
        return autoAck ? autoAckCredit(m) : m.unacked < prefetch;
    }

    private boolean autoAckCredit(Member m) {
        return m.buffer.size() + m.busy < Math.max(prefetch, m.workers.length);
    }

    void offerCredit(Member m) {
        if (!m.inRing && hasCredit(m)) {
            m.inRing = true;
            ring.addLast(m.indexInGroup);
        }
    }

    /** Enqueues a routed message; returns false when max-length rejects it. */
    boolean enqueue(Msg m) {
        m.channel = ch;
        m.queueSeq = ++broker.queueSeq;
        if (maxLength != Plan.NONE && ready.size() >= maxLength) {
            if (overflow == Overflow.DROP_HEAD) {
                Msg head = ready.pollFirst();
                ch.depthChanged(-1);
                lag(-1);
                broker.sim.deadLetter(ch, g, head, "maxlen");
            } else if (overflow == Overflow.REJECT_PUBLISH_DLX) {
                broker.sim.deadLetter(ch, g, m, "maxlen");
                return true;
            } else {
                return false;
            }
        }
        if (messageTtl != Plan.NONE) {
            m.expiresAt = broker.sim.now() + messageTtl;
        }
        if (g != null && ready.isEmpty() && !broker.down) { // straight to a consumer with credit, if there is one
            Member c = nextConsumer();
            if (c != null) {
                lag(1);
                hand(c, m);
                return true;
            }
        }
        ready.addLast(m);
        ch.depthChanged(1);
        lag(1);
        scheduleExpiry();
        return true;
    }

    private Member nextConsumer() {
        while (!ring.isEmpty()) {
            Member c = g.members.get(ring.peekFirst());
            if (hasCredit(c)) {
                return c;
            }
            ring.pollFirst();
            c.inRing = false;
        }
        return null;
    }

    private void hand(Member c, Msg m) {
        ring.pollFirst();
        c.inRing = false;
        give(c, m);
    }

    /** Delivers {@code m} to {@code c} (no longer in the ring), then offers {@code c} credit again. */
    private void give(Member c, Msg m) {
        m.deliveries++;
        m.tag = broker.connection;
        if (autoAck()) {
            lag(-1);
        } else {
            c.unacked++;
        }
        Worker w = c.freeWorker();
        if (w != null && c.buffer.isEmpty()) {
            broker.sim.deliver(c, w, m, false, m.redelivered);
        } else {
            broker.sim.toBuffer(c, m);
        }
        offerCredit(c);
    }

    /**
     * A member asks for work: it gets credit, then ready messages are delivered while consumers have credit. When the
     * ring is empty the member would be the only one in it, so the head goes to it without entering the ring (the
     * usual case of one consumer finishing a message while others wait: the same deliveries in the same order).
     */
    void pull(Member c) {
        if (!c.inRing && ring.isEmpty() && !broker.down && g != null && !ready.isEmpty() && hasCredit(c)) {
            Msg head = ready.peekFirst();
            if (head.expiresAt > broker.sim.now()) {
                ready.pollFirst();
                ch.depthChanged(-1);
                give(c, head);
                dispatch();
                return;
            }
        }
        offerCredit(c);
        dispatch();
    }

    /** Delivers ready messages while consumers have credit. */
    void dispatch() {
        if (broker.down || g == null) {
            return;
        }
        while (!ready.isEmpty()) {
            Msg head = ready.peekFirst();
            if (head.expiresAt <= broker.sim.now()) {
                expireHead();
                continue;
            }
            Member c = nextConsumer();
            if (c == null) {
                return;
            }
            ready.pollFirst();
            ch.depthChanged(-1);
            hand(c, head);
        }
    }

    /** Sends the ack over the consumer's link; the member then pulls more through {@link AmqpBroker#pull}. */
    void settled(Member c, Msg m) {
        if (m.duplicateCopy || autoAck()) {
            return;
        }
        if (m.tag != broker.connection) {
            return; // the channel this delivery came on is gone; the broker already requeued it
        }
        long d = broker.sim.ackDelay(c);
        if (d == 0) {
            ack(c, m);
            return;
        }
        // the ack is lost (the delivery stays unacknowledged until the connection is declared dead) or on the wire
        Stalled s = new Stalled(c, m, d < 0 ? -1 : broker.sim.now() + d);
        stalled.add(s);
        broker.sim.at(d < 0 ? broker.sim.now() + broker.deadConnectionAfter : s.ackDue, (ctx, arg) -> resolve(s), 0);
    }

    /**
     * The consumer never got delivery {@code m} (lost on the link): it stays unacknowledged, holding the consumer's
     * credit, until the broker declares the connection dead; then it is requeued, flagged redelivered.
     */
    void deliveryLost(Member c, Msg m) {
        Stalled s = new Stalled(c, m, -1);
        stalled.add(s);
        broker.sim.at(broker.sim.now() + broker.deadConnectionAfter, (ctx, arg) -> resolve(s), 0);
    }

    /** A stalled delivery's ack arrives, or its connection is declared dead (heartbeat timeout): requeued. */
    private void resolve(Stalled s) {
        if (!stalled.remove(s) || s.msg.tag != broker.connection) {
            return; // already requeued by a crash of the consumer or of the broker
        }
        if (s.ackDue >= 0) {
            ack(s.mem, s.msg);
            broker.sim.next(s.mem); // its credit is back
            return;
        }
        requeue(s.mem, s.msg, true);
        dispatch();
    }

    /**
     * The consumer's connection closed (its instance stopped): acks already on the wire arrive first (they precede the
     * close on the connection); the other stalled deliveries are removed and returned, to be requeued.
     */
    List<Msg> closeStalled(Member c, boolean acksArrive) {
        List<Msg> out = new java.util.ArrayList<>();
        for (java.util.Iterator<Stalled> it = stalled.iterator(); it.hasNext(); ) {
            Stalled s = it.next();
            if (s.mem != c) {
                continue;
            }
            it.remove();
            if (s.msg.tag != broker.connection) {
                continue;
            }
            if (s.ackDue >= 0 && acksArrive) {
                ack(c, s.msg);
            } else {
                out.add(s.msg);
            }
        }
        return out;
    }

    private void ack(Member c, Msg m) {
        c.unacked--;
        lag(-1);
        if (broker.sim.tracing()) {
            broker.trace(new TraceEvent.Acked(broker.sim.now(), ch.id(), g.name, -1, -1, m.id, m.correlationId));
        }
        broker.sim.recycle(m); // acked: this queue's copy is held nowhere any more
    }

    /** Nack with requeue (or requeue after a lost connection): back to the head, flagged redelivered. */
    void requeue(Member c, Msg m, boolean countAck) {
        if (countAck) {
            c.unacked--;
        }
        m.redelivered = true;
        ready.addFirst(m);
        ch.depthChanged(1);
        scheduleExpiry();
    }

    private void scheduleExpiry() {
        if (messageTtl == Plan.NONE || ready.isEmpty()) {
            return;
        }
        // a requeued message may have expired while it was out: check it now
        long t = Math.max(ready.peekFirst().expiresAt, broker.sim.now());
        if (t < expiryAt) {
            expiryAt = t;
            broker.sim.at(t, broker.expiry, index);
        }
    }

    void expiryTimer() {
        if (broker.sim.now() < expiryAt) {
            return; // a later reschedule superseded this one
        }
        expiryAt = Long.MAX_VALUE;
        while (!ready.isEmpty() && ready.peekFirst().expiresAt <= broker.sim.now()) {
            expireHead();
        }
        scheduleExpiry();
    }

    private void expireHead() {
        Msg m = ready.pollFirst();
        ch.depthChanged(-1);
        lag(-1);
        ch.expired++;
        if (broker.sim.tracing()) {
            broker.trace(new TraceEvent.Expired(
                    broker.sim.now(), ch.id(), g == null ? "" : g.name, -1, -1, m.id, m.correlationId));
        }
        if (g == null || g.states.get(m.id) == MsgState.PENDING) {
            broker.sim.deadLetter(ch, g, m, "expired");
        }
    }
}
