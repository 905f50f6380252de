package io.eventflow.simulator.sweep;

import io.eventflow.model.design.Design;
import io.eventflow.model.validate.Problem;
import io.eventflow.model.validate.Validator;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.UnsupportedDesignException;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.ScenarioChecker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep on {@code jobs} threads, one simulation per thread at a time (each kernel single-threaded and
 * deterministic), and summarises the runs on the calling thread as they arrive. The summaries do not depend on the
 * order runs finish in, so the result is the same whatever the number of jobs.
 */
public final class SweepRunner {
    /** Notified on the calling thread after each run. */
    public interface Listener {
        void runDone(long done, long total);
    }

    private final SweepSpec spec;
    private final int jobs;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Map<Integer, Design> designs = new LinkedHashMap<>();

    public SweepRunner(SweepSpec spec, int jobs) {
        if (jobs < 1) {
            throw new SweepException("--jobs must be at least 1");
        }
        this.spec = spec;
        this.jobs = jobs;
    }

    public SweepSpec spec() {
        return spec;
    }

    /** Simulations run at once. */
    public int jobs() {
        return jobs;
    }

    /** Asks the sweep to stop: runs in progress are abandoned, finished ones are kept. Thread-safe. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }

    /** Runs every combination for every seed. */
    public SweepResult run(Listener listener) {
        return run(spec.combinations(), listener);
    }

    /** Runs the given combinations for every seed. */
    public SweepResult run(List<Combination> combinations, Listener listener) {
        long started = System.nanoTime();
        Map<Integer, CombinationResult> results = new LinkedHashMap<>();
        for (Combination c : combinations) {
            design(c); // refuse a bad combination before any run starts
            results.put(c.index(), new CombinationResult(c, c.label(spec.variations())));
        }
        long perCombination = spec.seeds().count();
        long total = perCombination * combinations.size();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, threads());
        CompletionService<RunResult> done = new ExecutorCompletionService<>(pool);
        long submitted = 0;
        long finished = 0;
        int inFlight = 0;
        try {
            while (finished < total && !(cancelled.get() && inFlight == 0)) {
                while (!cancelled.get() && submitted < total && inFlight < 2 * jobs) {
                    Combination c = combinations.get((int) (submitted / perCombination));
                    long seed = spec.seeds().first() + submitted % perCombination;
                    Design d = design(c);
                    done.submit(() -> runOne(c.index(), d, seed));
                    submitted++;
                    inFlight++;
                }
                RunResult r = take(done);
                inFlight--;
                if (r != null) {
                    results.get(r.combination()).add(r, spec.goal());
                    finished++;
                    if (listener != null) {
                        listener.runDone(finished, total);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new SweepResult(
                spec, new ArrayList<>(results.values()), finished, total, (System.nanoTime() - started) / 1e9);
    }

    private RunResult take(CompletionService<RunResult> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Cancelled) {
                return null;
            }
            cancel();
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The design of a combination, checked once: a design error or a scenario that no longer fits stops the sweep. */
    Design design(Combination c) {
        return designs.computeIfAbsent(c.index(), i -> {
            String label = c.label(spec.variations());
            Design d = c.apply(spec.design(), spec.variations());
            List<Problem> problems = new ArrayList<>(
                    Validator.validate(d).stream().filter(Problem::isError).toList());
            if (spec.scenario() != null) {
                problems.addAll(ScenarioChecker.check(spec.scenario(), d));
            }
            if (!problems.isEmpty()) {
                throw new SweepException(label + ": " + problems.get(0).message()
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            }
            return d;
        });
    }

    private RunResult runOne(int combination, Design design, long seed) {
        if (cancelled.get()) {
            throw new Cancelled();
        }
        Simulation sim;
        try {
            sim = builder(design).seed(seed).build();
        } catch (UnsupportedDesignException e) {
            throw new SweepException(e.getMessage());
        }
        long end = sim.endTime();
        if (end == Long.MAX_VALUE) {
            sim.runToEnd(); // a run limited by messages: its end is not known in advance
        } else {
            long chunk = Math.max(1, end / 20);
            while (sim.now() < end && !sim.finished()) {
                if (cancelled.get()) {
                    throw new Cancelled();
                }
                sim.runUntil(Math.min(end, sim.now() + chunk));
            }
            sim.runToEnd();
        }
        SimulationReport r = sim.report();
        return new RunResult(combination, seed, Figures.of(r), r.ok());
    }

    /** A simulation of {@code design} as the sweep runs it: no trace kept, consumed records dropped. */
    Simulation.Builder builder(Design design) {
        Simulation.Builder b = Simulation.builder(design)
                .scenario(spec.scenario())
                .traceCapacity(0)
                .retainConsumed(false);
        if (spec.duration() != null) {
            b.duration(spec.duration());
        }
        if (spec.messages() != null) {
            b.messages(spec.messages());
        }
        return b;
    }

    private static java.util.concurrent.ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A run abandoned because the sweep was cancelled. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
