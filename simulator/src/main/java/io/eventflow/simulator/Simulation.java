package io.eventflow.simulator;

import io.eventflow.model.design.Design;
import io.eventflow.simulator.broker.BrokerKinds;
import io.eventflow.simulator.internal.Accounting;
import io.eventflow.simulator.internal.DesignCompiler;
import io.eventflow.simulator.internal.DesignProblems;
import io.eventflow.simulator.internal.Engine;
import io.eventflow.simulator.internal.EngineBuilder;
import io.eventflow.simulator.internal.Plan;
import io.eventflow.simulator.internal.ScenarioRunner;
import io.eventflow.simulator.kernel.SimFailedException;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.trace.JsonlTraceWriter;
import io.eventflow.simulator.trace.TraceBuffer;
import io.eventflow.simulator.trace.TraceEvent;
import io.eventflow.simulator.trace.TraceSink;
import java.io.Writer;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.tinylog.Logger;

/**
 * One simulation run of a design under a scenario. Build it with {@link #builder(Design)}; drive it from one thread
 * (step, runUntil, runToEnd, inject); read {@link #snapshot()} and {@link #trace()} from any thread.
 */
public final class Simulation {
    /** Default run length when neither a duration nor a message count is given: 60 s. */
    public static final long DEFAULT_DURATION = 60_000_000_000L;

    private static final int SNAPSHOT_CHECK = 4096;
    private final String designName;
    private final long seed;
    private final long endTime;
    private final Engine engine;
    private final ScenarioRunner scenario;
    private final TraceBuffer buffer;
    private final TraceSink file;
    private final ConcurrentLinkedQueue<Object> commands = new ConcurrentLinkedQueue<>();
    private volatile SimulationSnapshot latest;
    private volatile boolean snapshotWanted = true;
    private long wallNanos;

    /** The plan of {@code design} for the kinds the simulator runs ({@link BrokerKinds}). */
    private static Plan compile(Design design) {
        try {
            return DesignCompiler.compile(design, BrokerKinds::find);
        } catch (DesignProblems e) {
            throw unsupported(e);
        }
    }

    private static Engine build(Plan plan, long seed) {
        try {
            return EngineBuilder.build(plan, seed, BrokerKinds::find);
        } catch (DesignProblems e) {
            throw unsupported(e);
        }
    }

    private static UnsupportedDesignException unsupported(DesignProblems e) {
        UnsupportedDesignException out = new UnsupportedDesignException(e.problems());
        out.initCause(e);
        return out;
    }

    private Simulation(Builder b) {
        Plan plan = compile(b.design);
        designName = b.design.name();
        Scenario sc = b.scenario == null ? Scenario.EMPTY : b.scenario;
        seed = b.seed != null ? b.seed : sc.seed() != null ? sc.seed() : 1L;
        engine = build(plan, seed);
        if (sc.payloads() == Scenario.Payloads.ENCODED) {
            engine.carryPayloads(io.eventflow.simulator.internal.PayloadPool.of(b.design, engine.streams));
        }
        engine.keepConsumed = b.retainConsumed || sc.replays();
        engine.probe = b.probe == null ? null : b.probe::processed;
        engine.limitExceeded = SimulationLimitException::new;
        buffer = b.traceCapacity > 0 ? new TraceBuffer(b.traceCapacity) : null;
        if (buffer != null) {
            engine.addSink(buffer);
        }
        file = b.traceWriter != null ? new JsonlTraceWriter(b.traceWriter) : null;
        if (file != null) {
            engine.addSink(file);
        }
        long duration = b.duration != null ? b.duration : sc.duration() != null ? sc.duration() : -1;
        if (duration < 0) {
            duration = b.messages != Long.MAX_VALUE ? Long.MAX_VALUE : DEFAULT_DURATION;
        }
        endTime = duration == Long.MAX_VALUE || b.drain == 0
                ? duration
                : duration > Long.MAX_VALUE - b.drain ? Long.MAX_VALUE : duration + b.drain;
        engine.limitPublishing(b.messages, duration);
        scenario = new ScenarioRunner(engine);
        sc.faults().forEach(scenario::schedule);
        sc.actions().forEach(scenario::schedule);
        EngineBuilder.start(engine);
        latest = Snapshots.take(engine, 0);
        Logger.debug(
                "Simulation of '{}': seed {}, {} faults, {} actions, end {}",
                designName,
                seed,
                sc.faults().size(),
                sc.actions().size(),
                endTime == Long.MAX_VALUE ? "when drained" : endTime + "ns");
    }

    public static Builder builder(Design design) {
        return new Builder(design);
    }

    /** Simulated time in nanoseconds. */
    public long now() {
        return engine.now();
    }

    /** The time the run ends at ({@link Long#MAX_VALUE} when it runs until every message is processed). */
    public long endTime() {
        return endTime;
    }

    public long seed() {
        return seed;
    }

    /** True when nothing is left to do before the end time. */
    public boolean finished() {
        return engine.kernel.nextTime() > endTime || engine.kernel.failure() != null;
    }

    /** Fires the next event (if it is before the end time); returns false when there is none. */
    public boolean step() {
        drainCommands();
        if (engine.kernel.nextTime() > endTime) {
            return false;
        }
        long t0 = System.nanoTime();
        boolean fired = guarded(engine.kernel::step);
        wallNanos += System.nanoTime() - t0;
        publishSnapshot();
        return fired;
    }

