/**
 * Sweeps: one design run for many seeds and many combinations of settings, in parallel (one simulation per thread,
 * each kernel single-threaded and deterministic), summarised per combination as the runs arrive; and the search for
 * the smallest setting that meets a goal. Entry points: {@link io.eventflow.simulator.sweep.SweepSpec} (what to run),
 * {@link io.eventflow.simulator.sweep.SweepRunner} (running it), {@link io.eventflow.simulator.sweep.Goal} and
 * {@link io.eventflow.simulator.sweep.Minimiser}.
 */
package io.eventflow.simulator.sweep;
