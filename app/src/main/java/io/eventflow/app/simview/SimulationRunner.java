package io.eventflow.app.simview;

import io.eventflow.simulator.RealtimePacer;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.SimulationSnapshot;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.trace.TraceBuffer;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * Owns the one simulation thread. Every control command goes through a thread-safe queue and is carried out on that
 * thread; the view reads the latest snapshot, report and trace (all immutable or thread-safe) whenever it draws. The
 * simulation thread never waits for the view: flat out it runs ahead, and the view samples what is there.
 */
public final class SimulationRunner implements RunSource, AutoCloseable {
    /** Where the run is. */
    public enum State {
        EMPTY,
        READY,
        RUNNING,
        PAUSED,
        FINISHED,
        FAILED
    }

    /** Speed factor meaning "as fast as the machine goes". */
    public static final double FLAT_OUT = Double.POSITIVE_INFINITY;

    private static final long REPORT_EVERY_NANOS = 250_000_000L;

    private final LinkedBlockingQueue<RunnerCommand> commands = new LinkedBlockingQueue<>();
    private final RunRecord record = new RunRecord();
    private final RunSeries series = new RunSeries();
    private final Thread thread;
    private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
    private volatile long done;
    private volatile Simulation sim;
    private volatile SimulationReport report;
    private volatile State state = State.EMPTY;
    private volatile String error;
    private volatile double factor = 1.0;
    private volatile long generation;
    private volatile long runUntil = -1;
    private RealtimePacer pacer;
    private long lastReport;
    private long reportCost;
    private long chunk = 10_000_000L;

    public SimulationRunner() {
        thread = new Thread(this::loop, "eventflow-simulation");
        thread.setDaemon(true);
        thread.start();
    }

    // ---- commands (any thread) ----

    /** Builds a fresh simulation from {@code config} (paused at time 0). */
    public void reset(RunConfig config) {
        send(new RunnerCommand.Reset(config));
    }

    public void run() {
        send(new RunnerCommand.Run());
    }

    public void pause() {
        send(new RunnerCommand.Pause());
    }

    /** Fires one event, then pauses. */
    public void step() {
        send(new RunnerCommand.Step());
    }

    /** Runs flat out up to simulated time {@code nanos}, then pauses. */
    public void runUntil(long nanos) {
        send(new RunnerCommand.Until(nanos));
    }

    /** Simulated seconds per wall second (0.01 to 10,000), or {@link #FLAT_OUT}. */
    public void setSpeed(double f) {
        if (f != FLAT_OUT && !(f >= RealtimePacer.MIN_FACTOR && f <= RealtimePacer.MAX_FACTOR)) {
            throw new IllegalArgumentException("speed must be within 0.01..10000 or flat out: " + f);
        }
        send(new RunnerCommand.Speed(f));
    }

    /** Injects a fault now (its {@code at} is ignored when it has passed). */
    public void inject(Fault fault) {
        send(new RunnerCommand.Inject(fault));
    }

    /** Applies an operator action now. */
    public void apply(Action action) {
        send(new RunnerCommand.Apply(action));
    }

    @Override
    public void close() {
        send(new RunnerCommand.Stop());
    }

