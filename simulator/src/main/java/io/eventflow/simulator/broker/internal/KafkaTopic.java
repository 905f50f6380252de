package io.eventflow.simulator.broker.internal;

import io.eventflow.model.design.Partitioner;
import io.eventflow.simulator.internal.BrokerRuntime.StoreResult;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.MsgLog;
import io.eventflow.simulator.internal.MsgState;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.SimChannel;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One topic: partitions with leaders, append, the high watermark, retention by time and size, leader failover. A
 * record becomes readable (below the high watermark) once every in-sync replica has it: {@code replicationLag} after
 * it was stored, or at once when the leader is the only live replica.
 */
final class KafkaTopic {
    static final class Part {
        final int index;
        final MsgLog log = new MsgLog();
        final int[] replicas;
        int leader;
        boolean online = true;
        boolean failoverPending;
        /** High watermark: offsets below it are replicated to every in-sync replica, so consumers may read them. */
        long hw;

        boolean hwPending;
        /** Transactional records: their transaction by offset, and the offsets in order (for the LSO). */
        final java.util.HashMap<Long, KafkaGroup.Txn> txns = new java.util.HashMap<>();

        final java.util.ArrayDeque<Long> txnOffsets = new java.util.ArrayDeque<>();

        Part(int index, int[] replicas) {
            this.index = index;
            this.replicas = replicas;
            this.leader = replicas[0];
        }

        void txnRecord(long offset, KafkaGroup.Txn t) {
            txns.put(offset, t);
            if (t.state == KafkaGroup.Txn.OPEN) {
                txnOffsets.addLast(offset);
            }
        }

        /** The first offset of a transaction still open (read_committed readers stop there), or no limit. */
        long lastStableOffset() {
            while (!txnOffsets.isEmpty()) {
                KafkaGroup.Txn t = txns.get(txnOffsets.peekFirst());
                if (t != null && t.state == KafkaGroup.Txn.OPEN) {
                    return txnOffsets.peekFirst();
                }
                txnOffsets.pollFirst();
            }
            return Long.MAX_VALUE;
        }

        boolean aborted(long offset) {
            if (txns.isEmpty()) {
                return false;
            }
            KafkaGroup.Txn t = txns.get(offset);
            return t != null && t.state == KafkaGroup.Txn.ABORTED;
        }
    }

    final KafkaBroker broker;
    final SimChannel ch;
    final int index;
    final Part[] parts;
    final List<KafkaGroup> groups = new ArrayList<>();
    private final BitSet stored = new BitSet();
    /** Outputs of aborted transactions that their producer will send again (held for every group until then). */
    final BitSet awaitingResend = new BitSet();

    /** The channel's settings, from its design channel. */
    private final boolean keyPartitioner;

    private final int minInSync;
    private final long retentionTime;
    private final long retentionBytes;
    private long roundRobin;
    private long diskLimit = Long.MAX_VALUE;
    private boolean retentionPending;

    KafkaTopic(KafkaBroker broker, SimChannel ch, int index) {
        this.broker = broker;
        this.ch = ch;
        this.index = index;
        io.eventflow.model.design.KafkaTopic k = io.eventflow.model.design.KafkaTopic.of(ch.spec.source());
        this.keyPartitioner = k.partitionerOrDefault() == Partitioner.KEY;
        this.minInSync = k.minInSync();
        this.retentionTime = k.retention() == null ? Plan.NONE : k.retention().nanos();
        this.retentionBytes =
                k.retentionBytes() == null ? Plan.NONE : k.retentionBytes().bytes();
        int n = Math.max(1, k.partitionCount());
        int nodes = broker.nodeUp.length;
        int rf = Math.max(1, Math.min(k.replicas(), nodes));
        parts = new Part[n];
        for (int p = 0; p < n; p++) {
            int[] reps = new int[rf];
            for (int i = 0; i < rf; i++) {
                reps[i] = (p + i) % nodes;
            }
            parts[p] = new Part(p, reps);
        }
    }

    int partitionFor(Msg m) {
        if (keyPartitioner && m.key >= 0) {
            return (int) Long.remainderUnsigned(mix(m.key), parts.length);
        }
        return (int) (roundRobin++ % parts.length);
    }

