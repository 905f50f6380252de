package io.eventflow.simulator.broker.internal;

import io.eventflow.simulator.internal.BrokerContext;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.MsgLog;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.SimGroup;
import io.eventflow.simulator.internal.Worker;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;

/**
 * One consumer group on one stream: the last-delivered id ({@link #pos}), the pending entries list and one consumer
 * per instance. A consumer with a free worker reads, in this order: its own pending entries to retry (XREADGROUP with
 * id 0: after its restart, or after the backoff of a failed attempt), entries of other consumers idle for at least
 * {@code claimIdle} (XAUTOCLAIM), then new entries (XREADGROUP {@code >}). Nothing else moves a pending entry: a crashed
 * consumer's entries wait in the PEL for it or for a claim.
 */
final class RedisConsumerGroup {
    /** One PEL entry. */
    static final class Pending {
        final long id;
        /** The stream's entry (still referenced when the stream has trimmed it). */
        final Msg entry;

        Member owner;
        int deliveries;
        long deliveredAt;
        /** Failed processing attempts so far (the consumer's count, travelling with the entry). */
        int failures;
        /** The owner holds a delivered copy (processing it): false once it failed, or the owner died. */
        boolean inHand;

        Pending(long id, Msg entry) {
            this.id = id;
            this.entry = entry;
        }
    }

    final RedisBroker broker;
    final SimGroup g;
    final RedisStreamLog stream;
    final int index;
    /** At-most-once: XREADGROUP ... NOACK, nothing enters the PEL. */
    final boolean noAck;
    /** XAUTOCLAIM min-idle-time, or {@link Plan#NONE} when consumers never claim. */
    final long claimIdle;

    /** Id of the next entry XREADGROUP {@code >} returns (last-delivered id + 1). */
    long pos;
    /** Entries at or after {@link #pos} still in the stream. */
    long unread;

    private long replayUntil;
    private long highestRead;
    final TreeMap<Long, Pending> pel = new TreeMap<>();
    /** Per consumer (index in the group): own pending entries to read again. */
    private final List<ArrayDeque<Pending>> reread = new ArrayList<>();

    private long sweepAt = Long.MAX_VALUE;
    private int cursor;

    RedisConsumerGroup(RedisBroker broker, SimGroup g, RedisStreamLog stream, int index) {
        this.broker = broker;
        this.g = g;
        this.stream = stream;
        this.index = index;
        this.noAck = g.atMostOnce();
        var src = g.spec.source();
        this.claimIdle = src == null || src.claimIdle() == null
                ? Plan.NONE
                : src.claimIdle().nanos();
    }

    private long now() {
        return broker.sim.now();
    }

    private ArrayDeque<Pending> reread(Member m) {
        while (reread.size() <= m.indexInGroup) {
            reread.add(new ArrayDeque<>());
        }
        return reread.get(m.indexInGroup);
    }

    private void syncLag() {
        g.lagChanged(unread + pel.size() - g.lag);
    }

    /** A new entry: counted unread, and handed at once to a consumer blocked in XREADGROUP (round robin). */
    void appended(Msg m) {
        unread++;
        syncLag();
        if (unread > g.channel.maxDepth) {
            g.channel.maxDepth = unread;
        }
        if (broker.down) {
            return;
        }
        int n = g.members.size();
        int first = cursor;
        for (int k = 0; k < n && unread > 0; k++) {
            Member mem = g.members.get((first + k) % n);
            if (mem.active() && mem.freeWorker() != null) {
                cursor = (first + k + 1) % n;
                pull(mem); // it may first take an entry of its own PEL or a claim
            }
        }
    }

    /** The consumer has free workers: read its own pending entries, then claim idle ones, then new entries. */
    void pull(Member mem) {
        if (broker.down || !mem.active()) {
            return;
        }
        while (true) {
            Worker w = mem.freeWorker();
            if (w == null || !mem.buffer.isEmpty()) {
                return;
            }
            if (!rereadOne(mem, w) && !(claimIdle != Plan.NONE && claimOne(mem, w)) && !readNew(mem, w)) {
                return;
            }
        }
    }

    /** XREADGROUP ... 0: the consumer's own pending entries again (delivery count + 1). */
    private boolean rereadOne(Member mem, Worker w) {
        ArrayDeque<Pending> own = reread(mem);
        while (!own.isEmpty()) {
            Pending p = own.pollFirst();
            if (pel.get(p.id) != p || p.owner != mem) {
                continue; // acked meanwhile, or claimed by another consumer
            }
            if (stream.deleted(p.id)) {
                dropDeleted(p); // the reply has the id and no fields: the consumer acks it
                continue;
            }
            redeliver(mem, w, p);
            return true;
        }
        return false;
    }

