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
import java.util.List;

/**
 * Kafka-like semantics: partitioned logs with leaders on nodes, consumer groups with assignment, rebalance pause,
 * committed offsets, retention, seek, acks and failover. Group bookkeeping is in {@link KafkaGroup}.
 */
public final class KafkaBroker implements BrokerRuntime, BrokerRuntime.Seekable {
    public static final BrokerKindProvider PROVIDER = new BrokerKindProvider() {
        @Override
        public BrokerKind kind() {
            return BrokerKind.KAFKA;
        }

        @Override
        public BrokerRuntime create(Plan.Broker broker, BrokerContext sim) {
            return new KafkaBroker(broker, sim);
        }
    };

    final Plan.Broker spec;
    final BrokerContext sim;
    final boolean[] nodeUp;
    final List<KafkaTopic> topics = new ArrayList<>();
    final List<KafkaGroup> groups = new ArrayList<>();

    KafkaBroker(Plan.Broker spec, BrokerContext sim) {
        this.spec = spec;
        this.sim = sim;
        this.nodeUp = new boolean[Math.max(1, spec.nodes())];
        java.util.Arrays.fill(nodeUp, true);
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public void attachChannel(SimChannel ch) {
        KafkaTopic t = new KafkaTopic(this, ch, topics.size());
        ch.data = t;
        topics.add(t);
    }

    @Override
    public void attachGroup(SimGroup g) {
        KafkaGroup kg = new KafkaGroup(this, g, (KafkaTopic) g.channel.data, groups.size());
        g.data = kg;
        groups.add(kg);
        kg.topic.groups.add(kg);
    }

    @Override
    public void start() {
        for (KafkaGroup kg : groups) {
            kg.start();
        }
    }

    @Override
    public List<SimGroup> targetGroups(Msg msg) {
        return msg.origin.groups;
    }

    @Override
    public StoreResult store(Msg m) {
        KafkaTopic t = (KafkaTopic) m.channel.data;
        return t.store(m);
    }

    @Override
    public void pull(Member mem) {
        ((KafkaGroup) mem.group.data).pull(mem);
    }

    @Override
    public void settled(Member mem, Worker w, Msg m) {
        ((KafkaGroup) mem.group.data).settled(mem, m);
    }

    /**
     * The consumer's {@code request.timeout.ms} (default 30 s): a fetch whose response is lost is sent again when it
     * times out, from the same position.
     */
    static final long REQUEST_TIMEOUT = 30_000_000_000L;

    /** A lost fetch response: the partition waits for the request timeout, then the same records are fetched again. */
    @Override
    public long deliveryLost(Member mem, Msg m) {
        return REQUEST_TIMEOUT;
    }

    @Override
    public void memberDown(Member mem, List<Msg> held, boolean crash) {
        ((KafkaGroup) mem.group.data).memberDown(mem, held, crash);
    }

    @Override
    public void memberUp(Member mem) {
        ((KafkaGroup) mem.group.data).memberUp(mem);
    }

    @Override
    public void node(int node, boolean up) {
        if (node < 0 || node >= nodeUp.length) {
            throw new IllegalArgumentException("broker " + id() + " has nodes 0.." + (nodeUp.length - 1));
        }
        nodeUp[node] = up;
        for (KafkaTopic t : topics) {
            t.nodeChanged(node, up);
        }
    }

    @Override
    public void seek(SimGroup g, String mode, long value) {
        ((KafkaGroup) g.data).seek(mode, value);
    }

    @Override
    public List<Msg> drain(SimChannel ch) {
        KafkaTopic t = (KafkaTopic) ch.data;
        List<Msg> out = new ArrayList<>();
        for (KafkaTopic.Part p : t.parts) {
            p.log.collectDeadLettered(out);
        }
        return out;
    }

    @Override
    public void diskLimit(SimChannel ch, long bytes) {
        ((KafkaTopic) ch.data).setDiskLimit(bytes);
    }

    @Override
    public void collectHeld(SimGroup g, BitSet out) {
        ((KafkaGroup) g.data).collectHeld(out);
    }

    @Override
    public int[] leaders(SimChannel ch) {
        KafkaTopic t = (KafkaTopic) ch.data;
        int[] out = new int[t.parts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.parts[i].online ? t.parts[i].leader : -1;
        }
        return out;
    }

    @Override
    public long[] depths(SimChannel ch) {
        KafkaTopic t = (KafkaTopic) ch.data;
        long[] d = new long[t.parts.length];
        for (int p = 0; p < d.length; p++) {
            for (KafkaGroup kg : t.groups) {
                d[p] = Math.max(d[p], t.parts[p].log.end() - kg.pos[p]);
            }
        }
        return d;
    }

    void trace(TraceEvent e) {
        sim.emit(e);
    }

    /** One-shot event helper: events carry the group or topic index in the argument. */
    final Event rebalanceEnd = (ctx, arg) -> groups.get((int) (arg >>> 32)).rebalanceTimer((int) arg);

    final Event autoCommit = (ctx, arg) -> groups.get((int) (arg >>> 32)).autoCommitTimer((int) arg);
    final Event highWatermark = (ctx, arg) -> topics.get((int) (arg >>> 32)).highWatermarkTimer((int) arg);
    final Event retention = (ctx, arg) -> topics.get((int) arg).retentionTimer();
    final Event failover = (ctx, arg) -> topics.get((int) (arg >>> 32)).failoverDone((int) arg);
}
