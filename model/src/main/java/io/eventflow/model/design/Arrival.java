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
}