    private static long mix(long k) {
        k = (k ^ (k >>> 33)) * 0xff51afd7ed558ccdL;
        k = (k ^ (k >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return k ^ (k >>> 33);
    }

    int aliveReplicas(Part p) {
        int n = 0;
        for (int r : p.replicas) {
            if (broker.nodeUp[r]) {
                n++;
            }
        }
        return n;
    }

    StoreResult store(Msg m) {
        if (m.offset >= 0) {
            m = m.copy(); // a second copy of the same message (producer retry or duplicate fault)
            m.partition = -1;
            m.offset = -1;
        }
        int pi = m.partition >= 0 ? m.partition : partitionFor(m);
        Part p = parts[pi];
        if (!p.online) {
            return StoreResult.UNAVAILABLE;
        }
        Plan.Acks acks = m.producer != null ? m.producer.config.acks() : Plan.Acks.ALL;
        if (acks == Plan.Acks.ALL && aliveReplicas(p) < minInSync) {
            return StoreResult.NOT_ENOUGH_REPLICAS;
        }
        Member txnMember = KafkaGroup.transactionalProducer(m);
        boolean resent = false;
        if (txnMember != null) {
            BitSet resending = ((KafkaGroup) txnMember.group.data).resending;
            resent = resending.get((int) m.id);
            resending.clear((int) m.id);
        }
        if (m.producer != null && m.producer.config.idempotent() && m.deadLetterFrom == null && !resent) {
            if (stored.get((int) m.id)) {
                return StoreResult.DUPLICATE_IGNORED;
            }
            stored.set((int) m.id);
        }
        m.partition = pi;
        m.storedAt = broker.sim.now();
        m.offset = p.log.append(m);
        if (txnMember != null) {
            if (resent) {
                awaitingResend.clear((int) m.id);
            }
            ((KafkaGroup) txnMember.group.data).outputStored(txnMember, p, m);
        }
        if (broker.sim.tracing()) {
            broker.trace(new TraceEvent.Stored(m.storedAt, ch.id(), "", pi, m.offset, m.id, m.correlationId));
        }
        boolean readable = p.replicas.length <= 1 || broker.spec.replicationLag() <= 0 || aliveReplicas(p) <= 1;
        if (readable) {
            p.hw = p.log.end();
        } else if (!p.hwPending) {
            p.hwPending = true;
            broker.sim.at(m.storedAt + broker.spec.replicationLag(), broker.highWatermark, ((long) index << 32) | pi);
        }
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).appended(pi, m, readable);
        }
        if (groups.isEmpty() && broker.sim.archiveConsumed()) {
            archive(pi); // nobody reads this topic as it goes (a dead-letter channel, say): keep it compact
        }
        if (retentionBytes != Plan.NONE || diskLimit != Long.MAX_VALUE) {
            enforceSize(p);
        }
        if (retentionTime != Plan.NONE && !retentionPending) {
            retentionPending = true;
            broker.sim.at(m.storedAt + retentionTime, broker.retention, index);
        }
        return StoreResult.STORED;
    }

    /** The followers caught up with the records stored {@code replicationLag} ago: the high watermark moves. */
    void highWatermarkTimer(int pi) {
        Part p = parts[pi];
        p.hwPending = false;
        if (!p.online) {
            return; // no leader to replicate from; the election sets the high watermark
        }
        long now = broker.sim.now();
        long lag = broker.spec.replicationLag();
        long before = p.hw;
        while (p.hw < p.log.end() && p.log.get(p.hw).storedAt + lag <= now) {
            p.hw++;
        }
        if (p.hw < p.log.end()) {
            p.hwPending = true;
            broker.sim.at(p.log.get(p.hw).storedAt + lag, broker.highWatermark, ((long) index << 32) | pi);
        }
        if (p.hw > before) {
            for (int i = 0; i < groups.size(); i++) {
                groups.get(i).readable(pi);
            }
        }
    }

    void setDiskLimit(long bytes) {
        diskLimit = bytes;
        for (Part p : parts) {
            enforceSize(p);
        }
    }

    private void enforceSize(Part p) {
        long limit = retentionBytes;
        if (diskLimit != Long.MAX_VALUE) {
            limit = Math.min(limit, diskLimit / parts.length);
        }
        while (p.log.size() > 0 && p.log.bytes() > limit) {
            evictFirst(p);
        }
    }

    void retentionTimer() {
        retentionPending = false;
        long now = broker.sim.now();
        long keep = retentionTime;
        long next = Long.MAX_VALUE;
        for (Part p : parts) {
            while (p.log.size() > 0 && p.log.storedAt(p.log.base()) + keep <= now) {
                evictFirst(p);
            }
            if (p.log.size() > 0) {
                next = Math.min(next, p.log.storedAt(p.log.base()) + keep);
            }
        }
        if (next != Long.MAX_VALUE) {
            retentionPending = true;
            broker.sim.at(next, broker.retention, index);
        }
    }

