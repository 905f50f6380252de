package io.eventflow.app.simview;

import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;

/** The commands {@link SimulationRunner} carries out on its simulation thread, in the order they were sent. */
sealed interface RunnerCommand {
    record Reset(RunConfig config) implements RunnerCommand {}

    record Run() implements RunnerCommand {}

    record Pause() implements RunnerCommand {}

    record Step() implements RunnerCommand {}

    record Until(long time) implements RunnerCommand {}

    record Speed(double factor) implements RunnerCommand {}

    record Inject(Fault fault) implements RunnerCommand {}

    record Apply(Action action) implements RunnerCommand {}

    record Stop() implements RunnerCommand {}
}
