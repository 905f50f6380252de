package io.eventflow.app.simview;

import io.eventflow.model.design.Design;
import io.eventflow.simulator.scenario.Scenario;

/**
 * What one run is built from: the design as it was when the run was reset, the scenario, the seed and the duration.
 *
 * @param seed the seed, or null for the scenario's (else 1)
 * @param duration simulated duration in nanoseconds, or null for the scenario's (else 60 s)
 * @param traceCapacity size of the in-memory trace ring
 */
public record RunConfig(Design design, Scenario scenario, Long seed, Long duration, int traceCapacity) {
    public static final int DEFAULT_TRACE = 50_000;

    public RunConfig {
        scenario = scenario == null ? Scenario.EMPTY : scenario;
    }

    public static RunConfig of(Design design, Scenario scenario) {
        return new RunConfig(design, scenario, null, null, DEFAULT_TRACE);
    }
}
