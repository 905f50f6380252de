package io.eventflow.model.design;

/** Start position. Where a new consumer group starts reading ({@code auto.offset.reset}). */
public enum StartFrom implements Keyed {
    EARLIEST("earliest"),
    LATEST("latest");

    private final String key;

    StartFrom(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static StartFrom fromKey(String key) {
        return Keyed.parse(StartFrom.class, key, "start position");
    }

    @Override
    public String toString() {
        return key;
    }
}