    /** XAUTOCLAIM min-idle-time: the first entry (by id) of another consumer idle that long, now this one's. */
    private boolean claimOne(Member mem, Worker w) {
        long now = now();
        List<Pending> gone = null;
        Pending claim = null;
        for (Pending p : pel.values()) {
            if (p.owner == mem || now - p.deliveredAt < claimIdle) {
                continue;
            }
            if (stream.deleted(p.id)) {
                if (gone == null) {
                    gone = new ArrayList<>();
                }
                gone.add(p); // XAUTOCLAIM removes deleted entries from the PEL and returns their ids apart
                continue;
            }
            claim = p;
            break;
        }
        if (gone != null) {
            gone.forEach(this::dropDeleted);
        }
        if (claim == null) {
            return false;
        }
        claim.owner = mem;
        redeliver(mem, w, claim);
        return true;
    }

    /**
     * A pending entry whose stream entry is gone leaves the PEL. Unless its live owner is still processing its copy
     * (it then processes it and its XACK finds nothing), nobody has it any more: lost if never processed.
     */
    private void dropDeleted(Pending p) {
        pel.remove(p.id);
        if (!(p.inHand && p.owner.active())) {
            broker.sim.lose(g, p.entry, stream.goneCause(p.id));
        }
        syncLag();
    }

    private void redeliver(Member mem, Worker w, Pending p) {
        p.inHand = true;
        p.deliveries++;
        p.deliveredAt = now();
        Msg c = p.entry.copy();
        c.failures = p.failures;
        c.deliveries = p.deliveries;
        broker.sim.deliver(mem, w, c, false, true);
    }

    /** XREADGROUP {@code >}: the next entry after the last-delivered id. */
    private boolean readNew(Member mem, Worker w) {
        MsgLog log = stream.log;
        while (pos < log.end() && log.get(pos).truncated) {
            pos++; // lost with a crash; not counted unread any more
        }
        if (pos >= log.end()) {
            return false;
        }
        long o = pos++;
        unread--;
        Msg m = log.get(o);
        boolean replay = o < replayUntil;
        boolean again = o < highestRead;
        highestRead = Math.max(highestRead, o + 1);
        g.owe(m.id); // if not owed yet: replayed to the group, or added before the group existed
        Msg c = m.copy();
        if (!noAck) {
            Pending p = pel.get(o);
            if (p == null) {
                p = new Pending(o, m);
                pel.put(o, p);
            }
            p.owner = mem; // re-read after SETID: the existing PEL entry moves to this consumer, count 1
            p.inHand = true;
            p.deliveries = 1;
            p.deliveredAt = now();
            c.deliveries = 1;
            scheduleSweep();
        }
        syncLag();
        broker.sim.deliver(mem, w, c, replay, again);
        return true;
    }

    /** XACK after processing (or dead-lettering); void while the broker is down. */
    void settled(Member mem, Msg m) {
        if (m.duplicateCopy || noAck) {
            return;
        }
        long d = broker.sim.ackDelay(mem);
        if (d > 0) {
            broker.sim.at(broker.sim.now() + d, (ctx, arg) -> xack(mem, m, false), 0);
            return;
        }
        xack(mem, m, d == BrokerContext.ACK_LOST);
    }

    /** The XACK reaches the broker, or is lost on the way ({@code lost}). */
    private void xack(Member mem, Msg m, boolean lost) {
        if (broker.down || lost) {
            Pending p = pel.get(m.offset);
            if (p != null && p.owner == mem) {
                p.inHand = false; // done, but the XACK failed or was lost: pending until claimed or re-read
                scheduleSweep();
            }
            return;
        }
        if (pel.remove(m.offset) != null) {
            syncLag();
            if (broker.sim.tracing()) {
                broker.trace(new TraceEvent.Acked(now(), g.channel.id(), g.name, 0, m.offset, m.id, m.correlationId));
            }
        }
    }

    /** A failed attempt after its backoff: no XACK; the consumer reads the entry again from its own PEL. */
    void failed(Member mem, Msg m) {
        if (noAck) {
            mem.buffer.addFirst(m); // not pending anywhere: the consumer retries from its memory
            return;
        }
        Pending p = pel.get(m.offset);
        if (p != null && p.owner == mem) {
            p.inHand = false;
            p.failures = m.failures;
            reread(mem).addLast(p);
        } else if (p == null) {
            // no longer pending: trimmed while processed here (XAUTOCLAIM dropped it) or acked by a claimer
            broker.sim.lose(g, m, stream.deleted(m.offset) ? stream.goneCause(m.offset) : "crash");
        }
    }

