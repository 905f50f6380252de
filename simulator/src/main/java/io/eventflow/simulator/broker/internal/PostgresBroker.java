package io.eventflow.simulator.broker.internal;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.simulator.internal.BrokerContext;
import io.eventflow.simulator.internal.BrokerKindProvider;
import io.eventflow.simulator.internal.BrokerRuntime;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.Producer;
import io.eventflow.simulator.internal.SimChannel;
import io.eventflow.simulator.internal.SimGroup;
import io.eventflow.simulator.internal.Worker;
import io.eventflow.simulator.kernel.Event;
import io.eventflow.simulator.random.SplitMix64;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Postgres LISTEN/NOTIFY. Nothing is stored: a notification goes, at the commit of the transaction that sent it, to
 * every session LISTENing on its channel at that moment. Each instance of a subscribing service is its own session,
 * so every listening instance gets its own copy (a group of three processes each notification three times: one
 * processed, two duplicates). A listener that is down, or cut off by a partition, misses what is sent meanwhile
 * ({@code notListening}); a busy listener still receives (the copies wait in its connection's buffer and are lost
 * with it on a crash). A NOTIFY inside a transaction ({@code transaction} on the publication) is delivered when the
 * transaction commits, never when it rolls back ({@code rollback}) or is aborted by a crash of the sender or the
 * server ({@code crash}). One node: a crash drops every session and every open transaction.
 */
public final class PostgresBroker implements BrokerRuntime {
    public static final BrokerKindProvider PROVIDER = new BrokerKindProvider() {
        @Override
        public BrokerKind kind() {
            return BrokerKind.POSTGRES;
        }

        @Override
        public BrokerRuntime create(Plan.Broker broker, BrokerContext sim) {
            return new PostgresBroker(broker, sim);
        }
    };

    private final Plan.Broker spec;
    private final BrokerContext sim;
    private boolean down;
    /** Open transactions, in commit order (every commit delay of a publication is fixed, so FIFO per publication). */
    private final Map<Long, Pending> open = new HashMap<>();
    /** Ids whose NOTIFY sits in an open transaction: a second identical NOTIFY there is folded into the first. */
    private final Set<Long> openIds = new HashSet<>();

    private final Map<Producer, SplitMix64> rollbackRngs = new HashMap<>();
    /** Per group: copies of a notification still held by its sessions, for ids with at least one. */
    private final Map<SimGroup, Map<Long, Integer>> copies = new HashMap<>();

    private long nextTx;
    private final Event commit = (ctx, arg) -> commit(arg);

    /** A NOTIFY in an open transaction of the sending instance's session {@code stops} (its stop count then). */
    private record Pending(Msg msg, int stops) {}

