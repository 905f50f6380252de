package io.eventflow.app.simview;

import io.eventflow.simulator.SimulationSnapshot;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.List;

/**
 * What the views of Simulate read from a run, whatever runs it: the simulator ({@link SimulationRunner}) or real
 * brokers ({@link LiveRunner}). Every method may be called from the FX thread at any time and never blocks for long.
 */
interface RunSource {
    SimulationRunner.State state();

    /** Why the run failed, or null. */
    String error();

    /** Changes on every new run, so views clear what they accumulated. */
    long generation();

    /** The latest snapshot, or null. */
    SimulationSnapshot snapshot();

    /** The latest report (of a live run: so far), or null. */
    SimulationReport report();

    RunSeries series();

    SimulationRunner.TraceBatch traceBatch(long seq, int max);

    List<TraceEvent> traceOf(long correlationId);

    int traceCapacity();

    /** The time the run ends (nanoseconds), or 0 without a run. */
    long endTime();
}
