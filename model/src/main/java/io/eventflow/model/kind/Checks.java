package io.eventflow.model.kind;

import io.eventflow.model.design.Design;

/**
 * What a kind's validation reports to; the validator turns each call into an error on the element being checked (a
 * channel, or the service of a publication or subscription); {@code pointer} is relative to the design, e.g. {@code
 * /channels/3/maxLen}.
 */
public interface Checks {
    Design design();

    /** EF103: a setting that belongs to another broker kind. */
    void wrongKind(String pointer, String message, String hint);

    /** EF104: a value that cannot be. */
    void impossible(String pointer, String message, String hint);

    /** EF101: a reference to a channel that does not exist (with a "did you mean" where one is close). */
    void unknownChannel(String pointer, String id);

    /** EF104 when {@code value} is below 1. */
    default void positive(String pointer, String key, Integer value) {
        if (value != null && value < 1) {
            impossible(pointer, key + " must be at least 1, not " + value, null);
        }
    }
}
