package io.eventflow.simulator.internal;

import java.util.Arrays;

/**
 * Per-group state of each message id (ids are dense), with running counts per state. Ids are kept in pages of
 * {@value #PAGE} states; a page whose ids all reached the same state (typically: all processed) is dropped and
 * remembered as that one state, so memory stays flat in the message count when messages are settled in roughly the
 * order they were published.
 */
public final class StateTable {
    /** For {@link #replace}: whatever state the id is in. */
    public static final int ANY = -1;

    private static final int PAGE_BITS = 12;
    static final int PAGE = 1 << PAGE_BITS;
    private static final int MASK = PAGE - 1;

    /** Materialised pages, or null where a page is uniform. */
    private byte[][] pages = new byte[1][];
    /** The state of every id of a page that is not materialised (NONE for pages never touched). */
    private byte[] uniform = new byte[1];
    /** Per page, the number of its ids in each state (only meaningful for materialised pages). */
    private int[] pageCounts = new int[MsgState.COUNT];

    private final long[] counts = new long[MsgState.COUNT];

    public byte get(long id) {
        int p = (int) (id >>> PAGE_BITS);
        if (p >= pages.length) {
            return MsgState.NONE;
        }
        byte[] pg = pages[p];
        return pg == null ? uniform[p] : pg[(int) id & MASK];
    }

    public void set(long id, byte s) {
        int p = (int) (id >>> PAGE_BITS);
        if (p >= pages.length) {
            grow(p);
        }
        byte[] pg = pages[p];
        if (pg == null) {
            if (uniform[p] == s) {
                return; // already in that state: nothing changes (the running counts included)
            }
            pg = materialise(p);
        }
        int i = (int) id & MASK;
        byte old = pg[i];
        counts[old]--;
        counts[s]++;
        pg[i] = s;
        int base = p * MsgState.COUNT;
        pageCounts[base + old]--;
        if (++pageCounts[base + s] == PAGE) {
            pages[p] = null; // every id of the page is in state s now
            uniform[p] = s;
        }
    }

    /**
     * Moves {@code id} to state {@code to} if it is in state {@code from} (in any state when {@code from} is
     * {@link #ANY}); returns the state it was in. The same as {@link #get} followed by {@link #set} when the state
     * matches, with one page lookup instead of two (the per-message path does this twice per message and group).
     */
    public byte replace(long id, int from, byte to) {
        int p = (int) (id >>> PAGE_BITS);
        if (p >= pages.length) {
            if (from != ANY && from != MsgState.NONE) {
                return MsgState.NONE;
            }
            grow(p);
        }
        byte[] pg = pages[p];
        if (pg == null) {
            byte u = uniform[p];
            if (u == to || (from != ANY && u != from)) {
                return u; // nothing changes (the running counts included)
            }
            pg = materialise(p);
        }
        int i = (int) id & MASK;
        byte old = pg[i];
        if (old == to || (from != ANY && old != from)) {
            return old;
        }
        counts[old]--;
        counts[to]++;
        pg[i] = to;
        int base = p * MsgState.COUNT;
        pageCounts[base + old]--;
        if (++pageCounts[base + to] == PAGE) {
            pages[p] = null; // every id of the page is in state to now
            uniform[p] = to;
        }
        return old;
    }

    private byte[] materialise(int p) {
        byte u = uniform[p];
        byte[] pg = new byte[PAGE];
        if (u != MsgState.NONE) {
            Arrays.fill(pg, u);
        }
        int base = p * MsgState.COUNT;
        Arrays.fill(pageCounts, base, base + MsgState.COUNT, 0);
        pageCounts[base + u] = PAGE;
        pages[p] = pg;
        return pg;
    }

    private void grow(int p) {
        int n = pages.length;
        while (n <= p) {
            n *= 2;
        }
        pages = Arrays.copyOf(pages, n);
        uniform = Arrays.copyOf(uniform, n);
        pageCounts = Arrays.copyOf(pageCounts, n * MsgState.COUNT);
    }

    /** Running count of ids in state {@code s} (NONE is not meaningful). */
    public long running(byte s) {
        return counts[s];
    }

    /** Counts ids per state by scanning the table (independent of the running counts). */
    public long[] scan(long maxId) {
        long[] c = new long[MsgState.COUNT];
        for (int p = 0; p < pages.length; p++) {
            long start = (long) p << PAGE_BITS;
            if (start >= maxId) {
                break;
            }
            int n = (int) Math.min(PAGE, maxId - start);
            byte[] pg = pages[p];
            if (pg == null) {
                c[uniform[p]] += n;
            } else {
                for (int i = 0; i < n; i++) {
                    c[pg[i]]++;
                }
            }
        }
        return c;
    }
}
