package io.eventflow.model.design;

/** Exactly-once mechanism. How a subscription avoids duplicate effects. */
public enum ExactlyOnceMechanism implements Keyed {
    DEDUP("dedup"),
    TRANSACTIONAL("transactional");

    private final String key;

    ExactlyOnceMechanism(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static ExactlyOnceMechanism fromKey(String key) {
        return Keyed.parse(ExactlyOnceMechanism.class, key, "exactly-once mechanism");
    }

    @Override
    public String toString() {
        return key;
    }
}
