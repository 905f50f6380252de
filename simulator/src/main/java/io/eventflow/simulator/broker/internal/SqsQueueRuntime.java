package io.eventflow.simulator.broker.internal;

import io.eventflow.model.design.SqsQueue;
import io.eventflow.simulator.internal.BrokerContext;
import io.eventflow.simulator.internal.BrokerRuntime.StoreResult;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.MsgState;
import io.eventflow.simulator.internal.SimChannel;
import io.eventflow.simulator.internal.SimGroup;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime of one SQS-like queue (standard or FIFO), consumed by one group whose members compete. Receipt handles,
 * visibility timeouts, receive counts, redrive, retention and the FIFO rules live here; polling in {@link SqsPolling}.
 */
final class SqsQueueRuntime {
    final SqsBroker broker;
    final BrokerContext sim;
    final SimChannel ch;
    final int index;
    final boolean fifo;
    final long visibility;
    final long retention;
    /** Receives after which the next receive redrives the message; 0 = never. */
    final int maxReceiveCount;

    final long receiveWait;
    /** The consuming group (all subscriptions of the channel compete), or null: messages then only pile up. */
    SimGroup g;

    List<SimGroup> groupList = List.of();
    boolean atMostOnce;
    /** maxReceiveCount is set and a dead-letter channel exists to redrive to. */
    boolean redrives;

    SqsPolling polling;

    final SqsVisible visible;
    /** Latest receipt handle → entry, for every entry received and not deleted since. */
    final Map<Integer, SqsEntry> handles = new HashMap<>();
    /** FIFO: message ids stored in the last 5 minutes, with when, oldest first (insertion order). */
    private final LinkedHashMap<Long, Long> dedupSeen = new LinkedHashMap<>();

    private final long dedupWindow = SqsQueue.DEDUP_WINDOW.nanos();
    /** Longest time between two retention checks while messages are visible. */
    private static final long EXPIRY_CHECK = 60_000_000_000L;

    private long expiryAt = Long.MAX_VALUE;

    SqsQueueRuntime(SqsBroker broker, SimChannel ch, int index, SqsQueue spec) {
        this.broker = broker;
        this.sim = broker.sim;
        this.ch = ch;
        this.index = index;
        this.fifo = spec.isFifo();
        this.visibility = spec.visibilityTimeoutOrDefault().nanos();
        this.retention = spec.messageRetentionOrDefault().nanos();
        this.maxReceiveCount = spec.maxReceiveCount() == null ? 0 : spec.maxReceiveCount();
        this.receiveWait = spec.receiveWait() == null ? 0 : spec.receiveWait().nanos();
        this.visible = new SqsVisible(fifo);
    }

    void consumedBy(SimGroup group) {
        g = group;
        groupList = List.of(group);
        atMostOnce = group.atMostOnce();
        redrives = maxReceiveCount > 0 && (ch.spec.deadLetterChannel() != null || group.spec.deadLetter() != null);
        polling = new SqsPolling(this, receiveWait, SqsPolling.interval(group.spec));
    }

    private void lag(long d) {
        if (g != null) {
            g.lagChanged(d);
        }
    }

    /** SendMessage (or an SNS delivery): stores a copy, unless a FIFO queue saw the same message id recently. */
    StoreResult offer(Msg m) {
        long now = sim.now();
        if (fifo && !m.direct && seenRecently(m.id, now)) {
            if (sim.tracing()) {
                sim.emit(new TraceEvent.Deduplicated(now, ch.id(), groupName(), -1, -1, m.id, m.correlationId));
            }
            return StoreResult.DUPLICATE_IGNORED;
        }
        Msg c = copyIn(m);
        c.storedAt = Math.max(1, now);
        c.expiresAt = Long.MAX_VALUE;
        if (m.channel != ch && !m.direct) { // an SNS delivery: a poison fault may target the topic or this queue
            ch.published++;
            ch.publishedBytes += m.sizeBytes;
            if (m.poisonOn == m.channel || (ch.poisonRate > 0 && ch.poisonRng.chance(ch.poisonRate))) {
                c.poisonOn = ch;
            }
            sim.tamperOn(ch, c); // a tamper fault on the topic altered m already, one on this queue alters this copy
        }
        if (sim.tracing()) {
            sim.emit(new TraceEvent.Stored(now, ch.id(), groupName(), -1, -1, m.id, m.correlationId));
        }
        enqueue(c, fifo ? m.key : 0, now);
        return StoreResult.STORED;
    }

