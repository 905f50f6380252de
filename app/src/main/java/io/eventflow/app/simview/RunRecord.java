package io.eventflow.app.simview;

import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one run was built from and what was done to it by hand (faults and actions from the canvas menu), at the
 * simulated times they took effect: together the scenario of the run as it happened, which re-runs to the same report
 * with the same seed. Written by the simulation thread, read by any.
 */
public final class RunRecord {
    private volatile RunConfig config;
    private volatile long seed;
    private final List<Object> byHand = new CopyOnWriteArrayList<>();

    /** A new run starts: nothing injected yet. */
    void start(RunConfig cfg, long runSeed) {
        config = cfg;
        seed = runSeed;
        byHand.clear();
    }

    /**
     * When a fault or action sent "now" takes effect: the next nanosecond after the current instant, so that it comes
     * after every event of that instant both in this run and when a scenario file schedules it at that time.
     */
    static long effectiveAt(long requested, long now) {
        return Math.max(requested, now + 1);
    }

    /**
     * A fault or action sent by hand at simulated time {@code now}, timed where it takes effect ({@link #effectiveAt});
     * recorded unless the run is over (it has no effect then).
     */
    Object take(Object faultOrAction, long now, boolean runOver) {
        long requested = faultOrAction instanceof Fault f ? f.at() : ((Action) faultOrAction).at();
        Object timed = TimelineEditor.withAt(faultOrAction, effectiveAt(requested, now));
        if (!runOver) {
            add(timed);
        }
        return timed;
    }

    /** Records a fault or action (already carrying the time it takes effect). */
    void add(Object faultOrAction) {
        if (!(faultOrAction instanceof Fault) && !(faultOrAction instanceof Action)) {
            throw new IllegalArgumentException("not a fault or action: " + faultOrAction);
        }
        byHand.add(faultOrAction);
    }

    /** The faults and actions injected by hand in this run, in the order they were sent. */
    public List<Object> byHand() {
        return List.copyOf(byHand);
    }

    /**
     * The run as it happened: the scenario's faults and actions plus those injected by hand, in time order (the
     * scenario's first at equal times), with the run's seed and duration. Null before the first run.
     */
    public Scenario asRun() {
        RunConfig cfg = config;
        if (cfg == null) {
            return null;
        }
        Scenario s = cfg.scenario();
        List<Fault> faults = new ArrayList<>(s.faults());
        List<Action> actions = new ArrayList<>(s.actions());
        for (Object o : byHand) {
            if (o instanceof Fault f) {
                faults.add(f);
            } else {
                actions.add((Action) o);
            }
        }
        faults.sort(Comparator.comparingLong(Fault::at));
        actions.sort(Comparator.comparingLong(Action::at));
        Long duration = cfg.duration() != null ? cfg.duration() : s.duration();
        return new Scenario(s.design(), seed, duration, faults, actions, s.payloads());
    }
}
