package io.eventflow.simulator.sweep;

/** A sweep the user asked for that cannot run; the message is fit to show as it is. */
public final class SweepException extends IllegalArgumentException {
    public SweepException(String message) {
        super(message);
    }
}
