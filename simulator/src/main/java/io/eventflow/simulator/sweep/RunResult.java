package io.eventflow.simulator.sweep;

import java.util.Map;

/**
 * What one run gives the sweep: its figures (the run's report and trace are not kept).
 *
 * @param combination index of the combination
 * @param seed the seed
 * @param figures the report's figures by path
 * @param ok whether every invariant held
 */
record RunResult(int combination, long seed, Map<String, Double> figures, boolean ok) {}
