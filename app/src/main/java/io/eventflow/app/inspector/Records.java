package io.eventflow.app.inspector;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Copies a record with one component changed, so forms need no hand-written wither per field. */
public final class Records {
    private Records() {}

    /** A copy of {@code record} with component {@code name} set to {@code value}. */
    public static <R extends Record> R with(R record, String name, Object value) {
        RecordComponent[] comps = record.getClass().getRecordComponents();
        Object[] args = new Object[comps.length];
        boolean found = false;
        for (int i = 0; i < comps.length; i++) {
            if (comps[i].getName().equals(name)) {
                args[i] = value;
                found = true;
            } else {
                args[i] = get(record, comps[i]);
            }
        }
        if (!found) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + name);
        }
        return construct(record.getClass(), comps, args);
    }

    /** The value of a component by name. */
    public static Object get(Record record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return get(record, c);
            }
        }
        throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + name);
    }

    /** A record of this type with every component null (for optional nested settings). */
    public static <R extends Record> R empty(Class<R> type) {
        RecordComponent[] comps = type.getRecordComponents();
        return construct(type, comps, new Object[comps.length]);
    }

    /** {@code value}, or an empty record of the type when it is null. */
    public static <R extends Record> R orEmpty(R value, Class<R> type) {
        return value != null ? value : empty(type);
    }

    private static Object get(Record record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> R construct(Class<?> type, RecordComponent[] comps, Object[] args) {
        Class<?>[] types = Arrays.stream(comps).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            return (R) ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }
}
