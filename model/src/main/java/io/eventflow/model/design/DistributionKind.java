package io.eventflow.model.design;

/** Distribution. The shape of processing times. */
public enum DistributionKind implements Keyed {
    CONSTANT("constant"),
    EXPONENTIAL("exponential"),
    UNIFORM("uniform"),
    NORMAL("normal"),
    LOGNORMAL("lognormal");

    private final String key;

    DistributionKind(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static DistributionKind fromKey(String key) {
        return Keyed.parse(DistributionKind.class, key, "distribution");
    }

    @Override
    public String toString() {
        return key;
    }
}
