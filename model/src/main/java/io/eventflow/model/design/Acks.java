package io.eventflow.model.design;

/** Producer acks. How many replicas confirm a write before the producer counts it as sent. */
public enum Acks implements Keyed {
    NONE("0"),
    LEADER("1"),
    ALL("all");

    private final String key;

    Acks(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static Acks fromKey(String key) {
        return Keyed.parse(Acks.class, key, "producer acks");
    }

    @Override
    public String toString() {
        return key;
    }
}
