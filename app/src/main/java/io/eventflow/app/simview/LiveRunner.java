package io.eventflow.app.simview;

import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveResult;
import io.eventflow.live.run.LiveProgress;
import io.eventflow.live.run.LiveRun;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.SimulationSnapshot;
import io.eventflow.simulator.UnsupportedDesignException;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.trace.TraceBuffer;
import io.eventflow.simulator.trace.TraceEvent;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Runs a design live ({@link LiveRun}) on its own thread and offers it to the views as a {@link RunSource}: a sampler
 * thread takes the run's progress (snapshot and report so far) four times a second into the same series the charts
 * read, and the run's moving tokens (sampled publishes and deliveries, {@link LiveRun#inFlight()}) 25 times a second, and the trace goes to a ring as a simulation's does. When the run ends, the simulator runs the same design,
 * scenario and seed for the comparison. Nothing here runs on the FX thread, and the FX thread never waits for it.
 */
final class LiveRunner implements RunSource, AutoCloseable {
    private static final long SAMPLE_MS = 250;
    /** Moving tokens are taken this often between progress samples. */
    private static final long TOKENS_MS = 40;

    private final RunSeries series = new RunSeries();
    private volatile SimulationRunner.State state = SimulationRunner.State.EMPTY;
    private volatile String error;
    private volatile String phase = "";
    private volatile long generation;
    private volatile TraceBuffer trace = new TraceBuffer(RunConfig.DEFAULT_TRACE);
    private volatile SimulationSnapshot snapshot;
    private volatile SimulationReport report;
    private volatile SimulationReport simulated;
    private volatile String comparisonNote;
    private volatile List<String> notes = List.of();
    private volatile long started;
    private volatile long ended;
    private volatile long endTime;
    private RunConfig config;
    private Map<String, Endpoint> endpoints = Map.of();
    private LiveRun run;
    private Thread thread;

    // ---- commands (FX thread) ----

    /** Stops the current run (its topology is torn down on its thread) and prepares a new one, not started. */
    synchronized void reset(RunConfig cfg, Map<String, Endpoint> endpoints) {
        stop();
        generation++;
        config = cfg;
        this.endpoints = Map.copyOf(endpoints);
        error = null;
        phase = "";
        snapshot = null;
        report = null;
        simulated = null;
        comparisonNote = null;
        notes = List.of();
        started = 0;
        ended = 0;
        trace = new TraceBuffer(cfg.traceCapacity());
        endTime = publishingNanos(cfg);
        series.reset(cfg.design(), endTime);
        state = SimulationRunner.State.READY;
    }

    /** Starts the prepared run, or resumes its producers when paused. */
    synchronized void run() {
        if (state == SimulationRunner.State.PAUSED && run != null) {
            run.resume();
            state = SimulationRunner.State.RUNNING;
            return;
        }
        if (state != SimulationRunner.State.READY || config == null) {
            return;
        }
        RunConfig cfg = config;
        long gen = generation;
        LiveRun.Builder b = LiveRun.builder(cfg.design())
                .scenario(cfg.scenario())
                .endpoints(endpoints)
                .trace(trace)
                .progress(line -> {
                    if (generation == gen) {
                        phase = line;
                    }
                });
        if (cfg.seed() != null) {
            b.seed(cfg.seed());
        }
        if (cfg.duration() != null) {
            b.duration(Duration.ofNanos(cfg.duration()));
        }
        LiveRun r = b.build();
        run = r;
        Thread previous = thread;
        state = SimulationRunner.State.RUNNING;
        started = System.nanoTime();
        phase = "starting";
        thread = new Thread(() -> runOnThread(r, cfg, gen, previous), "eventflow-live-run");
        thread.setDaemon(true);
        thread.start();
    }

    /** Pauses the producers (consumers go on). */
    synchronized void pause() {
        if (state == SimulationRunner.State.RUNNING && run != null) {
            run.pause();
            state = SimulationRunner.State.PAUSED;
        }
    }

