package io.eventflow.model.design;

/** Commit mode. When a consumer commits offsets or acks messages. */
public enum CommitMode implements Keyed {
    AUTO("auto"),
    AFTER_PROCESSING("after-processing"),
    BEFORE_PROCESSING("before-processing");

    private final String key;

    CommitMode(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static CommitMode fromKey(String key) {
        return Keyed.parse(CommitMode.class, key, "commit mode");
    }

    @Override
    public String toString() {
        return key;
    }
}
