package io.eventflow.simulator.internal;

import java.util.Arrays;

/** Per-group state of each message id (ids are dense), with running counts per state. */
public final class StateTable {
    private byte[] states = new byte[1024];
    private final long[] counts = new long[MsgState.COUNT];

    public byte get(long id) {
        return id < states.length ? states[(int) id] : MsgState.NONE;
    }

    public void set(long id, byte s) {
        byte[] st = states;
        if (id >= st.length) {
            st = grow(id);
        }
        int i = (int) id;
        long[] c = counts;
        c[st[i]]--;
        c[s]++;
        st[i] = s;
    }

    private byte[] grow(long id) {
        int n = states.length;
        while (n <= id) {
            n *= 2;
        }
        states = Arrays.copyOf(states, n);
        return states;
    }

    /** Running count of ids in state {@code s} (NONE is not meaningful). */
    public long running(byte s) {
        return counts[s];
    }

    /** Counts ids per state by scanning the table (independent of the running counts). */
    public long[] scan(long maxId) {
        long[] c = new long[MsgState.COUNT];
        int n = (int) Math.min(states.length, maxId);
        for (int i = 0; i < n; i++) {
            c[states[i]]++;
        }
        return c;
    }
}
