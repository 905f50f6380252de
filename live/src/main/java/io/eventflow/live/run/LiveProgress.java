package io.eventflow.live.run;

import io.eventflow.simulator.SimulationSnapshot;
import io.eventflow.simulator.report.SimulationReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A live run as it goes, in the simulator's own types so that a view of a simulation shows it unchanged.
 *
 * @param time nanoseconds since publishing started (paused time included)
 * @param snapshot depths per channel (the slowest group's latest sampled depth, as one queue), lag, owed and processed
 *     per group, every instance (alive unless crashed, busy with the deliveries its workers hold), and as messages
 *     in flight a sample of the publishes and deliveries the clients saw ({@link LiveRun#inFlight()})
 * @param report the report so far: an owed message neither processed nor known lost counts as in flight until the run
 *     reads the brokers back at its end
 */
public record LiveProgress(long time, SimulationSnapshot snapshot, SimulationReport report) {

    /** Builds the snapshot from a report so far and the groups' latest sampled depths (by report group key). */
    static LiveProgress of(
            long time,
            SimulationReport report,
            Map<String, Long> lags,
            List<SimulationSnapshot.InstanceState> instances,
            List<SimulationSnapshot.InFlight> tokens) {
        List<SimulationSnapshot.GroupState> groups = new ArrayList<>();
        Map<String, Long> depthOf = new HashMap<>();
        report.groups().forEach((key, g) -> {
            long lag = lags.getOrDefault(key, 0L);
            depthOf.merge(g.channel(), lag, Math::max);
            groups.add(
                    new SimulationSnapshot.GroupState(g.group(), g.channel(), lag, g.owed(), g.processed(), List.of()));
        });
        List<SimulationSnapshot.ChannelState> channels = new ArrayList<>();
        report.channels()
                .forEach((id, c) -> channels.add(new SimulationSnapshot.ChannelState(
                        id, List.of(depthOf.getOrDefault(id, 0L)), c.published(), List.of())));
        SimulationSnapshot s = new SimulationSnapshot(
                time, 0, report.totals().published(), channels, groups, List.copyOf(instances), List.copyOf(tokens), 0);
        return new LiveProgress(time, s, report);
    }
}
