package io.eventflow.simulator.kernel;

/**
 * Something that happens at a simulated time. Event objects are long-lived (typically one per component and
 * kind of occurrence); the per-occurrence data travels in {@code arg}, so scheduling allocates nothing.
 */
@FunctionalInterface
public interface Event {
    /** Runs the event. {@code arg} is the value given to {@link SimContext#schedule}. */
    void fire(SimContext ctx, long arg);
}
