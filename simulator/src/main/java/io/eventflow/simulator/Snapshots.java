package io.eventflow.simulator;

import io.eventflow.simulator.SimulationSnapshot.ChannelState;
import io.eventflow.simulator.SimulationSnapshot.GroupState;
import io.eventflow.simulator.SimulationSnapshot.InFlight;
import io.eventflow.simulator.SimulationSnapshot.InstanceState;
import io.eventflow.simulator.internal.Engine;
import io.eventflow.simulator.internal.InTransit;
import io.eventflow.simulator.internal.Instance;
import io.eventflow.simulator.internal.Member;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.MsgState;
import io.eventflow.simulator.internal.SimChannel;
import io.eventflow.simulator.internal.SimGroup;
import io.eventflow.simulator.internal.SimService;
import io.eventflow.simulator.internal.Worker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds {@link SimulationSnapshot}s on the simulation thread. */
final class Snapshots {
    private static final int MAX_IN_FLIGHT = 2000;

    private Snapshots() {}

    static SimulationSnapshot take(Engine w, long traceWritten) {
        long now = w.now();
        List<ChannelState> channels = new ArrayList<>();
        for (SimChannel c : w.channels.values()) {
            List<Long> d = new ArrayList<>();
            for (long x : c.broker.depths(c)) {
                d.add(x);
            }
            List<Integer> leaders = new ArrayList<>();
            for (int node : c.broker.leaders(c)) {
                leaders.add(node);
            }
            channels.add(new ChannelState(c.id(), List.copyOf(d), c.published, List.copyOf(leaders)));
        }
        List<GroupState> groups = new ArrayList<>();
        for (SimGroup g : w.groups) {
            List<String> assignment = new ArrayList<>();
            for (Member m : g.members) {
                if (m.partitions.length > 0) {
                    assignment.add(m.id() + "=" + Arrays.toString(m.partitions));
                }
            }
            groups.add(new GroupState(
                    g.name,
                    g.channel.id(),
                    g.lag,
                    g.owed,
                    g.states.running(MsgState.PROCESSED),
                    List.copyOf(assignment)));
        }
        List<InstanceState> instances = new ArrayList<>();
        List<InFlight> flying = new ArrayList<>();
        for (SimService s : w.services.values()) {
            for (Instance i : s.instances) {
                int busy = 0;
                int buffered = 0;
                for (Member m : i.members) {
                    busy += m.busy;
                    buffered += m.buffer.size();
                    for (Worker wk : m.workers) {
                        if (wk.msg != null && flying.size() < MAX_IN_FLIGHT) {
                            flying.add(worker(wk, now));
                        }
                    }
                }
                instances.add(new InstanceState(i.id, s.id(), i.alive, i.active, busy, buffered));
            }
        }
        w.transit().forEach(o -> {
            if (flying.size() < MAX_IN_FLIGHT) {
                Msg m = (Msg) o[0];
                byte kind = (Byte) o[1];
                long start = (Long) o[2];
                long end = (Long) o[3];
                Member target = (Member) o[4];
                String from = target != null ? m.channel.id() : m.producer.instance.service.id();
                String to = target != null ? target.instance.service.id() : m.channel.id();
                flying.add(new InFlight(
                        m.id,
                        m.correlationId,
                        from,
                        to,
                        progress(now, start, end),
                        kind == InTransit.RESEND ? "retry-wait" : "wire"));
            }
        });
        return new SimulationSnapshot(
                now,
                w.kernel.firedEvents(),
                w.published(),
                List.copyOf(channels),
                List.copyOf(groups),
                List.copyOf(instances),
                List.copyOf(flying),
                traceWritten);
    }

    private static InFlight worker(Worker wk, long now) {
        String phase =
                switch (wk.phase) {
                    case Worker.TRANSIT -> "wire";
                    case Worker.BACKOFF -> "backoff";
                    default -> "processing";
                };
        Member m = wk.member;
        return new InFlight(
                wk.msg.id,
                wk.msg.correlationId,
                m.group.channel.id(),
                m.instance.service.id(),
                progress(now, wk.start, wk.end),
                phase);
    }

    private static double progress(long now, long start, long end) {
        return end <= start ? 1.0 : Math.max(0, Math.min(1, (now - start) / (double) (end - start)));
    }
}
