package io.eventflow.simulator.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.simulator.internal.BrokerContext;
import io.eventflow.simulator.internal.BrokerKindProvider;
import io.eventflow.simulator.internal.BrokerRuntime;
import io.eventflow.simulator.internal.DesignProblems;
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
import java.util.Map;

/**
 * Redis Streams semantics (Redis 7), one node. Each channel is a stream ({@link RedisStreamLog}): XADD appends an
 * entry with an increasing id and, with {@code maxLen}, trims the oldest entries whether read or not. Each
 * subscription group is a consumer group ({@link RedisConsumerGroup}) with its last-delivered id and pending entries list
 * (PEL); each instance is a consumer named after the instance, so a restarted instance re-reads its own pending
 * entries. Persistence is AOF with {@code appendfsync} from the broker's {@code x-appendfsync} (always, everysec —
 * the default — or no): a crash loses the entries added within the last fsync interval.
 */
public final class RedisBroker implements BrokerRuntime, BrokerRuntime.Requeues, BrokerRuntime.Seekable {
    public static final BrokerKindProvider PROVIDER = new BrokerKindProvider() {
        @Override
        public BrokerKind kind() {
            return BrokerKind.REDIS;
        }

        @Override
        public BrokerRuntime create(Plan.Broker broker, BrokerContext sim) {
            return new RedisBroker(broker, sim);
        }
    };

    /** What a crash loses with {@code appendfsync no}: the kernel flushes dirty pages about every 30 s. */
    static final long FSYNC_NO = 30_000_000_000L;

    final Plan.Broker spec;
    final BrokerContext sim;
    final List<RedisStreamLog> streams = new ArrayList<>();
    final List<RedisConsumerGroup> groups = new ArrayList<>();
    /** Writes (XADD) of the last this-many nanoseconds are lost with a crash (AOF fsync interval). */
    final long fsyncWindow;

    boolean down;
    final Event sweep = (ctx, arg) -> groups.get((int) arg).sweepTimer();

    RedisBroker(Plan.Broker spec, BrokerContext sim) {
        this.spec = spec;
        this.sim = sim;
        this.fsyncWindow = fsyncWindow(spec);
    }

    private static long fsyncWindow(Plan.Broker spec) {
        Map<String, JsonNode> ext = spec.source() == null ? null : spec.source().extensions();
        JsonNode n = ext == null ? null : ext.get("x-appendfsync");
        String v = n == null ? "everysec" : n.asText();
        return switch (v) {
            case "always" -> 0;
            case "everysec" -> 1_000_000_000L;
            case "no" -> FSYNC_NO;
            default -> throw new DesignProblems(List.of(
                    "broker '" + spec.id() + "': x-appendfsync must be always, everysec or no, not '" + v + "'"));
        };
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public void attachChannel(SimChannel ch) {
        RedisStreamLog s = new RedisStreamLog(this, ch);
        ch.data = s;
        streams.add(s);
    }

    @Override
    public void attachGroup(SimGroup g) {
        RedisStreamLog s = (RedisStreamLog) g.channel.data;
        RedisConsumerGroup rg = new RedisConsumerGroup(this, g, s, groups.size());
        g.data = rg;
        groups.add(rg);
        s.groups.add(rg);
    }

    private static RedisConsumerGroup group(SimGroup g) {
        return (RedisConsumerGroup) g.data;
    }

    @Override
    public List<SimGroup> targetGroups(Msg msg) {
        return msg.origin.groups;
    }

    @Override
    public StoreResult store(Msg m) {
        if (down) {
            return StoreResult.UNAVAILABLE;
        }
        return ((RedisStreamLog) m.channel.data).xadd(m);
    }

    @Override
    public void pull(Member mem) {
        group(mem.group).pull(mem);
    }

    @Override
    public void settled(Member mem, Worker w, Msg m) {
        group(mem.group).settled(mem, m);
    }

    /** Failed processing is not acked: the entry stays pending and its consumer reads it again from its PEL. */
    @Override
    public void requeue(Member mem, Msg m) {
        group(mem.group).failed(mem, m);
    }

    @Override
    public long deliveryLost(Member mem, Msg m) {
        group(mem.group).deliveryLost(mem, m);
        return TAKEN_BACK;
    }

    @Override
    public void memberDown(Member mem, List<Msg> held, boolean crash) {
        group(mem.group).memberDown(mem, held);
    }

    @Override
    public void memberUp(Member mem) {
        group(mem.group).memberUp(mem);
    }

    @Override
    public void node(int node, boolean up) {
        if (node != 0) {
            throw new IllegalArgumentException("redis broker " + id() + " is simulated as one node: 0");
        }
        if (!up) {
            down = true;
            for (RedisStreamLog s : streams) {
                s.loseUnsynced(sim.now() - fsyncWindow);
            }
            return;
        }
        down = false;
        for (RedisConsumerGroup rg : groups) {
            rg.scheduleSweep();
            for (Member m : rg.g.members) {
                sim.next(m);
            }
        }
    }

    /** XGROUP SETID: moves the group's last-delivered id; its PEL is kept. */
    @Override
    public void seek(SimGroup g, String mode, long value) {
        group(g).seek(mode, value);
    }

    @Override
    public List<Msg> drain(SimChannel ch) {
        RedisStreamLog s = (RedisStreamLog) ch.data;
        List<Msg> out = new ArrayList<>();
        s.log.collectDeadLettered(out);
        return out;
    }

    @Override
    public void collectHeld(SimGroup g, BitSet out) {
        group(g).collectHeld(out);
    }

    @Override
    public long[] depths(SimChannel ch) {
        long d = 0;
        for (RedisConsumerGroup rg : ((RedisStreamLog) ch.data).groups) {
            d = Math.max(d, rg.unread);
        }
        return new long[] {d}; // entries the slowest group has not read yet
    }

    void trace(TraceEvent e) {
        sim.emit(e);
    }
}
