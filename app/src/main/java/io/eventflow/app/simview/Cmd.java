package io.eventflow.app.simview;

import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;

/** The commands {@link SimulationRunner} carries out on its simulation thread, in the order they were sent. */
sealed interface Cmd {
    record Reset(RunConfig config) implements Cmd {}

    record Run() implements Cmd {}

    record Pause() implements Cmd {}

    record Step() implements Cmd {}

    record Until(long time) implements Cmd {}

    record Speed(double factor) implements Cmd {}

    record Inject(Fault fault) implements Cmd {}

    record Apply(Action action) implements Cmd {}

    record Stop() implements Cmd {}
}
