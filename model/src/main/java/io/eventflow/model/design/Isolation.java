package io.eventflow.model.design;

/** A log consumer's {@code isolation.level}: whether a reader sees records of open and aborted transactions. */
public enum Isolation implements Keyed {
    /** Reads only committed transactional records (and every non-transactional one), up to the last stable offset. */
    READ_COMMITTED("read_committed"),
    /** Reads every record below the high watermark, including those of open and aborted transactions (default). */
    READ_UNCOMMITTED("read_uncommitted");

    private final String key;

    Isolation(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static Isolation fromKey(String key) {
        return Keyed.parse(Isolation.class, key, "isolation level");
    }

    @Override
    public String toString() {
        return key;
    }
}