    PostgresBroker(Plan.Broker spec, BrokerContext sim) {
        this.spec = spec;
        this.sim = sim;
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public void attachChannel(SimChannel channel) {
        // nothing to attach: Postgres keeps no messages
    }

    @Override
    public void attachGroup(SimGroup group) {
        copies.put(group, new HashMap<>());
    }

    @Override
    public List<SimGroup> targetGroups(Msg msg) {
        return msg.channel.groups;
    }

    @Override
    public StoreResult store(Msg m) {
        if (down) {
            return StoreResult.UNAVAILABLE;
        }
        m.storedAt = Math.max(1, sim.now());
        io.eventflow.model.design.Publication pub = m.producer.spec.source();
        if (m.direct || pub == null || pub.transaction() == null) {
            notifyListeners(m); // autocommit: each NOTIFY is its own transaction
            return StoreResult.STORED;
        }
        if (!openIds.add(m.id)) {
            return StoreResult.DUPLICATE_IGNORED; // same payload twice in one transaction: Postgres folds them
        }
        long tx = nextTx++;
        open.put(tx, new Pending(m, m.producer.instance.stops));
        m.channel.depthChanged(1);
        sim.at(sim.now() + pub.transaction().nanos(), commit, tx);
        return StoreResult.STORED;
    }

    private void commit(long tx) {
        Pending p = open.remove(tx);
        if (p == null) {
            return; // aborted by a server crash
        }
        Msg m = p.msg;
        openIds.remove(m.id);
        m.channel.depthChanged(-1);
        if (m.producer.instance.stops != p.stops) {
            sim.lose(m, "crash", m.producer.instance.id); // the sending session died: its transaction aborted
            return;
        }
        Double pct = m.producer.spec.source().rollbackPercent();
        if (pct != null && pct > 0 && rollbackRng(m.producer).chance(pct / 100)) {
            sim.lose(m, "rollback", m.channel.id());
            return;
        }
        notifyListeners(m);
    }

    private SplitMix64 rollbackRng(Producer p) {
        return rollbackRngs.computeIfAbsent(p, k -> sim.stream("rollback:" + k.instance.id + ":" + k.channel.id()));
    }

    /** The transaction committed: every session listening now gets a copy. */
    private void notifyListeners(Msg m) {
        List<SimGroup> gs = m.channel.groups;
        for (int i = 0; i < gs.size(); i++) {
            SimGroup g = gs.get(i);
            if (sim.tracing()) {
                sim.emit(new TraceEvent.Stored(sim.now(), m.channel.id(), g.name, -1, -1, m.id, m.correlationId));
            }
            int sent = 0;
            for (Member mem : g.members) {
                if (listening(mem)) {
                    sent++;
                    hand(mem, m.copy()); // each session its own copy
                }
            }
            if (sent == 0) {
                sim.lose(g, m, "notListening"); // only if the group still waits for it (not a re-sent copy)
            }
        }
    }

    private boolean listening(Member mem) {
        return mem.active() && (mem.link == null || !mem.link.partitioned);
    }

    private void hand(Member mem, Msg copy) {
        copies.get(mem.group).merge(copy.id, 1, Integer::sum);
        copy.deliveries++;
        Worker w = mem.freeWorker();
        if (w != null && mem.buffer.isEmpty()) {
            sim.deliver(mem, w, copy, false, false);
        } else {
            sim.toBuffer(mem, copy); // a busy session's notifications queue in its connection
        }
    }

    /** One copy is gone; when it was the last one held and the group still waits for the id, it is lost. */
    private void copyGone(SimGroup g, Msg m, String cause) {
        Map<Long, Integer> c = copies.get(g);
        Integer n = c.get(m.id);
        if (n == null || n <= 1) {
            c.remove(m.id);
            if (cause != null) {
                sim.lose(g, m, cause);
            }
        } else {
            c.put(m.id, n - 1);
        }
    }

    @Override
    public void pull(Member member) {
        // push only: notifications arrive as they are committed
    }

    @Override
    public void settled(Member member, Worker worker, Msg msg) {
        if (!msg.duplicateCopy) {
            copyGone(member.group, msg, null);
        }
    }

    /** NOTIFY is not acknowledged or re-sent: a notification lost on the way to a session is gone for it. */
    @Override
    public long deliveryLost(Member member, Msg msg) {
        copyGone(member.group, msg, "network");
        return TAKEN_BACK;
    }

    @Override
    public void memberDown(Member member, List<Msg> held, boolean crash) {
        for (Msg m : held) {
            copyGone(member.group, m, crash ? "crash" : "notListening"); // the session and its buffer are gone
        }
    }

    @Override
    public void memberUp(Member member) {
        // the new session LISTENs again; nothing sent meanwhile comes back
    }

    @Override
    public void node(int node, boolean up) {
        if (node != 0) {
            throw new IllegalArgumentException("postgres broker " + id() + " is simulated as one node: 0");
        }
        down = !up;
        if (up) {
            return;
        }
        // every open transaction aborts; every session drops, with what is on its way to it
        List<Long> txs = open.keySet().stream().sorted().toList();
        for (long tx : txs) {
            Msg m = open.remove(tx).msg;
            openIds.remove(m.id);
            m.channel.depthChanged(-1);
            sim.lose(m, "crash", id());
        }
        for (SimGroup g : sim.groups()) {
            if (!copies.containsKey(g)) {
                continue;
            }
            for (Member mem : g.members) {
                for (Msg m : sim.takeTravellingTo(mem)) {
                    if (!m.duplicateCopy) {
                        copyGone(g, m, "crash");
                    }
                }
            }
        }
    }

    @Override
    public List<Msg> drain(SimChannel channel) {
        return List.of(); // nothing is stored, so nothing can be re-driven
    }

    @Override
    public void collectHeld(SimGroup group, BitSet out) {
        for (Pending p : open.values()) {
            if (p.msg.channel == group.channel) {
                out.set((int) p.msg.id);
            }
        }
    }

    @Override
    public long[] depths(SimChannel channel) {
        long n = 0;
        for (Pending p : open.values()) {
            if (p.msg.channel == channel) {
                n++;
            }
        }
        return new long[] {n};
    }
}
