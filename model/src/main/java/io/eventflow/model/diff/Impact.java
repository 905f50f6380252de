package io.eventflow.model.diff;

/** What a change does to one side of a channel: the producers writing to it or the consumers reading it. */
public enum Impact {
    /** Those on this side that are not changed with it stop working: messages refused, lost or misread. */
    BREAKING("breaking"),
    /** Those on this side keep working unchanged. */
    NON_BREAKING("non-breaking"),
    /** It depends on what this side does, which the design does not say (e.g. the order of keys on more partitions). */
    UNCLASSIFIED("unclassified");

    private final String key;

    Impact(String key) {
        this.key = key;
    }

    /** The word in the text and JSON output. */
    public String key() {
        return key;
    }

    /** The worse of two impacts: breaking, then unclassified, then non-breaking. */
    public Impact worst(Impact other) {
        if (this == BREAKING || other == BREAKING) {
            return BREAKING;
        }
        return this == UNCLASSIFIED || other == UNCLASSIFIED ? UNCLASSIFIED : NON_BREAKING;
    }

    @Override
    public String toString() {
        return key;
    }
}
