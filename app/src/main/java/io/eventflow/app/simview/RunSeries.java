package io.eventflow.app.simview;

import io.eventflow.model.design.Design;
import io.eventflow.simulator.Simulation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts' time series of one run: the whole design's and every service's and channel's, sampled on the
 * simulation thread at fixed steps of simulated time, so that a run gives the same points flat out as in slow motion.
 * The step is chosen from the run's duration for about {@link #TARGET_POINTS} points (1, 2 or 5 times a power of ten
 * nanoseconds); a run without an end starts at 100 ms and doubles the step whenever the series fill up. Written by the
 * simulation thread, read by the FX thread: every method locks.
 */
public final class RunSeries {
    /** About this many points per bounded run (between 120 and 300 with the rounded step). */
    static final int TARGET_POINTS = 300;

    static final long UNBOUNDED_STEP = 100_000_000L;

    private final Metrics whole = new Metrics();
    private final Map<String, Metrics> perElement = new HashMap<>();
    private Design design;
    private long step = UNBOUNDED_STEP;
    private long next;
    private long last = -1;
    private long revision;
    /** The groups' cumulative latency histograms at the previous sample. */
    private Map<String, org.HdrHistogram.Histogram> previousLatency = Map.of();

    /** Starts over for a new run of {@code design} that ends at {@code endTime} (Long.MAX_VALUE: no end). */
    synchronized void reset(Design d, long endTime) {
        design = d;
        whole.reset(null);
        perElement.clear();
        for (var s : d.services()) {
            perElement.computeIfAbsent(s.id(), k -> new Metrics()).reset(s.id());
        }
        for (var c : d.channels()) {
            perElement.computeIfAbsent(c.id(), k -> new Metrics()).reset(c.id());
        }
        step = stepFor(endTime);
        previousLatency = Map.of();
        next = 0;
        last = -1;
        revision++;
    }

    /** The sampling step for a run ending at {@code endTime}: the smallest 1, 2 or 5 × 10^k ns ≥ span / 300. */
    static long stepFor(long endTime) {
        if (endTime == Long.MAX_VALUE || endTime <= 0) {
            return UNBOUNDED_STEP;
        }
        long raw = Math.max(1, (endTime + TARGET_POINTS - 1) / TARGET_POINTS);
        for (long p = 1; ; p *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * p >= raw) {
                    return m * p;
                }
            }
        }
    }

    /** The simulated time of the next sample (nanoseconds). */
    synchronized long next() {
        return next;
    }

    /** The step between samples now (nanoseconds of simulated time). */
    public synchronized long step() {
        return step;
    }

    /**
     * Takes the sample due at {@link #next()} from the simulation, which must stand exactly there (or, after a single
     * step over it, just past it). Simulation thread.
     */
    void sample(Simulation sim) {
        // the report is the costly part: taken outside the lock, so the FX thread never waits for it
        var snapshot = sim.snapshot();
        var report = sim.report();
        var latency = sim.latencyHistograms();
        add(snapshot, report, latency, sim.now());
    }

    /** Takes a sample of a live run at publishing time {@code now} (its sampler thread). */
    void sample(
            io.eventflow.simulator.SimulationSnapshot snapshot,
            io.eventflow.simulator.report.SimulationReport report,
            long now) {
        add(snapshot, report, null, now);
    }

    private synchronized void add(
            io.eventflow.simulator.SimulationSnapshot snapshot,
            io.eventflow.simulator.report.SimulationReport report,
            Map<String, org.HdrHistogram.Histogram> latency,
            long now) {
        if (design == null) {
            return;
        }
        long thinnings = whole.thinnings();
        // Each group's histogram since the previous sample, once for every series (not once per element).
        Map<String, org.HdrHistogram.Histogram> intervals = null;
        if (latency != null && !latency.isEmpty() && snapshot != null && report != null) {
            intervals = Metrics.intervals(latency, previousLatency);
        }
        if (whole.addWindowed(snapshot, report, design, intervals) != null && intervals != null) {
            previousLatency = latency; // every series took this sample (they move in step)
        }
        for (Metrics m : perElement.values()) {
            m.addWindowed(snapshot, report, design, intervals);
        }
        if (whole.thinnings() != thinnings) {
            step *= 2; // every other point was dropped: keep the spacing even
        }
        last = now;
        next = (last / step + 1) * step;
        revision++;
    }

    /** At the end of a run that does not end on a step: one last sample there. Simulation thread. */
    void finish(Simulation sim) {
        boolean due;
        synchronized (this) {
            due = design != null && last < sim.now();
        }
        if (due) {
            sample(sim);
        }
    }

    /** Changes with every sample and reset: the FX thread copies the series only when it moved. */
    public synchronized long revision() {
        return revision;
    }

    /** How many times the series were thinned (the FX thread then redraws a chart rather than appending). */
    public synchronized long thinnings() {
        return whole.thinnings();
    }

    /** A copy of one element's series (recorded from the start of the run), or of the whole design's for null. */
    public synchronized List<Metrics.Sample> samples(String element) {
        Metrics m = element == null ? null : perElement.get(element);
        return List.copyOf((m == null ? whole : m).samples());
    }
}
