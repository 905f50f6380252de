package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The arrival process of a producer: {@code arrival: poisson}, or an object for bursts and ramps.
 *
 * @param kind constant, poisson, bursts or ramp
 * @param on bursts: how long a burst lasts
 * @param off bursts: the quiet time between bursts
 * @param from ramp: the rate at the start
 * @param to ramp: the rate at the end of the ramp
 * @param over ramp: how long the ramp takes
 * @param extensions {@code x-} keys kept verbatim
 */
public record Arrival(
        ArrivalKind kind,
        TimeSpan on,
        TimeSpan off,
        Rate from,
        Rate to,
        TimeSpan over,
        Map<String, JsonNode> extensions) {
    /** Nothing set: every component at its default. */
    public static final Arrival EMPTY = new Arrival(null, null, null, null, null, null, null);

    public Arrival {
        extensions = Extensions.copy(extensions);
    }

    public Arrival(ArrivalKind kind, TimeSpan on, TimeSpan off, Rate from, Rate to, TimeSpan over) {
        this(kind, on, off, from, to, over, Map.of());
    }

    public static final Arrival CONSTANT = new Arrival(ArrivalKind.CONSTANT, null, null, null, null, null);
    public static final Arrival POISSON = new Arrival(ArrivalKind.POISSON, null, null, null, null, null);

    /** True when only the kind is set (then it is written as a single word). */
    public boolean isSimple() {
        return on == null && off == null && from == null && to == null && over == null && extensions.isEmpty();
    }

    /** A copy with {@code kind} set. */
    public Arrival withKind(ArrivalKind newKind) {
        return new Arrival(newKind, on, off, from, to, over, extensions);
    }

    /** A copy with {@code on} set. */
    public Arrival withOn(TimeSpan newOn) {
        return new Arrival(kind, newOn, off, from, to, over, extensions);
    }

    /** A copy with {@code off} set. */
    public Arrival withOff(TimeSpan newOff) {
        return new Arrival(kind, on, newOff, from, to, over, extensions);
    }

    /** A copy with {@code from} set. */
    public Arrival withFrom(Rate newFrom) {
        return new Arrival(kind, on, off, newFrom, to, over, extensions);
    }

    /** A copy with {@code to} set. */
    public Arrival withTo(Rate newTo) {
        return new Arrival(kind, on, off, from, newTo, over, extensions);
    }

    /** A copy with {@code over} set. */
    public Arrival withOver(TimeSpan newOver) {
        return new Arrival(kind, on, off, from, to, newOver, extensions);
    }
}