    /** Ends the current run early (its thread reads back, reports and tears down). */
    synchronized void stop() {
        if (run != null && (state == SimulationRunner.State.RUNNING || state == SimulationRunner.State.PAUSED)) {
            run.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---- the run's threads ----

    private void runOnThread(LiveRun r, RunConfig cfg, long gen, Thread previous) {
        if (previous != null && previous.isAlive()) {
            phase = "waiting for the previous live run to stop";
            try {
                previous.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Thread sampler = new Thread(() -> sample(r, gen), "eventflow-live-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            LiveResult result = r.run();
            sampler.interrupt();
            sampler.join(2000);
            if (generation != gen) {
                return;
            }
            report = result.report();
            notes = result.notes();
            LiveProgress last = r.progress();
            if (last != null) {
                snapshot = withTokens(last.snapshot(), List.of()); // the run is over: nothing moves
            }
            ended = System.nanoTime();
            phase = "simulating the same design, scenario and seed for the comparison";
            simulated = simulate(cfg, result.report().seed());
            phase = "done";
            state = SimulationRunner.State.FINISHED;
        } catch (LiveException e) {
            failed(gen, e.getMessage(), null);
        } catch (RuntimeException | InterruptedException e) {
            failed(gen, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        } finally {
            sampler.interrupt();
        }
    }

    private void failed(long gen, String message, Throwable t) {
        if (t != null) {
            Logger.error(t, "the live run stopped");
        } else {
            Logger.warn("the live run could not run: {}", message);
        }
        if (generation == gen) {
            ended = System.nanoTime();
            // one problem per line, as the run refused it (sentences may hold "; " themselves)
            error = message.strip();
            phase = "";
            state = SimulationRunner.State.FAILED;
        }
    }

    /**
     * Takes the run's progress every {@value #SAMPLE_MS} ms, and between those its moving tokens every
     * {@value #TOKENS_MS} ms (cheap: a bounded sample the run keeps), so that tokens move smoothly.
     */
    private void sample(LiveRun r, long gen) {
        long lastProgress = 0;
        SimulationSnapshot base = null;
        while (!Thread.currentThread().isInterrupted() && generation == gen) {
            long now = System.nanoTime();
            if (base == null || now - lastProgress >= SAMPLE_MS * 1_000_000L) {
                LiveProgress p = r.progress();
                lastProgress = now;
                if (p != null) {
                    base = p.snapshot();
                    snapshot = base;
                    report = p.report();
                    series.sample(p.snapshot(), p.report(), p.time());
                }
            } else {
                snapshot = withTokens(base, r.inFlight());
            }
            try {
                Thread.sleep(TOKENS_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The snapshot with other moving tokens (the rest as sampled). */
    static SimulationSnapshot withTokens(SimulationSnapshot s, List<SimulationSnapshot.InFlight> tokens) {
        return new SimulationSnapshot(
                s.time(),
                s.kernelEvents(),
                s.published(),
                s.channels(),
                s.groups(),
                s.instances(),
                List.copyOf(tokens),
                s.traceWritten());
    }

    /** The simulator on the same design, scenario and seed, for the same publishing time; null if it cannot run. */
    private SimulationReport simulate(RunConfig cfg, long seed) {
        try {
            Simulation.Builder b =
                    Simulation.builder(cfg.design()).scenario(cfg.scenario()).seed(seed);
            if (cfg.duration() != null) {
                b.duration(cfg.duration());
            }
            Simulation sim = b.build();
            sim.runToEnd();
            return sim.report();
        } catch (UnsupportedDesignException e) {
            comparisonNote = "The simulator cannot run this design: " + e.getMessage();
            return null;
        } catch (RuntimeException e) {
            Logger.error(e, "the comparison simulation stopped");
            comparisonNote = "The comparison simulation stopped: " + e.getMessage();
            return null;
        }
    }

    private static long publishingNanos(RunConfig cfg) {
        if (cfg.duration() != null) {
            return cfg.duration();
        }
        return cfg.scenario().duration() != null ? cfg.scenario().duration() : 60_000_000_000L;
    }

    // ---- what the views read ----

    @Override
    public SimulationRunner.State state() {
        return state;
    }

    @Override
    public String error() {
        return error;
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    public SimulationSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public SimulationReport report() {
        return report;
    }

    @Override
    public RunSeries series() {
        return series;
    }

    @Override
    public SimulationRunner.TraceBatch traceBatch(long seq, int max) {
        TraceBuffer t = trace;
        synchronized (t) {
            long written = t.written();
            List<TraceEvent> events = t.since(Math.max(seq, written - max));
            return new SimulationRunner.TraceBatch(events, written, Math.max(0, written - seq - events.size()));
        }
    }

    @Override
    public List<TraceEvent> traceOf(long correlationId) {
        return trace.byCorrelationId(correlationId);
    }

    @Override
    public int traceCapacity() {
        return trace.capacity();
    }

    @Override
    public long endTime() {
        return endTime;
    }

    /** The simulated report of the same design, scenario and seed, once the live run has ended; else null. */
    SimulationReport simulated() {
        return simulated;
    }

    /** Why there is no comparison, or null. */
    String comparisonNote() {
        return comparisonNote;
    }

    /** The run's notes (brokers, start times, what could not be applied) once it has ended. */
    List<String> notes() {
        return notes;
    }

    /** What the run is doing, with the wall time since it started: "starting an embedded broker for 'orders'… 3.2 s". */
    String status() {
        long s = started;
        if (s == 0) {
            return "";
        }
        long until = ended != 0 ? ended : System.nanoTime();
        return String.format(Locale.ROOT, "%s · %.1f s", phase, (until - s) / 1e9);
    }
}
