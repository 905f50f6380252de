package io.eventflow.simulator.trace;

/** Receives trace events on the simulation thread, in simulated-time order. */
@FunctionalInterface
public interface TraceSink {
    void accept(TraceEvent event);

    /** Flushes and releases resources; the default does nothing. */
    default void close() {}
}