    /**
     * The XREADGROUP reply was lost: with NOACK the entry is gone for the group; otherwise it stays in the PEL under
     * this consumer, pending until another consumer claims it (XAUTOCLAIM) or this one reads its own PEL again.
     */
    void deliveryLost(Member mem, Msg m) {
        Pending p = noAck ? null : pel.get(m.offset);
        if (p == null) {
            broker.sim.lose(g, m, noAck || !stream.deleted(m.offset) ? "network" : stream.goneCause(m.offset));
        } else if (p.owner == mem) {
            p.inHand = false;
            scheduleSweep();
        }
    }

    /** A crash (or scale-in): NOACK deliveries are lost; pending entries stay in the PEL under the consumer's name. */
    void memberDown(Member mem, List<Msg> held) {
        reread(mem).clear();
        for (Msg m : held) {
            Pending p = noAck ? null : pel.get(m.offset);
            if (p == null) {
                // NOACK, or its PEL entry is gone (trimmed and dropped by a claim): nobody else has it
                broker.sim.lose(g, m, noAck || !stream.deleted(m.offset) ? "crash" : stream.goneCause(m.offset));
            } else if (p.owner == mem) {
                p.inHand = false;
            }
        }
        scheduleSweep();
    }

    /** The consumer (same name) is back: it first reads its own pending entries (XREADGROUP with id 0). */
    void memberUp(Member mem) {
        ArrayDeque<Pending> own = reread(mem);
        own.clear();
        for (Pending p : pel.values()) {
            if (p.owner == mem) {
                own.addLast(p);
            }
        }
        scheduleSweep();
        pull(mem);
    }

    /** MAXLEN removed entry {@code o}: if the group had not read it, it never will. */
    void trimmed(long o, Msg m) {
        if (o >= pos) {
            pos = o + 1;
            if (!m.truncated) {
                unread--;
                broker.sim.lose(g, m, "trimmed");
            }
            syncLag();
        }
    }

    /** Entry {@code o} was lost with a crash (not fsynced). */
    void unsynced(long o, Msg m) {
        if (o >= pos) {
            unread--;
            broker.sim.lose(g, m, "crash");
            syncLag();
        }
    }

    /** Arms the XAUTOCLAIM timer for the next moment an entry becomes idle for {@code claimIdle}. */
    void scheduleSweep() {
        long now = now();
        if (claimIdle == Plan.NONE || pel.isEmpty() || (sweepAt != Long.MAX_VALUE && sweepAt >= now)) {
            return;
        }
        long next = Long.MAX_VALUE;
        for (Pending p : pel.values()) {
            long t = p.deliveredAt + claimIdle;
            if (t > now && t < next) {
                next = t;
            }
        }
        sweepAt = next;
        if (next != Long.MAX_VALUE) {
            broker.sim.at(next, broker.sweep, index);
        }
    }

    /** Consumers with free workers run XAUTOCLAIM (rotating who goes first). */
    void sweepTimer() {
        if (now() != sweepAt) {
            return; // superseded
        }
        sweepAt = Long.MAX_VALUE;
        if (!broker.down) {
            int n = g.members.size();
            for (int k = 0; k < n; k++) {
                Member mem = g.members.get((cursor + k) % n);
                if (mem.active() && mem.freeWorker() != null) {
                    broker.sim.next(mem);
                }
            }
        }
        scheduleSweep();
    }

    /** XGROUP SETID to earliest ("0"), latest ("$"), an entry id or the first entry added at or after a time. */
    void seek(String mode, long value) {
        MsgLog log = stream.log;
        long target =
                switch (mode) {
                    case "earliest" -> log.base();
                    case "latest" -> log.end();
                    case "offset" -> Math.max(log.base(), Math.min(value, log.end()));
                    case "time" -> stream.log.firstStoredAtOrAfter(value);
                    default -> throw new IllegalArgumentException("replay to earliest|latest|offset|time, not " + mode);
                };
        replayUntil = Math.max(replayUntil, pos);
        pos = target;
        unread = stream.liveFrom(target);
        syncLag();
        for (Member m : g.members) {
            broker.sim.next(m);
        }
    }

    /** Unread entries and every PEL entry (a deleted entry stays pending until claimed or re-read). */
    void collectHeld(BitSet out) {
        MsgLog log = stream.log;
        for (long o = Math.max(pos, log.base()); o < log.end(); o++) {
            Msg m = log.get(o);
            if (!m.truncated) {
                out.set((int) m.id);
            }
        }
        for (Pending p : pel.values()) {
            out.set((int) p.entry.id);
        }
    }
}
