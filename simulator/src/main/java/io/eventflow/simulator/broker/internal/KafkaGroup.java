package io.eventflow.simulator.broker.internal;

import io.eventflow.model.design.Isolation;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.MsgLog;
import io.eventflow.simulator.internal.MsgState;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.Producer;
import io.eventflow.simulator.internal.SimGroup;
import io.eventflow.simulator.internal.Worker;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One consumer group on one topic: positions, commits, assignment and rebalancing. A member polls like the Java
 * client: a poll returns up to {@code max.poll.records} (the subscription's {@code prefetch}, default 500) of the
 * records below the high watermark of its partitions, and the member polls again once it has handed every record of
 * the batch to a worker and a worker is free. Each partition is processed by one worker at a time, in offset order.
 */
final class KafkaGroup {
    /**
     * One transaction of a member of a transactional group (consume-transform-produce): the outputs its processing
     * wrote to Kafka topics, and, implicitly, the input offsets it processed. It commits at the end of the commit
     * interval and aborts when the member crashes.
     */
    static final class Txn {
        static final byte OPEN = 0;
        static final byte COMMITTED = 1;
        static final byte ABORTED = 2;
        byte state = OPEN;
        final List<Msg> outputs = new ArrayList<>();
    }

    /** The Java client's default {@code max.poll.records}. */
    static final int DEFAULT_MAX_POLL_RECORDS = 500;

    final KafkaBroker broker;
    final SimGroup g;
    final KafkaTopic topic;
    final int index;
    /** The consumer's position: the next offset a poll returns. */
    final long[] pos;
    /** The group's committed offset: the next offset to read after a restart or rebalance. */
    final long[] committed;

    final long[] done;
    final long[] replayUntil;
    final long[] highest;
    /** {@code highest} before the poll that returned the records now in a batch: below it, a record is re-read. */
    final long[] rereadBelow;

    final Member[] owner;
    final boolean[] busy;
    /** Whether the group has a committed offset in the log (false: never committed, or retention deleted it). */
    final boolean[] hasCommit;
    /** Whether the owner has a valid position (false: it starts from the committed offset or the reset policy). */
    final boolean[] hasPos;

    final int maxPoll;
    /** Per member (by index in the group): the records its last poll returned that no worker has taken yet. */
    private final List<ArrayList<Msg>> batches = new ArrayList<>();
    /** Per member: when auto-commit is next due, and whether a timer is armed for it. */
    private long[] commitDue = new long[4];

    private boolean[] commitTimer = new boolean[4];
    /** Per member: its open transaction (transactional groups), or null. */
    private Txn[] openTxn = new Txn[4];
    /** Outputs of aborted transactions by the correlation id of their input: sent again when it is reprocessed. */
    private final Map<Long, List<Msg>> abortedOutputs = new HashMap<>();
    /** Ids of aborted outputs being sent again (the producer's new epoch: not a duplicate for idempotence). */
    final BitSet resending = new BitSet();

    final boolean readCommitted;
    long unfetched;
    boolean rebalancing;
    int generation;
    long pauseEnd;

    KafkaGroup(KafkaBroker broker, SimGroup g, KafkaTopic topic, int index) {
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
        rereadBelow = new long[n];
        owner = new Member[n];
        busy = new boolean[n];
        hasCommit = new boolean[n];
        hasPos = new boolean[n];
        Integer prefetch = g.spec.source() == null ? null : g.spec.source().prefetch();
        maxPoll = prefetch == null ? DEFAULT_MAX_POLL_RECORDS : Math.max(1, prefetch);
        readCommitted = g.spec.source() != null && g.spec.source().isolationOrDefault() == Isolation.READ_COMMITTED;
    }

    /** Transactional exactly-once commits a transaction per interval; at-least-once and dedup follow the commit mode. */
    boolean transactional() {
        return g.spec.guarantee() == Plan.Guarantee.EXACTLY_ONCE && g.spec.transactional();
    }

    private boolean autoCommits() {
        return !g.atMostOnce() && !transactional() && g.spec.commitMode() == Plan.CommitMode.AUTO;
    }

    private boolean earliest() {
        return g.spec.startEarliest();
    }

    /**
     * At the start of the run: a group with running members exists already (its committed offsets are the log's
     * start, which is empty); a group with none has no committed offset, so its first read applies {@code startFrom}.
     */
    void start() {
        boolean running = false;
        for (Member m : g.members) {
            running |= m.active();
        }
        Arrays.fill(hasCommit, running);
        for (Member m : g.members) {
            if (m.active()) {
                started(m);
            }
        }
        assign();
    }

    /** A member (re)starts: a new consumer, whose auto-commit is first due one interval later. */
    private void started(Member mem) {
        batch(mem);
        int mi = mem.indexInGroup;
        commitDue[mi] = broker.sim.now() + g.spec.commitInterval();
        if (transactional() && !commitTimer[mi]) {
            commitTimer[mi] = true;
            broker.sim.at(commitDue[mi], broker.autoCommit, ((long) index << 32) | mi);
        }
    }

    void memberUp(Member mem) {
        started(mem);
        rebalance();
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
        if (broker.sim.tracing()) {
            StringBuilder b = new StringBuilder();
            for (Member m : live) {
                b.append(b.length() == 0 ? "" : "; ").append(m.id()).append("=").append(Arrays.toString(m.partitions));
            }
            broker.trace(new TraceEvent.Rebalanced(broker.sim.now(), g.name, b.toString()));
        }
    }

    private ArrayList<Msg> batch(Member mem) {
        int i = mem.indexInGroup;
        while (batches.size() <= i) {
            batches.add(new ArrayList<>());
        }
        if (commitDue.length <= i) {
            commitDue = Arrays.copyOf(commitDue, Math.max(i + 1, commitDue.length * 2));
            commitTimer = Arrays.copyOf(commitTimer, commitDue.length);
            openTxn = Arrays.copyOf(openTxn, commitDue.length);
        }
        return batches.get(i);
    }

    /** A record was stored in partition {@code p}; {@code readable} when it is below the high watermark already. */
    void appended(int p, Msg m, boolean readable) {
        g.lagChanged(1);
        unfetched++;
        if (readable) {
            readable(p);
        }
        if (unfetched > g.channel.maxDepth) {
            g.channel.maxDepth = unfetched;
        }
    }

    /** The high watermark of partition {@code p} moved: an owner waiting in its poll gets the records now. */
    void readable(int p) {
        Member o = owner[p];
        if (o != null && !rebalancing && topic.parts[p].online && o.active() && waiting(o)) {
            if (o.buffer.isEmpty()) {
                pull(o); // the usual case, without the detour through the member's (empty) local buffer
            } else {
                broker.sim.next(o);
            }
        }
    }

    /** True when the member is blocked in a poll: it has handed out its batch and a worker is free. */
    private boolean waiting(Member mem) {
        return batch(mem).isEmpty() && mem.freeWorker() != null;
    }

    void pull(Member mem) {
        ArrayList<Msg> b = batch(mem);
        dispatch(mem, b);
        if (rebalancing) {
            maybeFinishRebalance(); // the member joins the rebalance at its next poll
            return;
        }
        if (b.isEmpty() && mem.freeWorker() != null) {
            poll(mem, b);
            dispatch(mem, b);
        }
    }

    /** One poll: auto-commit when due, then up to {@link #maxPoll} readable records of the member's partitions. */
    private void poll(Member mem, ArrayList<Msg> b) {
        long now = broker.sim.now();
        int mi = mem.indexInGroup;
        if (autoCommits() && now >= commitDue[mi]) {
            commitPositions(mem);
        }
        int[] ps = mem.partitions;
        int n = ps.length;
        int budget = maxPoll;
        for (int k = 0; k < n && budget > 0; k++) {
            int idx = (mem.cursor + k) % n;
            int p = ps[idx];
            KafkaTopic.Part part = topic.parts[p];
            if (!part.online) {
                continue;
            }
            if (!hasPos[p]) {
                position(p);
            }
            MsgLog log = part.log;
            // read_committed: up to the last stable offset (the first record of a transaction still open)
            long limit = readCommitted ? Math.min(part.hw, part.lastStableOffset()) : part.hw;
            long from = pos[p];
            if (from < highest[p]) {
                // rewound (rebalance, crash, seek): what was fetched before is fetched again. Set only then, so that
                // records of an earlier poll still waiting in the member's batch are not taken for re-reads.
                rereadBelow[p] = Math.max(rereadBelow[p], highest[p]);
            }
            while (pos[p] < limit && budget > 0) {
                long o = pos[p]++;
                Msg m = log.get(o);
                unfetched--;
                if (!m.truncated && !(readCommitted && part.aborted(o))) {
                    b.add(m);
                    budget--;
                }
            }
            if (pos[p] > highest[p]) {
                highest[p] = pos[p];
            }
            if (pos[p] > from) {
                mem.cursor = (idx + 1) % n;
                if (g.atMostOnce()) {
                    commit(p, pos[p]); // at-most-once: the poll's offsets are committed when it returns
                }
            }
        }
        if (!b.isEmpty() && autoCommits() && !commitTimer[mi]) {
            commitTimer[mi] = true;
            broker.sim.at(Math.max(now, commitDue[mi]), broker.autoCommit, ((long) index << 32) | mi);
        }
    }

    /**
     * The owner's first fetch from {@code p} since it got it: from the committed offset, or, with none in the log
     * (a group that never committed, or one whose committed offset retention deleted), from {@code startFrom}:
     * earliest is the oldest record left, latest the high watermark. Records skipped by latest are lost for the group
     * ({@code offsetReset}).
     */
    private void position(int p) {
        hasPos[p] = true;
        if (hasCommit[p]) {
            return;
        }
        KafkaTopic.Part part = topic.parts[p];
        MsgLog log = part.log;
        long target = earliest() ? log.base() : part.hw;
        if (target <= pos[p]) {
            return;
        }
        for (long o = Math.max(pos[p], log.base()); o < target; o++) {
            Msg m = log.get(o);
            if (!m.truncated) {
                broker.sim.lose(g, m, "offsetReset");
            }
        }
        unfetched -= target - pos[p];
        if (target > committed[p]) {
            g.lagChanged(-(target - committed[p]));
            committed[p] = target;
        }
        pos[p] = target;
        done[p] = target;
    }

    /** Hands records of the batch, in order, to free workers; a partition goes to one worker at a time. */
    private void dispatch(Member mem, ArrayList<Msg> b) {
        if (b.isEmpty() || !mem.active()) {
            return;
        }
        int i = 0;
        while (i < b.size()) {
            Worker w = mem.freeWorker();
            if (w == null) {
                return;
            }
            Msg m = b.get(i);
            int p = m.partition;
            if (busy[p]) {
                i++;
                continue;
            }
            b.remove(i);
            busy[p] = true;
            long o = m.offset;
            if (g.states.get(m.id) == MsgState.NONE && m.storedAt >= 0) {
                g.owe(m.id); // replayed to the group, or published before the group existed
            }
            broker.sim.deliver(mem, w, m, o < replayUntil[p], o < rereadBelow[p]);
            if (!mem.active()) {
                return;
            }
        }
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
            List<Msg> outs = abortedOutputs.isEmpty() ? null : abortedOutputs.remove(m.correlationId);
            if (outs != null) {
                // processed again after its transaction aborted: the outputs are written again, in the open one of
                // the member that processed it now (after a rebalance, not the one whose transaction aborted)
                for (Msg out : outs) {
                    resend(mem, out);
                }
            }
        } else if (!g.atMostOnce() && g.spec.commitMode() == Plan.CommitMode.AFTER_PROCESSING) {
            sendCommit(mem, p, done[p]);
        }
        if (rebalancing) {
            maybeFinishRebalance();
        }
    }

    /**
     * Auto-commit is due for member {@code mi}: a member blocked in its poll commits now (the Java client wakes up for
     * it); a busy one commits at its next poll.
     */
    void autoCommitTimer(int mi) {
        commitTimer[mi] = false;
        Member mem = g.members.get(mi);
        if (transactional()) {
            if (mem.active()) {
                long now = broker.sim.now();
                if (now >= commitDue[mi]) {
                    commitTxn(mem);
                    commitDue[mi] = now + g.spec.commitInterval();
                }
                commitTimer[mi] = true;
                broker.sim.at(commitDue[mi], broker.autoCommit, ((long) index << 32) | mi);
            }
            return;
        }
        if (!mem.active() || rebalancing) {
            return;
        }
        long now = broker.sim.now();
        if (now < commitDue[mi]) {
            commitTimer[mi] = true;
            broker.sim.at(commitDue[mi], broker.autoCommit, ((long) index << 32) | mi);
        } else if (waiting(mem)) {
            commitPositions(mem);
        }
    }

    /**
     * Auto-commit: the position of the last poll in each of the member's partitions (records it returned were all
     * handed out; one still being processed is not committed).
     */
    private void commitPositions(Member mem) {
        commitDue[mem.indexInGroup] = broker.sim.now() + g.spec.commitInterval();
        for (int p : mem.partitions) {
            if (owner[p] == mem && hasPos[p]) {
                sendCommit(mem, p, busy[p] ? done[p] : pos[p]);
            }
        }
    }

    /**
     * An offset commit travels from {@code mem} to the group coordinator over the consumer's link: a drop loses it (the
     * next commit carries a later offset; a crash before then re-delivers from the last commit that arrived), latency
     * delays it, and one that arrives after a rebalance began is refused (older generation).
     */
    private void sendCommit(Member mem, int p, long offset) {
        long d = broker.sim.ackDelay(mem);
        if (d == 0) {
            commit(p, offset);
        } else if (d > 0) {
            int gen = generation;
            broker.sim.at(
                    broker.sim.now() + d,
                    (ctx, arg) -> {
                        if (gen == generation) {
                            commit(p, offset);
                        }
                    },
                    0);
        }
    }

    void commit(int p, long offset) {
        if (offset < committed[p]) {
            return;
        }
        hasCommit[p] = true;
        if (offset == committed[p]) {
            return;
        }
        g.lagChanged(-(offset - committed[p]));
        committed[p] = offset;
        if (broker.sim.tracing()) {
            // Kafka's convention: the committed offset is the next one to read
            broker.trace(new TraceEvent.Committed(broker.sim.now(), g.channel.id(), g.name, p, offset, -1, -1));
        }
        if (!broker.sim.keepConsumed()) {
            topic.trim(p);
        } else if (broker.sim.archiveConsumed()) {
            topic.archive(p);
        }
    }

    void memberDown(Member mem, List<Msg> held, boolean crash) {
        ArrayList<Msg> b = batch(mem);
        List<Msg> all = new ArrayList<>(held);
        all.addAll(b);
        b.clear();
        if (transactional()) {
            if (crash) {
                abortTxn(mem);
            } else {
                commitTxn(mem); // a graceful close commits the open transaction
            }
        }
        for (int p : mem.partitions) {
            busy[p] = false;
            if (!crash && !g.atMostOnce() && !transactional()) {
                commit(p, done[p]);
            }
            pos[p] = committed[p];
            done[p] = committed[p];
            hasPos[p] = false;
        }
        for (Msg m : all) {
            if (g.atMostOnce()) {
                broker.sim.lose(g, m, "crash");
            } else if (m.offset < pos[m.partition]) {
                // the committed offset moved past it (retention evicted it, or a seek): it will not be read again
                boolean evicted = m.offset < topic.parts[m.partition].log.base();
                broker.sim.lose(g, m, evicted ? "retention" : "crash");
            }
        }
        recount();
        rebalance();
    }

    void rebalance() {
        rebalancing = true;
        generation++;
        pauseEnd = broker.sim.now() + g.spec.rebalancePause();
        if (g.spec.rebalancePause() > 0) {
            broker.sim.at(pauseEnd, broker.rebalanceEnd, ((long) index << 32) | generation);
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
        if (!rebalancing || broker.sim.now() < pauseEnd) {
            return;
        }
        for (Member m : g.members) {
            if (m.active() && (m.busy > 0 || !batch(m).isEmpty())) {
                return; // members finish the batch of their last poll before they join the rebalance
            }
        }
        rebalancing = false;
        generation++; // the new assignment: offset commits still on their way from the old one are refused
        if (transactional()) {
            for (Member m : g.members) {
                if (m.active()) {
                    commitTxn(m); // Kafka Streams commits before its tasks are revoked
                }
            }
        }
        for (int p = 0; p < pos.length; p++) {
            if (autoCommits() && owner[p] != null && owner[p].active() && hasPos[p]) {
                commit(p, pos[p]); // the Java client commits on revocation with auto-commit
            }
            pos[p] = committed[p];
            done[p] = committed[p];
            busy[p] = false;
            hasPos[p] = false;
        }
        recount();
        assign();
        for (Member m : g.members) {
            if (m.active()) {
                broker.sim.next(m);
            }
        }
    }

    void partitionOnline(int p) {
        Member o = owner[p];
        if (o != null && o.active() && !rebalancing) {
            broker.sim.next(o);
        }
    }

    /** Whether this group has yet to read offset {@code o} of partition {@code p} (at or past its position). */
    boolean unread(int p, long o) {
        return o >= pos[p];
    }

    /** Retention removed offset {@code o} of partition {@code p}; {@code m}, its record, is read if unread here. */
    void evicted(int p, long o, Msg m) {
        if (unread(p, o)) {
            if (!m.truncated) {
                broker.sim.lose(g, m, "retention");
            }
            pos[p] = o + 1;
            unfetched--;
            hasPos[p] = false; // the next fetch is out of range: the consumer resets per startFrom
        }
        if (done[p] <= o) {
            done[p] = o + 1;
        }
        if (committed[p] <= o) {
            g.lagChanged(-(o + 1 - committed[p]));
            committed[p] = o + 1;
            hasCommit[p] = false; // the committed offset is below the log start now
        }
    }

    void seek(String mode, long value) {
        for (int p = 0; p < pos.length; p++) {
            KafkaTopic.Part part = topic.parts[p];
            MsgLog log = part.log;
            long target =
                    switch (mode) {
                        case "earliest" -> log.base();
                        case "latest" -> part.hw;
                        case "offset" -> Math.max(log.base(), Math.min(value, part.hw));
                        case "time" -> Math.min(part.hw, log.firstStoredAtOrAfter(value));
                        default -> throw new IllegalArgumentException(
                                "replay to earliest|latest|offset|time, not " + mode);
                    };
            replayUntil[p] = Math.max(replayUntil[p], pos[p]);
            g.lagChanged(committed[p] - target);
            pos[p] = target;
            committed[p] = target;
            done[p] = target;
            hasCommit[p] = true;
            hasPos[p] = true;
        }
        recount();
        for (Member m : g.members) {
            broker.sim.next(m);
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
        for (ArrayList<Msg> b : batches) {
            for (Msg m : b) {
                out.set((int) m.id);
            }
        }
        out.or(topic.awaitingResend); // aborted outputs their producer will write again
    }

    // ---- transactions (mechanism: transactional) ----

    /** The member of a transactional group whose processing produced {@code m}, or null when none did. */
    static Member transactionalProducer(Msg m) {
        Producer pr = m.producer;
        if (pr == null || !pr.spec.perProcessed() || m.deadLetterFrom != null) {
            return null;
        }
        for (Member mem : pr.instance.members) {
            if (mem.group.data instanceof KafkaGroup kg
                    && kg.transactional()
                    && (pr.spec.from() == null || pr.spec.from().equals(kg.g.channel.id()))) {
                return mem;
            }
        }
        return null;
    }

    /**
     * Output {@code m} of member {@code mem} was stored in {@code part}: it belongs to the member's open transaction,
     * or to an aborted one when the member crashed while it was on its way.
     */
    void outputStored(Member mem, KafkaTopic.Part part, Msg m) {
        batch(mem);
        Txn t;
        if (mem.active()) {
            int mi = mem.indexInGroup;
            if (openTxn[mi] == null) {
                openTxn[mi] = new Txn();
            }
            t = openTxn[mi];
        } else {
            t = new Txn();
            t.state = Txn.ABORTED;
            abortOutput(m);
        }
        t.outputs.add(m);
        part.txnRecord(m.offset, t);
    }

    /** Commits the member's transaction: the input offsets it processed, and its outputs become visible. */
    private void commitTxn(Member mem) {
        batch(mem);
        for (int p : mem.partitions) {
            if (owner[p] == mem && hasPos[p]) {
                commit(p, done[p]);
            }
        }
        Txn t = openTxn[mem.indexInGroup];
        if (t != null) {
            openTxn[mem.indexInGroup] = null;
            t.state = Txn.COMMITTED;
            decided(t);
        }
    }

    /** Aborts the member's transaction: its outputs are never visible to read_committed readers. */
    private void abortTxn(Member mem) {
        batch(mem);
        Txn t = openTxn[mem.indexInGroup];
        if (t == null) {
            return;
        }
        openTxn[mem.indexInGroup] = null;
        t.state = Txn.ABORTED;
        for (Msg out : t.outputs) {
            abortOutput(out);
        }
        decided(t);
    }

    private void abortOutput(Msg out) {
        abortedOutputs
                .computeIfAbsent(out.correlationId, k -> new ArrayList<>())
                .add(out);
        ((KafkaTopic) out.channel.data).awaitingResend.set((int) out.id);
    }

    /** The last stable offset of the outputs' partitions moved: read_committed readers waiting in a poll read on. */
    private static void decided(Txn t) {
        for (Msg out : t.outputs) {
            KafkaTopic kt = (KafkaTopic) out.channel.data;
            for (KafkaGroup kg : kt.groups) {
                if (kg.readCommitted) {
                    kg.readable(out.partition);
                }
            }
        }
    }

    /**
     * Sends an aborted output again: same message, a new record in the open transaction of {@code mem}, which processed
     * its input again. Its own producer of the same publication sends it (a member of another instance than the one
     * whose transaction aborted, after a rebalance), so the record joins that member's transaction, over its link.
     * The new record is made and signed anew from the input processed again, so a tamper fault that altered the
     * aborted record (on the channel or on the first sender's link) does not alter it; faults acting now on the channel
     * and on this sender's link may.
     */
    private void resend(Member mem, Msg out) {
        Msg c = out.copy();
        c.partition = -1;
        c.offset = -1;
        c.tampered = false;
        for (Producer p : mem.instance.producers) {
            if (p.spec == out.producer.spec) {
                c.producer = p;
                break;
            }
        }
        resending.set((int) out.id);
        broker.sim.tamperOn(c.channel, c);
        broker.sim.send(c);
    }
}
