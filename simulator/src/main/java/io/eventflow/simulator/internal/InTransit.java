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

    private final World world;
    private Msg[] msgs = new Msg[64];
    private byte[] kinds = new byte[64];
    private long[] starts = new long[64];
    private long[] ends = new long[64];
    private int[] free = new int[64];
    private int freeCount;
    private int used;

    InTransit(World world) {
        this.world = world;
    }

    void add(Msg m, byte kind, long end) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == msgs.length) {
                int n = used * 2;
                msgs = Arrays.copyOf(msgs, n);
                kinds = Arrays.copyOf(kinds, n);
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                free = Arrays.copyOf(free, n);
            }
            slot = used++;
        }
        msgs[slot] = m;
        kinds[slot] = kind;
        starts[slot] = world.now();
        ends[slot] = end;
        world.at(end, this, slot);
    }

    @Override
    public void fire(SimContext ctx, long arg) {
        int slot = (int) arg;
        Msg m = msgs[slot];
        byte kind = kinds[slot];
        msgs[slot] = null;
        free[freeCount++] = slot;
        switch (kind) {
            case TO_BROKER -> world.arrive(m, false);
            case TO_BROKER_COPY -> world.arrive(m, true);
            default -> world.send(m);
        }
    }

    /** Adds the ids of messages still travelling (not the extra copies) to {@code out}. */
    public void collect(BitSet out) {
        for (int i = 0; i < used; i++) {
            if (msgs[i] != null && kinds[i] != TO_BROKER_COPY) {
                out.set((int) msgs[i].id);
            }
        }
    }

    /** Visits (message, kind, start, end) of everything in transit. */
    public void forEach(Consumer<Object[]> visitor) {
        for (int i = 0; i < used; i++) {
            if (msgs[i] != null) {
                visitor.accept(new Object[] {msgs[i], kinds[i], starts[i], ends[i]});
            }
        }
    }
}
