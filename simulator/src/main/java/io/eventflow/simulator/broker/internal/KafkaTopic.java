package io.eventflow.simulator.broker.internal;

import io.eventflow.simulator.broker.BrokerRuntime.StoreResult;
import io.eventflow.simulator.internal.ChannelRt;
import io.eventflow.simulator.internal.GroupRt;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.MsgLog;
import io.eventflow.simulator.internal.MsgState;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** One topic: partitions with leaders, append, retention by time and size, leader failover. */
final class KafkaTopic {
    static final class Part {
        final int index;
        final MsgLog log = new MsgLog();
        final int[] replicas;
        int leader;
        boolean online = true;
        boolean failoverPending;

        Part(int index, int[] replicas) {
            this.index = index;
            this.replicas = replicas;
            this.leader = replicas[0];
        }
    }

    final KafkaBroker broker;
    final ChannelRt ch;
    final int index;
    final Part[] parts;
    final List<KafkaGroup> groups = new ArrayList<>();
    private final BitSet stored = new BitSet();
    private long roundRobin;
    private long diskLimit = Long.MAX_VALUE;
    private boolean retentionPending;

    KafkaTopic(KafkaBroker broker, ChannelRt ch, int index) {
        this.broker = broker;
        this.ch = ch;
        this.index = index;
        int n = Math.max(1, ch.spec.partitions());
        int nodes = broker.nodeUp.length;
        int rf = Math.max(1, Math.min(ch.spec.replicationFactor(), nodes));
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
        if (ch.spec.keyPartitioner() && m.key >= 0) {
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
        if (acks == Plan.Acks.ALL && aliveReplicas(p) < ch.spec.minInSync()) {
            return StoreResult.NOT_ENOUGH_REPLICAS;
        }
        if (m.producer != null && m.producer.config.idempotent() && m.deadLetterFrom == null) {
            if (stored.get((int) m.id)) {
                return StoreResult.DUPLICATE_IGNORED;
            }
            stored.set((int) m.id);
        }
        m.partition = pi;
        m.storedAt = broker.world.now();
        m.offset = p.log.append(m);
        if (broker.world.tracing) {
            broker.trace(new TraceEvent.Stored(m.storedAt, ch.id(), "", pi, m.offset, m.id, m.correlationId));
        }
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).appended(pi, m);
        }
        if (ch.spec.retentionBytes() != Plan.NONE || diskLimit != Long.MAX_VALUE) {
            enforceSize(p);
        }
        if (ch.spec.retentionTime() != Plan.NONE && !retentionPending) {
            retentionPending = true;
            broker.world.at(m.storedAt + ch.spec.retentionTime(), broker.retention, index);
        }
        return StoreResult.STORED;
    }

    void setDiskLimit(long bytes) {
        diskLimit = bytes;
        for (Part p : parts) {
            enforceSize(p);
        }
    }

    private void enforceSize(Part p) {
        long limit = ch.spec.retentionBytes();
        if (diskLimit != Long.MAX_VALUE) {
            limit = Math.min(limit, diskLimit / parts.length);
        }
        while (p.log.size() > 0 && p.log.bytes() > limit) {
            evictFirst(p);
        }
    }

    void retentionTimer() {
        retentionPending = false;
        long now = broker.world.now();
        long keep = ch.spec.retentionTime();
        long next = Long.MAX_VALUE;
        for (Part p : parts) {
            while (p.log.size() > 0 && p.log.first().storedAt + keep <= now) {
                evictFirst(p);
            }
            if (p.log.size() > 0) {
                next = Math.min(next, p.log.first().storedAt + keep);
            }
        }
        if (next != Long.MAX_VALUE) {
            retentionPending = true;
            broker.world.at(next, broker.retention, index);
        }
    }

    private void evictFirst(Part p) {
        long o = p.log.base();
        Msg m = p.log.removeFirst();
        ch.evicted++;
        if (broker.world.tracing) {
            broker.trace(new TraceEvent.Evicted(broker.world.now(), ch.id(), "", p.index, o, m.id, m.correlationId));
        }
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).evicted(p.index, o, m);
        }
    }

    /** Trims messages every group has committed (only when consumed messages need not be kept). */
    void trim(int pi) {
        Part p = parts[pi];
        long min = Long.MAX_VALUE;
        for (int i = 0; i < groups.size(); i++) {
            min = Math.min(min, groups.get(i).committed[pi]);
        }
        while (p.log.size() > 0 && p.log.base() < min) {
            p.log.removeFirst();
        }
    }

    void nodeChanged(int node, boolean up) {
        for (Part p : parts) {
            if (!up && p.leader == node && p.online) {
                p.online = false;
                truncateUnreplicated(p);
                if (aliveReplicas(p) > 0) {
                    p.failoverPending = true;
                    broker.world.at(
                            broker.world.now() + broker.spec.failoverTime(),
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
            for (KafkaGroup kg : groups) {
                kg.partitionOnline(p.index);
            }
        }
    }

    /** Messages written with acks below all in the last replication lag are lost with the old leader. */
    private void truncateUnreplicated(Part p) {
        long cutoff = broker.world.now() - broker.spec.replicationLag();
        for (long o = p.log.end() - 1; o >= p.log.base(); o--) {
            Msg m = p.log.get(o);
            if (m.storedAt <= cutoff) {
                break;
            }
            if (m.producer == null || m.producer.config.acks() == Plan.Acks.ALL || m.truncated) {
                continue;
            }
            m.truncated = true;
            for (KafkaGroup kg : groups) {
                GroupRt g = kg.g;
                if (o >= kg.pos[p.index] && g.states.get(m.id) == MsgState.PENDING) {
                    broker.world.lose(g, m, "crash");
                }
            }
        }
    }
}
