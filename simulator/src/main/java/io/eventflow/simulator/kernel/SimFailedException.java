package io.eventflow.simulator.kernel;

/** An event failed; the run stops at the failing event's time and never swallows the cause. */
public final class SimFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long time;

    public SimFailedException(long time, Throwable cause) {
        super("simulation failed at t=" + time + "ns: " + cause, cause);
        this.time = time;
    }

    /** Simulated time of the failing event, in nanoseconds. */
    public long time() {
        return time;
    }
}
