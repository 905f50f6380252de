package io.eventflow.simulator.kernel;

/** What an {@link Event} may do while it fires: read the clock and schedule more events. */
public interface SimContext {
    /** Default priority; lower values fire first among events at the same time. */
    int NORMAL = 64;

    /** The simulated clock in nanoseconds. */
    long now();

    /** Schedules {@code event} at absolute time {@code time} (not before now) with the normal priority. */
    default void schedule(long time, Event event, long arg) {
        schedule(time, NORMAL, event, arg);
    }

    /** Schedules {@code event} at absolute time {@code time}; ties are broken by priority, then FIFO. */
    void schedule(long time, int priority, Event event, long arg);

    /**
     * Registers a long-lived event and returns its handler id, for {@link #schedule(long, int, int, long)}: the
     * fastest way to schedule (nothing stored but primitives).
     */
    int register(Event event);

    /** Schedules the registered handler {@code handler} at {@code time}. */
    void schedule(long time, int priority, int handler, long arg);

    /** Schedules {@code event} after {@code delay} nanoseconds. */
    default void scheduleIn(long delay, Event event, long arg) {
        schedule(now() + delay, NORMAL, event, arg);
    }
}
