package io.eventflow.live.calibration;

import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveResult;
import io.eventflow.live.run.LiveRun;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs calibration cases: each {@code runs} times in the simulator and live (seeds 1 to {@code runs}, the same for
 * both), and judges every figure by its tolerance ({@code docs/fidelity.md}).
 */
public final class Calibration {
    private final int runs;
    private final Map<String, Endpoint> endpoints;
    private final Consumer<String> progress;
    private final List<String> notes = new ArrayList<>();

    /**
     * @param runs runs per case, live and simulated (at least 1)
     * @param endpoints the user's brokers by the case designs' broker ids (others run embedded or as local servers)
     * @param progress one line per step (a run starting, its notes)
     */
    public Calibration(int runs, Map<String, Endpoint> endpoints, Consumer<String> progress) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1");
        }
        this.runs = runs;
        this.endpoints = Map.copyOf(endpoints);
        this.progress = progress;
    }

    /** What the runs noted: conservation violations and live notes worth reading beside the table. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Runs the cases in order; one row per figure of each. */
    public List<Row> run(List<CalibrationCase> cases) {
        List<Row> rows = new ArrayList<>();
        for (CalibrationCase c : cases) {
            rows.addAll(run(c));
        }
        return rows;
    }

    /**
     * Runs one case. A case whose broker's local server cannot start here (its program is missing) gets skipped rows
     * with the reason; a live run that fails otherwise (a client error, your broker refusing) is noted and left out,
     * and when every run failed the rows say so ({@link Verdict#FAILED}).
     */
    public List<Row> run(CalibrationCase c) {
        Design design = design(c);
        Scenario scenario = scenario(c, design);
        List<SimulationReport> simulated = new ArrayList<>();
        for (int seed = 1; seed <= runs; seed++) {
            Simulation sim = Simulation.builder(design)
                    .scenario(scenario)
                    .seed(seed)
                    .drain(c.drain().toNanos())
                    .build(); // the live run's drain
            sim.runToEnd();
            simulated.add(sim.report());
        }
        List<SimulationReport> live = new ArrayList<>();
        String skipped = null;
        String failed = null;
        for (int seed = 1; seed <= runs && skipped == null; seed++) {
            progress.accept(c.id() + ": live run " + seed + " of " + runs);
            try {
                LiveResult r = LiveRun.builder(design)
                        .scenario(scenario)
                        .seed(seed)
                        .drain(c.drain())
                        .endpoints(endpoints)
                        .build()
                        .run();
                live.add(r.report());
                // a fault or action the live run could not apply makes its figures meaningless: say so
                for (String n : r.notes()) {
                    if (n.contains("failed") || n.contains("not applied")) {
                        notes.add(c.id() + " (seed " + seed + "): " + n);
                    }
                }
                if (!r.report().ok()) {
                    notes.add(c.id() + " (seed " + seed + "): conservation violated live: "
                            + String.join("; ", r.report().violations()));
                }
            } catch (LiveException e) {
                if (unavailable(e) && !endpoints.containsKey(c.broker())) {
                    skipped = firstLine(e.getMessage());
                } else {
                    // one failed run (a client error on a loaded machine) does not void the others: noted, left out
                    failed = firstLine(e.getMessage());
                    notes.add(c.id() + " (seed " + seed + "): live run failed, left out: " + e.getMessage());
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Figure f : c.figures()) {
            Stats sim = stats(f, simulated);
            if (skipped != null) {
                rows.add(Row.skipped(c.id(), f, sim, skipped));
            } else if (live.isEmpty()) {
                rows.add(Row.failed(c.id(), f, sim, failed));
            } else {
                rows.add(Row.judged(c.id(), f, sim, stats(f, live)));
            }
        }
        return rows;
    }

    private static Stats stats(Figure f, List<SimulationReport> reports) {
        return new Stats(reports.stream().map(r -> f.of().applyAsDouble(r)).toList());
    }

    private static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServerUnavailableException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The case's design, read and checked as a design file is. */
    public static Design design(CalibrationCase c) {
        try {
            DesignFiles.Loaded loaded = DesignFiles.parse(c.designResource(), resource(c.designResource()));
            if (loaded.hasErrors()) {
                throw new IllegalStateException(
                        "calibration design " + c.designResource() + " has errors: " + loaded.problems());
            }
            return loaded.design();
        } catch (InputException e) {
            throw new IllegalStateException("calibration design " + c.designResource() + ": " + e.problems(), e);
        }
    }

    /** The case's scenario. */
    public static Scenario scenario(CalibrationCase c, Design design) {
        try {
            return ScenarioReader.parse(c.scenarioResource(), resource(c.scenarioResource()), design);
        } catch (InputException e) {
            throw new IllegalStateException("calibration scenario " + c.scenarioResource() + ": " + e.problems(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Calibration.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing calibration resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