    /** An at-most-once consumer sends a message it failed on back to the queue, keeping its attempt count. */
    void resend(Msg failed) {
        Msg c = copyIn(failed);
        c.failures = failed.failures;
        enqueue(c, fifo ? failed.key : 0, sim.now());
    }

    /** A copy of {@code m} for this queue: stored here, sent directly to it. */
    private Msg copyIn(Msg m) {
        Msg c = m.copy();
        c.channel = ch;
        c.origin = ch;
        c.direct = true;
        return c;
    }

    /** Stores {@code c} at the tail (FIFO: in message group {@code messageGroup}) and hands out what can be. */
    private void enqueue(Msg c, long messageGroup, long now) {
        SqsEntry e = new SqsEntry(c, messageGroup, now + retention);
        visible.addLast(e);
        ch.depthChanged(1);
        lag(1);
        scheduleExpiry(e.expiresAt);
        dispatch();
    }

    private boolean seenRecently(long id, long now) {
        for (Iterator<Long> it = dedupSeen.values().iterator(); it.hasNext(); ) {
            if (now - it.next() < dedupWindow) {
                break;
            }
            it.remove();
        }
        // an id is only put while absent (an expired one is removed first), so insertion order is storing order
        return dedupSeen.putIfAbsent(id, now) != null;
    }

    String groupName() {
        return g == null ? "" : g.name;
    }

    /** True when a receive now would get a message (FIFO: one whose message group is not blocked). */
    boolean hasReceivable() {
        return !broker.down && visible.hasReceivable();
    }

    /** Removes and returns the next receivable entry, or null; expired entries met on the way are deleted. */
    SqsEntry take() {
        if (broker.down) {
            return null;
        }
        long now = sim.now();
        for (SqsEntry e = visible.poll(); e != null; e = visible.poll()) {
            ch.depthChanged(-1);
            if (e.expiresAt > now) {
                return e; // the caller blocks its FIFO group (in flight) or settles it
            }
            expire(e);
            visible.settle(e.messageGroup);
        }
        return null;
    }

    /**
     * ReceiveMessage returned {@code e} to {@code mem}: hand a copy with a fresh receipt handle to a free worker and
     * hide the message for the visibility timeout. Returns false when the redrive policy moved it to the dead-letter
     * queue instead.
     */
    boolean receive(Member mem, SqsEntry e) {
        if (redrives && e.receives >= maxReceiveCount) {
            forget(e);
            visible.settle(e.messageGroup);
            lag(-1);
            sim.deadLetter(ch, g, e.msg, "maxReceiveCount");
            return false;
        }
        e.receives++;
        forget(e);
        Msg c = e.msg.copy();
        c.deliveries = e.receives;
        c.failures = e.msg.failures; // attempts of an at-most-once consumer that re-sent it
        c.redelivered = e.receives > 1;
        if (atMostOnce) {
            lag(-1); // deleted as it is received
            visible.settle(e.messageGroup);
        } else {
            e.handle = broker.nextHandle();
            e.inFlight = true;
            e.visibleAt = sim.now() + visibility;
            handles.put(e.handle, e);
            visible.block(e.messageGroup);
            c.tag = e.handle;
            broker.at(e.visibleAt, broker.visibilityEvent, ((long) index << 32) | e.handle);
        }
        polling.received(mem);
        sim.deliver(mem, mem.freeWorker(), c, false, c.redelivered);
        return true;
    }

    private void forget(SqsEntry e) {
        if (e.handle != 0) {
            handles.remove(e.handle);
            e.handle = 0;
        }
    }

    /** The visibility timeout of receive {@code handle} ended: if not deleted, the message is visible again. */
    void visibilityEnded(int handle) {
        SqsEntry e = handles.get(handle);
        if (e == null || !e.inFlight) {
            return;
        }
        e.inFlight = false;
        if (e.expiresAt <= sim.now()) {
            visible.unblock(e.messageGroup);
            expire(e);
            dispatch();
            return;
        }
        visible.addFirst(e); // the oldest of its FIFO group: first again
        visible.unblock(e.messageGroup);
        ch.depthChanged(1);
        scheduleExpiry(e.expiresAt);
        dispatch();
    }

