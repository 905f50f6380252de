package io.eventflow.model.design;

/** Overflow policy. What a queue at its max length does with a new message. */
public enum Overflow implements Keyed {
    DROP_HEAD("drop-head"),
    REJECT_PUBLISH("reject-publish"),
    REJECT_PUBLISH_DLX("reject-publish-dlx");

    private final String key;

    Overflow(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static Overflow fromKey(String key) {
        return Keyed.parse(Overflow.class, key, "overflow policy");
    }

    @Override
    public String toString() {
        return key;
    }
}
