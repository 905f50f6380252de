package io.eventflow.model.design;

/**
 * The arrival process of a producer: {@code arrival: poisson}, or an object for bursts and ramps.
 *
 * @param kind constant, poisson, bursts or ramp
 * @param on bursts: how long a burst lasts
 * @param off bursts: the quiet time between bursts
 * @param from ramp: the rate at the start
 * @param to ramp: the rate at the end of the ramp
 * @param over ramp: how long the ramp takes
 */
public record Arrival(ArrivalKind kind, TimeSpan on, TimeSpan off, Rate from, Rate to, TimeSpan over) {
    public static final Arrival CONSTANT = new Arrival(ArrivalKind.CONSTANT, null, null, null, null, null);
    public static final Arrival POISSON = new Arrival(ArrivalKind.POISSON, null, null, null, null, null);

    /** True when only the kind is set (then it is written as a single word). */
    public boolean isSimple() {
        return on == null && off == null && from == null && to == null && over == null;
    }
}
