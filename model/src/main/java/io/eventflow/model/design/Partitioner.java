package io.eventflow.model.design;

/** Partitioner. How a producer to a partitioned log picks a partition. */
public enum Partitioner implements Keyed {
    KEY("key"),
    ROUND_ROBIN("round-robin");

    private final String key;

    Partitioner(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static Partitioner fromKey(String key) {
        return Keyed.parse(Partitioner.class, key, "partitioner");
    }

    @Override
    public String toString() {
        return key;
    }
}
