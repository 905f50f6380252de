package io.eventflow.simulator.broker.internal;

import io.eventflow.simulator.internal.GroupRt;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.MsgLog;
import io.eventflow.simulator.internal.MsgState;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.Worker;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * One consumer group on one topic: positions, commits, assignment and rebalancing. Each partition is processed by
 * one worker at a time, in offset order.
 */
final class KafkaGroup {
    final KafkaBroker broker;
    final GroupRt g;
    final KafkaTopic topic;
    final int index;
    final long[] pos;
    final long[] committed;
    final long[] done;
    final long[] replayUntil;
    final long[] highest;
    final Member[] owner;
    final boolean[] busy;
    long unfetched;
    boolean rebalancing;
    int generation;
    long pauseEnd;
    private boolean commitPending;
    private long lastCommit;

    KafkaGroup(KafkaBroker broker, GroupRt g, KafkaTopic topic, int index) {
        this.broker = broker;
        this.g = g;
        this.topic = topic;
        this.index = index;
        int n = topic.parts.length;
        pos = new long[n];
        committed = new long[n];
        done = new long[n];
        replayUntil = new long[n];
        highest = new long[n];
        owner = new Member[n];
        busy = new boolean[n];
    }

    /** Transactional exactly-once commits with each message; at-least-once and dedup follow the commit mode. */
    private boolean transactional() {
        return g.spec.guarantee() == Plan.Guarantee.EXACTLY_ONCE && g.spec.transactional();
    }

    private boolean autoCommits() {
        return !g.atMostOnce() && !transactional() && g.spec.commitMode() == Plan.CommitMode.AUTO;
    }

    /** Round-robin assignment of partitions to the running members, ordered by instance. */
    void assign() {
        List<Member> live = new ArrayList<>();
        for (Member m : g.members) {
            if (m.active()) {
                live.add(m);
            }
        }
        live.sort((a, b) -> Integer.compare(a.instance.index, b.instance.index));
        int n = topic.parts.length;
        int[] counts = new int[live.size()];
        Arrays.fill(owner, null);
        for (int p = 0; p < n && !live.isEmpty(); p++) {
            owner[p] = live.get(p % live.size());
            counts[p % live.size()]++;
        }
        for (Member m : g.members) {
            m.partitions = new int[0];
            m.cursor = 0;
        }
        for (int i = 0; i < live.size(); i++) {
            int[] ps = new int[counts[i]];
            int k = 0;
            for (int p = 0; p < n; p++) {
                if (owner[p] == live.get(i)) {
                    ps[k++] = p;
                }
            }
            live.get(i).partitions = ps;
        }
        if (broker.world.tracing) {
            StringBuilder b = new StringBuilder();
            for (Member m : live) {
                b.append(b.length() == 0 ? "" : "; ").append(m.id()).append("=").append(Arrays.toString(m.partitions));
            }
            broker.trace(new TraceEvent.Rebalanced(broker.world.now(), g.name, b.toString()));
        }
    }

    void appended(int p, Msg m) {
        g.lagChanged(1);
        unfetched++;
        Member o = owner[p];
        if (o != null && !rebalancing && !busy[p] && pos[p] == m.offset && topic.parts[p].online && o.active()) {
            Worker w = o.freeWorker();
            if (w != null) {
                take(o, w, p);
                return;
            }
        }
        if (unfetched > g.channel.maxDepth) {
            g.channel.maxDepth = unfetched;
        }
    }

    void pull(Member mem) {
        if (rebalancing) {
            maybeFinishRebalance();
            return;
        }
        int[] ps = mem.partitions;
        int n = ps.length;
        for (int k = 0; k < n; k++) {
            Worker w = mem.freeWorker();
            if (w == null) {
                return;
            }
            int idx = (mem.cursor + k) % n;
            int p = ps[idx];
            if (busy[p] || !topic.parts[p].online) {
                continue;
            }
            MsgLog log = topic.parts[p].log;
            while (pos[p] < log.end() && log.get(pos[p]).truncated) {
                pos[p]++;
                unfetched--;
            }
            if (pos[p] < log.end()) {
                take(mem, w, p);
                mem.cursor = (idx + 1) % n;
            }
        }
    }

    private void take(Member mem, Worker w, int p) {
        long o = pos[p]++;
        unfetched--;
        Msg m = topic.parts[p].log.get(o);
        busy[p] = true;
        boolean redelivered = o < highest[p];
        if (o >= highest[p]) {
            highest[p] = o + 1;
        }
        if (g.atMostOnce()) {
            commit(p, pos[p]);
        }
        if (g.states.get(m.id) == MsgState.NONE && m.storedAt >= 0) {
            g.owe(m.id); // replayed to the group, or published before the group existed
        }
        broker.world.processing.deliver(mem, w, m, o < replayUntil[p], redelivered);
    }

    void settled(Member mem, Msg m) {
        if (m.duplicateCopy) {
            return;
        }
        int p = m.partition;
        if (owner[p] == mem) {
            busy[p] = false;
        }
        if (m.offset + 1 > done[p] && m.offset < pos[p]) {
            done[p] = m.offset + 1;
        }
        if (transactional()) {
            commit(p, done[p]);
        } else if (!g.atMostOnce() && g.spec.commitMode() == Plan.CommitMode.AFTER_PROCESSING) {
            sendCommit(mem, p, done[p]);
        } else if (autoCommits() && !commitPending) {
            commitPending = true;
            long at = Math.max(broker.world.now(), lastCommit + g.spec.commitInterval());
            broker.world.at(at, broker.autoCommit, index);
        }
        if (rebalancing) {
            maybeFinishRebalance();
        }
    }

