package io.eventflow.simulator;

import java.util.function.LongSupplier;

/**
 * Paces a simulation against the wall clock: {@code factor} simulated seconds per wall second (0.01 to 10,000).
 * Call {@link #tick()} repeatedly from the simulation thread (e.g. in a loop that sleeps until
 * {@link #nanosUntilNextEvent()}); pause, resume and the factor may be changed from any thread. The kernel itself
 * never waits: pacing lives only here.
 */
public final class RealtimePacer {
    public static final double MIN_FACTOR = 0.01;
    public static final double MAX_FACTOR = 10_000;

    private final Simulation sim;
    private final LongSupplier wallClock;
    private volatile double factor;
    private volatile boolean paused;
    private long anchorWall;
    private long anchorSim;
    private double anchorFactor;
    private boolean anchored;

    public RealtimePacer(Simulation sim, double factor) {
        this(sim, factor, System::nanoTime);
    }

    /** With an injected wall clock (nanoseconds), for tests. */
    public RealtimePacer(Simulation sim, double factor, LongSupplier wallClock) {
        this.sim = sim;
        this.wallClock = wallClock;
        setFactor(factor);
    }

    public double factor() {
        return factor;
    }

    /** Changes the speed; takes effect from the next tick without a jump in simulated time. */
    public void setFactor(double f) {
        if (!(f >= MIN_FACTOR && f <= MAX_FACTOR)) {
            throw new IllegalArgumentException("speed factor must be within 0.01..10000: " + f);
        }
        factor = f;
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean paused() {
        return paused;
    }

    /** The simulated time the wall clock says we should be at now. */
    long target() {
        long wall = wallClock.getAsLong();
        double f = factor;
        if (!anchored || f != anchorFactor) {
            anchorWall = wall;
            anchorSim = sim.now();
            anchorFactor = f;
            anchored = true;
        }
        return anchorSim + Math.round((wall - anchorWall) * f);
    }

    /**
     * Advances the simulation to where the wall clock says it should be; returns the new simulated time. While
     * paused nothing happens, and the wall time spent paused is not made up afterwards.
     */
    public long tick() {
        return tick(Long.MAX_VALUE);
    }

    /**
     * Like {@link #tick()}, but stops at {@code limit} if the wall clock says to go further (a point the caller must
     * stop at, such as the next chart sample); the next tick goes on from there without losing pace.
     */
    public long tick(long limit) {
        if (paused) {
            anchored = false;
            return sim.now();
        }
        long t = Math.min(target(), limit);
        sim.runUntil(Math.max(t, sim.now()));
        return sim.now();
    }

    /** Wall nanoseconds until the simulated time reaches {@code simTime} at the current factor. */
    public long wallNanosUntil(long simTime) {
        return Math.max(0, Math.round((simTime - sim.now()) / factor));
    }
}
