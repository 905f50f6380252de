package io.eventflow.live;

import io.eventflow.simulator.report.SimulationReport;
import java.util.List;

/**
 * What a live run measured.
 *
 * @param report the same report as the simulator's, counted from what the clients saw ({@code docs/live.md})
 * @param notes one sentence each: which brokers ran where, how long they took to start, what was kept, faults or
 *     actions that could not be applied
 */
public record LiveResult(SimulationReport report, List<String> notes) {
    public LiveResult {
        notes = List.copyOf(notes);
    }
}