    void autoCommit() {
        commitPending = false;
        lastCommit = broker.world.now();
        for (int p = 0; p < pos.length; p++) {
            if (owner[p] != null && owner[p].active()) {
                sendCommit(owner[p], p, done[p]);
            }
        }
    }

    /**
     * An offset commit travels from {@code mem} to the group coordinator over the consumer's link: a drop loses it (the
     * next commit carries a later offset; a crash before then re-delivers from the last commit that arrived), latency
     * delays it, and one that arrives after a rebalance began is refused (older generation).
     */
    private void sendCommit(Member mem, int p, long offset) {
        long d = broker.world.processing.ackDelay(mem);
        if (d == 0) {
            commit(p, offset);
        } else if (d > 0) {
            int gen = generation;
            broker.world.at(
                    broker.world.now() + d,
                    (ctx, arg) -> {
                        if (gen == generation) {
                            commit(p, offset);
                        }
                    },
                    0);
        }
    }

    void commit(int p, long offset) {
        if (offset <= committed[p]) {
            return;
        }
        g.lagChanged(-(offset - committed[p]));
        committed[p] = offset;
        if (broker.world.tracing) {
            broker.trace(new TraceEvent.Committed(broker.world.now(), g.channel.id(), g.name, p, offset - 1, -1, -1));
        }
        if (!broker.world.keepConsumed) {
            topic.trim(p);
        }
    }

    void memberDown(Member mem, List<Msg> held, boolean crash) {
        for (int p : mem.partitions) {
            busy[p] = false;
            if (!crash && !g.atMostOnce()) {
                commit(p, done[p]);
            }
            pos[p] = committed[p];
            done[p] = committed[p];
        }
        for (Msg m : held) {
            if (g.atMostOnce()) {
                broker.world.lose(g, m, "crash");
            } else if (m.offset < pos[m.partition]) {
                // the committed offset moved past it (retention evicted it, or a seek): it will not be read again
                boolean evicted = m.offset < topic.parts[m.partition].log.base();
                broker.world.lose(g, m, evicted ? "retention" : "crash");
            }
        }
        recount();
        rebalance();
    }

    void rebalance() {
        rebalancing = true;
        generation++;
        pauseEnd = broker.world.now() + g.spec.rebalancePause();
        if (g.spec.rebalancePause() > 0) {
            broker.world.at(pauseEnd, broker.rebalanceEnd, ((long) index << 32) | generation);
        } else {
            maybeFinishRebalance();
        }
    }

    void rebalanceTimer(int gen) {
        if (gen == generation) {
            maybeFinishRebalance();
        }
    }

    private void maybeFinishRebalance() {
        if (!rebalancing || broker.world.now() < pauseEnd) {
            return;
        }
        for (Member m : g.members) {
            if (m.active() && m.busy > 0) {
                return; // wait for running work to finish before revoking partitions
            }
        }
        rebalancing = false;
        for (int p = 0; p < pos.length; p++) {
            if (autoCommits() && owner[p] != null && owner[p].active()) {
                commit(p, done[p]);
            }
            pos[p] = committed[p];
            done[p] = committed[p];
            busy[p] = false;
        }
        recount();
        assign();
        for (Member m : g.members) {
            if (m.active()) {
                broker.world.processing.next(m);
            }
        }
    }

    void partitionOnline(int p) {
        Member o = owner[p];
        if (o != null && o.active() && !rebalancing) {
            broker.world.processing.next(o);
        }
    }

    void evicted(int p, long o, Msg m) {
        if (o >= pos[p]) {
            if (!m.truncated) {
                broker.world.lose(g, m, "retention");
            }
            pos[p] = o + 1;
            unfetched--;
        }
        if (done[p] <= o) {
            done[p] = o + 1;
        }
        if (committed[p] <= o) {
            g.lagChanged(-(o + 1 - committed[p]));
            committed[p] = o + 1;
        }
    }

    void seek(String mode, long value) {
        for (int p = 0; p < pos.length; p++) {
            MsgLog log = topic.parts[p].log;
            long target =
                    switch (mode) {
                        case "earliest" -> log.base();
                        case "latest" -> log.end();
                        case "offset" -> Math.max(log.base(), Math.min(value, log.end()));
                        case "time" -> log.firstStoredAtOrAfter(value);
                        default -> throw new IllegalArgumentException(
                                "replay to earliest|latest|offset|time, not " + mode);
                    };
            replayUntil[p] = Math.max(replayUntil[p], pos[p]);
            g.lagChanged(committed[p] - target);
            pos[p] = target;
            committed[p] = target;
            done[p] = target;
        }
        recount();
        for (Member m : g.members) {
            broker.world.processing.next(m);
        }
    }

    private void recount() {
        unfetched = 0;
        for (int p = 0; p < pos.length; p++) {
            unfetched += topic.parts[p].log.end() - pos[p];
        }
    }

    void collectHeld(BitSet out) {
        for (int p = 0; p < pos.length; p++) {
            MsgLog log = topic.parts[p].log;
            for (long o = Math.max(pos[p], log.base()); o < log.end(); o++) {
                Msg m = log.get(o);
                if (!m.truncated) {
                    out.set((int) m.id);
                }
            }
        }
    }
}
