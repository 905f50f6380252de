package io.eventflow.model.design;

/** Jitter. How retry waits are randomised to avoid thundering herds. */
public enum Jitter implements Keyed {
    NONE("none"),
    FULL("full"),
    EQUAL("equal"),
    DECORRELATED("decorrelated");

    private final String key;

    Jitter(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static Jitter fromKey(String key) {
        return Keyed.parse(Jitter.class, key, "jitter");
    }

    @Override
    public String toString() {
        return key;
    }
}
