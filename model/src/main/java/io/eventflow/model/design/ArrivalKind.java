package io.eventflow.model.design;

/** Arrival process. How a producer spaces its messages in time. */
public enum ArrivalKind implements Keyed {
    CONSTANT("constant"),
    POISSON("poisson"),
    BURSTS("bursts"),
    RAMP("ramp");

    private final String key;

    ArrivalKind(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static ArrivalKind fromKey(String key) {
        return Keyed.parse(ArrivalKind.class, key, "arrival process");
    }

    @Override
    public String toString() {
        return key;
    }
}
