package io.eventflow.model.kind;

import io.eventflow.model.design.DataSize;
import io.eventflow.model.design.Keyed;
import io.eventflow.model.design.TimeSpan;
import java.util.List;

/**
 * The flat keys of one channel in a design file, typed. Each getter returns {@code null} when the key is absent or
 * its value is wrong (the reader then reports a problem naming the key).
 */
public interface SettingsSource {
    String str(String key);

    Integer integer(String key);

    Boolean bool(String key);

    TimeSpan timeSpan(String key);

    DataSize size(String key);

    /** A list of texts, or one text as a list of one. */
    List<String> strings(String key);

    /** One of an enum's keys; {@code what} names the setting in the problem, e.g. {@code overflow policy}. */
    <E extends Enum<E> & Keyed> E keyed(String key, Class<E> type, String what);
}
