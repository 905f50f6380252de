package io.eventflow.model.design;

/** Backoff. How the wait between retries grows. */
public enum Backoff implements Keyed {
    FIXED("fixed"),
    EXPONENTIAL("exponential");

    private final String key;

    Backoff(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static Backoff fromKey(String key) {
        return Keyed.parse(Backoff.class, key, "backoff");
    }

    @Override
    public String toString() {
        return key;
    }
}
