package io.eventflow.simulator;

/**
 * A run would exceed one of the simulator's limits (e.g. the messages created per simulated second) and stops cleanly
 * rather than exhausting memory. The message is fit to show as is; {@link #toString()} is the message alone, so that
 * wrappers such as {@code SimFailedException} show no class name either.
 */
public final class SimulationLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulationLimitException(String message) {
        super(message);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