    /** Runs every event up to {@code time} (capped at the end time). */
    public void runUntil(long time) {
        long until = Math.min(time, endTime);
        long t0 = System.nanoTime();
        drainCommands();
        try {
            while (engine.kernel.runBatch(until, SNAPSHOT_CHECK) == SNAPSHOT_CHECK) {
                if (snapshotWanted) {
                    publishSnapshot();
                }
                drainCommands();
            }
        } catch (SimFailedException e) {
            engine.emit(new TraceEvent.SimFailed(e.time(), "kernel", String.valueOf(e.getCause())));
            throw e;
        }
        if (until != Long.MAX_VALUE) {
            engine.kernel.runUntil(until);
        }
        wallNanos += System.nanoTime() - t0;
        publishSnapshot();
    }

    /** Runs to the end time, or until every message is processed when the run is limited by messages. */
    public void runToEnd() {
        runUntil(endTime);
    }

    private boolean guarded(java.util.function.BooleanSupplier step) {
        try {
            return step.getAsBoolean();
        } catch (SimFailedException e) {
            engine.emit(new TraceEvent.SimFailed(e.time(), "kernel", String.valueOf(e.getCause())));
            throw e;
        }
    }

    /** Injects a fault now (thread-safe: applied by the simulation thread before its next event). */
    public void inject(Fault fault) {
        commands.add(fault);
        snapshotWanted = true;
    }

    /** Applies an action now (thread-safe, like {@link #inject}). */
    public void apply(Action action) {
        commands.add(action);
    }

    private void drainCommands() {
        Object c;
        while ((c = commands.poll()) != null) {
            if (c instanceof Fault f) {
                scenario.schedule(f);
            } else {
                scenario.schedule((Action) c);
            }
        }
    }

    /**
     * The latest published snapshot; never blocks. The simulation thread publishes a fresh one at least every
     * 4096 events after this was called, and at the end of every run call.
     */
    public SimulationSnapshot snapshot() {
        snapshotWanted = true;
        return latest;
    }

    private void publishSnapshot() {
        snapshotWanted = false;
        latest = Snapshots.take(engine, buffer == null ? 0 : buffer.written());
    }

    /** The bounded trace of the latest events with a correlation-id index, or null when disabled. */
    public TraceBuffer trace() {
        return buffer;
    }

    /** Kernel events fired so far. */
    public long kernelEvents() {
        return engine.kernel.firedEvents();
    }

    /** Counts everything from the simulation's state; call on the simulation thread. Flushes the trace file. */
    /**
     * Copies of every group's latency histogram (publish → processing done, nanoseconds), keyed like the report's
     * groups. Subtracting an earlier copy gives the latencies of the messages processed in between, so a view can
     * chart percentiles per time window. Call it on the thread that drives the simulation.
     */
    public java.util.Map<String, org.HdrHistogram.Histogram> latencyHistograms() {
        return Accounting.latencyHistograms(engine);
    }

    public SimulationReport report() {
        if (file != null) {
            file.close();
        }
        SimulationReport r = Accounting.report(engine, designName, seed, wallNanos / 1e9);
        if (!r.ok()) {
            Logger.warn("Invariant violated in '{}' (seed {}): {}", designName, seed, r.violations());
        }
        return r;
    }

    /** Configures a run. */
    public static final class Builder {
        private final Design design;
        private Scenario scenario;
        private Long seed;
        private Long duration;
        private long messages = Long.MAX_VALUE;
        private long drain;
        private int traceCapacity = 10_000;
        private Writer traceWriter;
        private boolean retainConsumed = true;
        private ProcessingProbe probe;

        private Builder(Design design) {
            this.design = design;
        }

        public Builder scenario(Scenario s) {
            this.scenario = s;
            return this;
        }

        /** The seed; default: the scenario's, else 1. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Simulated duration in nanoseconds; default: the scenario's, else 60 s (or unlimited with messages). */
        public Builder duration(long nanos) {
            this.duration = nanos;
            return this;
        }

        /**
         * After publishing stops at the duration, go on this long (nanoseconds) so that consumers finish what is left,
         * as live mode's drain does; publications that follow processing still go out. Default 0: the run ends with
         * publishing, and what is left counts as in flight.
         */
        public Builder drain(long nanos) {
            if (nanos < 0) {
                throw new IllegalArgumentException("drain must not be negative: " + nanos);
            }
            this.drain = nanos;
            return this;
        }

        /** Stop publishing after this many messages in total (then run until all are done). */
        public Builder messages(long n) {
            this.messages = n;
            return this;
        }

        /** Size of the in-memory trace ring buffer; 0 turns tracing off (fastest). */
        public Builder traceCapacity(int n) {
            this.traceCapacity = n;
            return this;
        }

        /** Also writes every trace event as JSON Lines (complete trace). */
        public Builder traceWriter(Writer w) {
            this.traceWriter = w;
            return this;
        }

        /**
         * Whether logs keep consumed messages (needed to replay interactively). Default true; turning it off
         * keeps memory flat in long runs. A scenario with replay actions always keeps them.
         */
        public Builder retainConsumed(boolean keep) {
            this.retainConsumed = keep;
            return this;
        }

        /** Observes every first processing (statistics, benchmarks). */
        public Builder probe(ProcessingProbe p) {
            this.probe = p;
            return this;
        }

        /** @throws UnsupportedDesignException when the design uses broker kinds the simulator does not model */
        public Simulation build() {
            return new Simulation(this);
        }
    }
}
