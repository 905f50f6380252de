package io.eventflow.model.kind;

import java.util.List;

/** Where a kind writes its channel settings as flat keys, in a fixed order; {@code null} values are left out. */
public interface SettingsSink {
    /** A value: text, number, boolean, a duration or size (in the text it was written with) or an enum's key. */
    void put(String key, Object value);

    /** A list of texts. */
    void putStrings(String key, List<String> values);
}
