package io.eventflow.model.design;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum written in design files as a lower-case word. */
public interface Keyed {
    /** The word used in design files. */
    String key();

    /** Reads a word of a {@link Keyed} enum, with a message that lists the accepted words. */
    static <E extends Enum<E> & Keyed> E parse(Class<E> type, String key, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a " + what + ": use one of " + keys(type));
    }

    static <E extends Enum<E> & Keyed> String keys(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keyed::key).collect(Collectors.joining(", "));
    }
}
