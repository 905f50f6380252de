package io.eventflow.simulator.internal;

import io.eventflow.simulator.kernel.Event;
import io.eventflow.simulator.kernel.SimContext;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.Consumer;

/** Messages between a producer and its broker: on the wire or waiting for a producer retry. */
public final class InTransit implements Event {
    public static final byte TO_BROKER = 0;
    public static final byte TO_BROKER_COPY = 1;
    public static final byte RESEND = 2;
    /** On the way from the broker into a consumer's prefetch buffer. */
    public static final byte TO_MEMBER = 3;

    private static final byte CANCELLED = 4;

    private final Engine engine;
    private Msg[] msgs = new Msg[64];
    private byte[] kinds = new byte[64];
    private Member[] targets = new Member[64];
    private long[] starts = new long[64];
    private long[] ends = new long[64];
    private int[] free = new int[64];
    private int freeCount;
    private int used;

    InTransit(Engine engine) {
        this.engine = engine;
    }

    /** Sends {@code m} towards a consumer's prefetch buffer, arriving at {@code end}. */
    public void toMember(Msg m, Member target, long end) {
        int slot = add(m, TO_MEMBER, end);
        targets[slot] = target;
    }

    /** Removes (and returns) what is on the way to {@code target}: it crashed or its connection closed. */
    public java.util.List<Msg> removeFor(Member target) {
        java.util.List<Msg> out = new java.util.ArrayList<>();
        for (int i = 0; i < used; i++) {
            if (targets[i] == target && kinds[i] == TO_MEMBER) {
                out.add(msgs[i]);
                msgs[i] = null;
                targets[i] = null;
                kinds[i] = CANCELLED;
            }
        }
        return out;
    }

    /**
     * Removes (and returns) the messages of {@code inst}'s producers that wait for a producer retry: it crashed, and the
     * retries it had in memory went with it. (What is already on the wire still arrives.)
     */
    public java.util.List<Msg> removeResends(Instance inst) {
        java.util.List<Msg> out = new java.util.ArrayList<>();
        for (int i = 0; i < used; i++) {
            if (kinds[i] == RESEND && msgs[i] != null && msgs[i].producer.instance == inst) {
                out.add(msgs[i]);
                msgs[i] = null;
                kinds[i] = CANCELLED;
            }
        }
        return out;
    }

    /** What is on the way to {@code target}, left where it is. */
    public java.util.List<Msg> travellingTo(Member target) {
        java.util.List<Msg> out = new java.util.ArrayList<>();
        for (int i = 0; i < used; i++) {
            if (msgs[i] != null && targets[i] == target) {
                out.add(msgs[i]);
            }
        }
        return out;
    }

    int add(Msg m, byte kind, long end) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == msgs.length) {
                int n = used * 2;
                msgs = Arrays.copyOf(msgs, n);
                kinds = Arrays.copyOf(kinds, n);
                targets = Arrays.copyOf(targets, n);
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                free = Arrays.copyOf(free, n);
            }
            slot = used++;
        }
        m.pinned = true; // the network may still hold (a copy of) it after it was processed
        msgs[slot] = m;
        kinds[slot] = kind;
        starts[slot] = engine.now();
        ends[slot] = end;
        engine.at(end, this, slot);
        return slot;
    }

    @Override
    public void fire(SimContext ctx, long arg) {
        int slot = (int) arg;
        Msg m = msgs[slot];
        byte kind = kinds[slot];
        Member target = targets[slot];
        msgs[slot] = null;
        targets[slot] = null;
        free[freeCount++] = slot;
        switch (kind) {
            case TO_BROKER -> engine.arrive(m, false);
            case TO_BROKER_COPY -> engine.arrive(m, true);
            case TO_MEMBER -> engine.processing.arrived(target, m);
            case CANCELLED -> {}
            default -> engine.send(m);
        }
    }

    /** Adds the ids of messages still travelling (not the extra copies) to {@code out}. */
    public void collect(BitSet out) {
        for (int i = 0; i < used; i++) {
            if (msgs[i] != null && kinds[i] != TO_BROKER_COPY && !msgs[i].duplicateCopy) {
                out.set((int) msgs[i].id);
            }
        }
    }

    /** Visits (message, kind, start, end, target member or null) of everything in transit. */
    public void forEach(Consumer<Object[]> visitor) {
        for (int i = 0; i < used; i++) {
            if (msgs[i] != null) {
                visitor.accept(new Object[] {msgs[i], kinds[i], starts[i], ends[i], targets[i]});
            }
        }
    }
}
