package io.eventflow.simulator;

/** Observes each first processing (for benchmarks and statistics); called on the simulation thread. */
@FunctionalInterface
public interface ProcessingProbe {
    void processed(long messageId, long publishTime, long startTime, long endTime);
}