    /** DeleteMessage with the receipt handle of the consumer's copy; a stale handle deletes nothing. */
    void delete(Member mem, Msg copy) {
        if (copy.duplicateCopy || atMostOnce) {
            return;
        }
        long d = sim.ackDelay(mem);
        if (d == BrokerContext.ACK_LOST) {
            if (sim.tracing()) { // the request is lost: the message is received again after its visibility timeout
                sim.emit(
                        new TraceEvent.DeleteIgnored(sim.now(), mem.id(), g.name, -1, -1, copy.id, copy.correlationId));
            }
            return;
        }
        if (d > 0) {
            sim.at(sim.now() + d, (ctx, arg) -> deleteArrived(mem, copy), 0);
            return;
        }
        deleteArrived(mem, copy);
    }

    /** DeleteMessage reached the queue. */
    private void deleteArrived(Member mem, Msg copy) {
        SqsEntry e = handles.get(copy.tag);
        if (e == null || e.handle != copy.tag || broker.down) { // a stale handle, or the delete fails (outage)
            if (sim.tracing()) {
                sim.emit(
                        new TraceEvent.DeleteIgnored(sim.now(), mem.id(), g.name, -1, -1, copy.id, copy.correlationId));
            }
            return;
        }
        handles.remove(e.handle);
        e.handle = 0;
        if (e.inFlight) {
            e.inFlight = false;
            visible.unblock(e.messageGroup);
        } else {
            visible.remove(e); // visible again but not received since: the handle is still the latest
            ch.depthChanged(-1);
        }
        lag(-1);
        if (sim.tracing()) {
            sim.emit(new TraceEvent.Acked(sim.now(), ch.id(), g.name, -1, -1, copy.id, copy.correlationId));
        }
        if (fifo) {
            dispatch();
        }
    }

    /** Retention deleted the message (never dead-lettered). */
    private void expire(SqsEntry e) {
        forget(e);
        lag(-1);
        ch.expired++;
        if (sim.tracing()) {
            sim.emit(new TraceEvent.Expired(sim.now(), ch.id(), groupName(), -1, -1, e.msg.id, e.msg.correlationId));
        }
        if (g != null && g.states.get(e.msg.id) == MsgState.PENDING) {
            g.states.set(e.msg.id, MsgState.EXPIRED);
        }
    }

    /**
     * Schedules the retention check for {@code t}, or sooner: the check runs at least every {@link #EXPIRY_CHECK} while
     * messages are visible, so no check days ahead outlives the messages (a drained run ends soon after its last one).
     */
    private void scheduleExpiry(long t) {
        long at = Math.max(Math.min(t, sim.now() + EXPIRY_CHECK), sim.now());
        if (at < expiryAt) {
            expiryAt = at;
            broker.at(at, broker.expiryEvent, index);
        }
    }

    /** Deletes every visible message past its retention, then waits for the next one. */
    void expiryTimer() {
        if (sim.now() < expiryAt) {
            return; // superseded by an earlier reschedule
        }
        expiryAt = Long.MAX_VALUE;
        long now = sim.now();
        visible.removeIf(
                e -> e.expiresAt <= now,
                e -> { // O(depth) per check
                    ch.depthChanged(-1);
                    expire(e);
                });
        long[] next = {Long.MAX_VALUE};
        visible.forEach(e -> next[0] = Math.min(next[0], e.expiresAt));
        if (next[0] != Long.MAX_VALUE) {
            scheduleExpiry(next[0]);
        }
    }

    void dispatch() {
        if (g != null) {
            polling.dispatch();
        }
    }

    /** Removes the visible messages (for a re-drive out of this dead-letter queue). */
    List<Msg> drain() {
        List<Msg> out = new java.util.ArrayList<>();
        visible.removeIf(e -> true, e -> {
            ch.depthChanged(-1);
            forget(e);
            lag(-1);
            if (g != null) {
                g.disown(e.msg.id); // moved away: no longer owed to this queue's group
            }
            out.add(e.msg);
        });
        return out;
    }

    void collectHeld(java.util.BitSet out) {
        visible.forEach(e -> out.set((int) e.msg.id));
        for (SqsEntry e : handles.values()) {
            if (e.inFlight) {
                out.set((int) e.msg.id);
            }
        }
    }
}