    /** Waits until every command sent so far has been carried out (tests). */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long want = sent.get();
        long end = System.currentTimeMillis() + timeoutMillis;
        while (done < want) {
            if (System.currentTimeMillis() > end) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    private void send(RunnerCommand c) {
        sent.incrementAndGet();
        commands.add(c);
    }

    // ---- what the view reads (any thread, never blocks for long) ----

    @Override
    public State state() {
        return state;
    }

    /** Why the run failed, or null. */
    @Override
    public String error() {
        return error;
    }

    public double speed() {
        return factor;
    }

    /** Incremented on every reset, so views know to clear what they accumulated. */
    @Override
    public long generation() {
        return generation;
    }

    /** The latest snapshot, or null before the first reset. */
    @Override
    public SimulationSnapshot snapshot() {
        Simulation s = sim;
        return s == null ? null : s.snapshot();
    }

    /** The latest report (refreshed a few times a second while running, and on every pause), or null. */
    @Override
    public SimulationReport report() {
        return report;
    }

    /** Simulated end time in nanoseconds, or 0 without a simulation. */
    @Override
    public long endTime() {
        Simulation s = sim;
        return s == null ? 0 : s.endTime();
    }

    public long seed() {
        Simulation s = sim;
        return s == null ? 0 : s.seed();
    }

    /** Trace events with sequence number at least {@code seq} still in the ring. */
    public List<TraceEvent> traceSince(long seq) {
        Simulation s = sim;
        TraceBuffer t = s == null ? null : s.trace();
        return t == null ? List.of() : t.since(seq);
    }

    /** New trace events: those from {@code seq} on, the sequence number to ask from next, and how many were lost. */
    public record TraceBatch(List<TraceEvent> events, long next, long lost) {}

    /**
     * The trace events written since {@code seq} that are still in the ring, at most the newest {@code max} of them
     * (one consistent read; the rest count as lost).
     */
    @Override
    public TraceBatch traceBatch(long seq, int max) {
        Simulation s = sim;
        TraceBuffer t = s == null ? null : s.trace();
        if (t == null) {
            return new TraceBatch(List.of(), seq, 0);
        }
        synchronized (t) { // TraceBuffer's methods lock the buffer itself: written() and since() read together
            long written = t.written();
            List<TraceEvent> events = t.since(Math.max(seq, written - max));
            return new TraceBatch(events, written, Math.max(0, written - seq - events.size()));
        }
    }

    /** Every trace event still in the ring for one correlation id. */
    @Override
    public List<TraceEvent> traceOf(long correlationId) {
        Simulation s = sim;
        TraceBuffer t = s == null ? null : s.trace();
        return t == null ? List.of() : t.byCorrelationId(correlationId);
    }

    @Override
    public int traceCapacity() {
        Simulation s = sim;
        TraceBuffer t = s == null ? null : s.trace();
        return t == null ? 0 : t.capacity();
    }

    // ---- the simulation thread ----

    private void loop() {
        try {
            while (true) {
                boolean busy = state == State.RUNNING;
                boolean flat = runUntil >= 0 || factor == FLAT_OUT;
                RunnerCommand c = busy && flat ? commands.poll() : commands.poll(busy ? 2 : 50, TimeUnit.MILLISECONDS);
                while (c != null) {
                    if (c instanceof RunnerCommand.Stop) {
                        return;
                    }
                    handle(c);
                    done++;
                    c = commands.poll();
                }
                if (state == State.RUNNING) {
                    advance();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(RunnerCommand c) {
        try {
            if (c instanceof RunnerCommand.Reset r) {
                build(r.config());
            } else if (sim == null) {
                Logger.debug("ignored {} without a simulation", c);
            } else if (c instanceof RunnerCommand.Run) {
                if (state == State.READY || state == State.PAUSED) {
                    pacer = null;
                    state = State.RUNNING;
                }
            } else if (c instanceof RunnerCommand.Pause) {
                if (state == State.RUNNING) {
                    runUntil = -1;
                    paused();
                }
            } else if (c instanceof RunnerCommand.Step) {
                if (state == State.READY || state == State.PAUSED || state == State.RUNNING) {
                    sim.step();
                    sampleCrossed(sim);
                    paused();
                }
            } else if (c instanceof RunnerCommand.Until u) {
                if (state != State.FINISHED && state != State.FAILED && u.time() > sim.now()) {
                    runUntil = u.time();
                    state = State.RUNNING;
                }
            } else if (c instanceof RunnerCommand.Speed s) {
                factor = s.factor();
                pacer = null;
            } else if (c instanceof RunnerCommand.Inject i) {
                Fault f = (Fault) byHand(i.fault());
                sim.inject(f);
                applyNow(f.at());
            } else if (c instanceof RunnerCommand.Apply a) {
                Action x = (Action) byHand(a.action());
                sim.apply(x);
                applyNow(x.at());
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** A fault or action sent by hand, timed where it takes effect and recorded (see {@link RunRecord#take}). */
    private Object byHand(Object faultOrAction) {
        return record.take(faultOrAction, sim.now(), state == State.FINISHED || state == State.FAILED);
    }

    /** When not running, carries out what was just injected (a nanosecond on) so the view shows it at once. */
    private void applyNow(long at) {
        if (state != State.RUNNING && state != State.FINISHED && state != State.FAILED) {
            runTo(sim, Math.min(at, sim.now() + 1));
            refreshReport();
        }
    }

    /** The charts' series of the current run, sampled here at fixed steps of simulated time. */
    @Override
    public RunSeries series() {
        return series;
    }

    /** Runs to {@code time} (capped at the end), stopping at every sample step on the way to take the sample there. */
    private void runTo(Simulation s, long time) {
        long until = Math.min(time, s.endTime());
        sampleCrossed(s);
        while (series.next() <= until) {
            s.runUntil(series.next());
            series.sample(s);
        }
        s.runUntil(until);
    }

    /** After a single step past a sample time, the sample is taken where the step ended. */
    private void sampleCrossed(Simulation s) {
        if (series.next() <= s.now()) {
            series.sample(s);
        }
    }

    /** The run's config and what was injected by hand: the scenario of the run as it happened. */
    public RunRecord record() {
        return record;
    }

    private void build(RunConfig cfg) {
        pacer = null;
        runUntil = -1;
        error = null;
        sim = null;
        report = null;
        try {
            Simulation.Builder b =
                    Simulation.builder(cfg.design()).scenario(cfg.scenario()).traceCapacity(cfg.traceCapacity());
            if (cfg.seed() != null) {
                b.seed(cfg.seed());
            }
            if (cfg.duration() != null) {
                b.duration(cfg.duration());
            }
            sim = b.build();
            record.start(cfg, sim.seed());
            series.reset(cfg.design(), sim.endTime());
            series.sample(sim);
            generation++;
            refreshReport();
            state = State.READY;
        } catch (RuntimeException e) {
            generation++;
            fail(e);
        }
    }

    private void advance() {
        try {
            Simulation s = sim;
            if (runUntil >= 0 || factor == FLAT_OUT) {
                long step = s.endTime() == Long.MAX_VALUE ? chunk : Math.min(chunk, Math.max(1, s.endTime() / 300));
                long target = runUntil >= 0 ? Math.min(runUntil, s.now() + step) : s.now() + step;
                long t0 = System.nanoTime();
                runTo(s, target);
                tuneChunk(System.nanoTime() - t0);
                if (runUntil >= 0 && s.now() >= runUntil) {
                    runUntil = -1;
                    paused();
                    return;
                }
            } else {
                if (pacer == null) {
                    pacer = new RealtimePacer(s, factor);
                }
                while (pacer.tick(series.next()) >= series.next()) {
                    series.sample(s);
                }
            }
            if (s.finished() || s.now() >= s.endTime()) {
                series.finish(s);
                refreshReport(); // before the state: whoever sees FINISHED reads the final report
                state = State.FINISHED;
            } else if (dueReport()) {
                refreshReport();
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /**
     * A report (for the counters) is due every 250 ms of wall time, but never so often that reports take more than a
     * twentieth of the time. The charts do not wait for it: {@link RunSeries} samples on simulated time.
     */
    private boolean dueReport() {
        return System.nanoTime() - lastReport > Math.max(REPORT_EVERY_NANOS, 20 * reportCost);
    }

    /** Keeps each flat-out slice between about 5 and 20 ms of wall time, so commands are answered promptly. */
    private void tuneChunk(long wall) {
        if (wall < 5_000_000L && chunk < 3_600_000_000_000L) {
            chunk *= 2;
        } else if (wall > 20_000_000L && chunk > 1_000L) {
            chunk /= 2;
        }
    }

    private void paused() {
        refreshReport();
        state = sim.finished() ? State.FINISHED : State.PAUSED;
    }

    private void refreshReport() {
        long t0 = System.nanoTime();
        report = sim.report();
        lastReport = System.nanoTime();
        reportCost = lastReport - t0;
    }

    private void fail(RuntimeException e) {
        if (e instanceof io.eventflow.simulator.UnsupportedDesignException) {
            Logger.warn("the simulator cannot run this design: {}", e.getMessage());
        } else {
            Logger.error(e, "the simulation stopped");
        }
        error = e.getMessage() == null ? e.toString() : e.getMessage();
        state = State.FAILED;
    }
}
