package io.eventflow.model.kind;

import io.eventflow.model.design.DataSize;
import io.eventflow.model.design.Keyed;
import io.eventflow.model.design.TimeSpan;
import java.util.List;
import java.util.Map;

/**
 * Channel settings given as typed values by key (as {@link KindProfile#channelValues} returns them) read back by a
 * profile: a value of another type than the key's reads as absent.
 */
final class ValueSource implements SettingsSource {
    private final Map<String, Object> values;

    ValueSource(Map<String, Object> values) {
        this.values = values;
    }

    private <T> T get(String key, Class<T> type) {
        Object v = values.get(key);
        return type.isInstance(v) ? type.cast(v) : null;
    }

    @Override
    public String str(String key) {
        return get(key, String.class);
    }

    @Override
    public Integer integer(String key) {
        return get(key, Integer.class);
    }

    @Override
    public Boolean bool(String key) {
        return get(key, Boolean.class);
    }

    @Override
    public TimeSpan timeSpan(String key) {
        return get(key, TimeSpan.class);
    }

    @Override
    public DataSize size(String key) {
        return get(key, DataSize.class);
    }

    @Override
    public List<String> strings(String key) {
        Object v = values.get(key);
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return l.stream().map(String.class::cast).toList();
        }
        return null;
    }

    @Override
    public <E extends Enum<E> & Keyed> E keyed(String key, Class<E> type, String what) {
        return get(key, type);
    }
}
