package io.eventflow.model.design;

/**
 * The compatibility mode of a message's payload schema, in the words schema registries use: which earlier versions a
 * new version must stay readable with, and in which direction. {@code eventflow diff} checks payload changes against it.
 */
public enum Compatibility implements Keyed {
    /** Consumers on the new schema read what was written with the previous one (consumers upgrade first). */
    BACKWARD("BACKWARD", true, false, false),
    /** As {@link #BACKWARD}, against every earlier version given. */
    BACKWARD_TRANSITIVE("BACKWARD_TRANSITIVE", true, false, true),
    /** Consumers on the previous schema read what is written with the new one (producers upgrade first). */
    FORWARD("FORWARD", false, true, false),
    /** As {@link #FORWARD}, against every earlier version given. */
    FORWARD_TRANSITIVE("FORWARD_TRANSITIVE", false, true, true),
    /** Both {@link #BACKWARD} and {@link #FORWARD}: either side may upgrade first. */
    FULL("FULL", true, true, false),
    /** As {@link #FULL}, against every earlier version given. */
    FULL_TRANSITIVE("FULL_TRANSITIVE", true, true, true),
    /** No check: every payload change is allowed. */
    NONE("NONE", false, false, false);

    /** The mode of a message that declares none. */
    public static final Compatibility DEFAULT = BACKWARD;

    private final String key;
    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    Compatibility(String key, boolean backward, boolean forward, boolean transitive) {
        this.key = key;
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    @Override
    public String key() {
        return key;
    }

    /** Whether the new schema must read data written with the earlier one. */
    public boolean backward() {
        return backward;
    }

    /** Whether the earlier schema must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Whether the check runs against every earlier version, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** The mode that checks everything both modes check (for a message on channels with different modes). */
    public Compatibility strictest(Compatibility other) {
        boolean b = backward || other.backward;
        boolean f = forward || other.forward;
        boolean t = transitive || other.transitive;
        for (Compatibility c : values()) {
            if (c.backward == b && c.forward == f && c.transitive == (t && (b || f))) {
                return c;
            }
        }
        return this;
    }

    public static Compatibility fromKey(String key) {
        return Keyed.parse(Compatibility.class, key, "compatibility mode");
    }

    @Override
    public String toString() {
        return key;
    }
}