    private void evictFirst(Part p) {
        long o = p.log.base();
        // an archived record is read back (a new Msg) only for a group that has not read it yet (after a replay moved
        // it back); otherwise evicting it needs only its ids (for the trace) and its size, which the log keeps
        Msg m = o >= p.log.archivedUntil() || unreadByAGroup(p.index, o) ? p.log.get(o) : null;
        long id = m != null ? m.id : p.log.id(o);
        long correlationId = m != null ? m.correlationId : p.log.correlationId(o);
        p.log.dropFirst();
        if (!p.txns.isEmpty()) {
            p.txns.remove(o);
        }
        if (p.hw < p.log.base()) {
            p.hw = p.log.base();
        }
        ch.evicted++;
        if (broker.sim.tracing()) {
            broker.trace(new TraceEvent.Evicted(broker.sim.now(), ch.id(), "", p.index, o, id, correlationId));
        }
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).evicted(p.index, o, m);
        }
    }

    private boolean unreadByAGroup(int pi, long o) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).unread(pi, o)) {
                return true;
            }
        }
        return false;
    }

    /** Trims messages every group has committed (only when consumed messages need not be kept). */
    void trim(int pi) {
        Part p = parts[pi];
        long min = Long.MAX_VALUE;
        for (int i = 0; i < groups.size(); i++) {
            min = Math.min(min, groups.get(i).committed[pi]);
        }
        while (p.log.size() > 0 && p.log.base() < min) {
            p.log.dropFirst();
        }
        if (p.hw < p.log.base()) {
            p.hw = p.log.base();
        }
    }

    /**
     * Moves the records of partition {@code pi} that every group has committed (and that are below the high watermark)
     * to the log's compact archive: no reader changes them any more (truncation by a failover only touches records
     * above the high watermark), so replays, late groups, retention and re-drives read them back as they were. With
     * no group, everything below the high watermark.
     */
    void archive(int pi) {
        Part p = parts[pi];
        long upTo = p.hw;
        for (int i = 0; i < groups.size(); i++) {
            upTo = Math.min(upTo, groups.get(i).committed[pi]);
        }
        if (upTo > p.log.archivedUntil()) {
            p.log.archive(upTo);
        }
    }

    void nodeChanged(int node, boolean up) {
        for (Part p : parts) {
            if (!up && p.leader == node && p.online) {
                p.online = false;
                truncateUnreplicated(p);
                if (aliveReplicas(p) > 0) {
                    p.failoverPending = true;
                    broker.sim.at(
                            broker.sim.now() + broker.spec.failoverTime(),
                            broker.failover,
                            ((long) index << 32) | p.index);
                }
            } else if (up && !p.online && !p.failoverPending) {
                electLeader(p);
            }
        }
    }

    void failoverDone(int pi) {
        Part p = parts[pi];
        p.failoverPending = false;
        if (!p.online && aliveReplicas(p) > 0) {
            electLeader(p);
        }
    }

    private void electLeader(Part p) {
        for (int r : p.replicas) {
            if (broker.nodeUp[r]) {
                p.leader = r;
                p.online = true;
                break;
            }
        }
        if (p.online) {
            // what is left was replicated (acks=all records the old leader had not replicated count as re-sent by
            // their producer, which had no acknowledgement for them): the new leader's high watermark is its end
            p.hw = p.log.end();
        }
        if (p.online) {
            for (KafkaGroup kg : groups) {
                kg.partitionOnline(p.index);
            }
        }
    }

    /**
     * Records above the high watermark were not replicated to every in-sync replica: those written with acks 0 or 1
     * are lost with the old leader, and no consumer has read them (consumers read only below the high watermark).
     * Records written with acks=all were not acknowledged yet, so their producer would send them again: they stay.
     */
    private void truncateUnreplicated(Part p) {
        for (long o = Math.max(p.hw, p.log.base()); o < p.log.end(); o++) {
            Msg m = p.log.get(o);
            if (m.producer == null || m.producer.config.acks() == Plan.Acks.ALL || m.truncated) {
                continue;
            }
            m.truncated = true;
            for (KafkaGroup kg : groups) {
                if (kg.g.states.get(m.id) == MsgState.PENDING) {
                    broker.sim.lose(kg.g, m, "crash");
                }
            }
        }
    }
}
