package io.eventflow.simulator.kernel.internal;

import java.util.Arrays;

/**
 * Binary min-heap of events in one primitive array, ordered by (time, priority, sequence). Each entry is four
 * consecutive longs (time, priority and sequence, argument, handler), so a sift step touches one cache line. Priority
 * and sequence share one long ({@code priority << 55 | sequence}), so a comparison is at most two long compares.
 * Handlers are int ids, so no reference is stored per event (no GC write barrier); the array grows by doubling.
 */
public final class EventHeap {
    private static final int SEQ_BITS = 55;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

    /** Entry i occupies [4i, 4i+4): time, order, argument, handler. */
    private long[] heap = new long[4 * 256];

    private int size;
    private long sequence;

    private long poppedTime;
    private long poppedArg;
    private int poppedHandler;
    /** True between {@link #take()} and the push or {@link #finishTake()} that replaces or removes the entry. */
    private boolean taken;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the next event; only valid when not empty. */
    public long peekTime() {
        return heap[0];
    }

    public void push(long t, int priority, int handler, long arg) {
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority must be 0..255: " + priority);
        }
        long ord = ((long) priority << SEQ_BITS) | (sequence++ & SEQ_MASK);
        if (taken) { // the first entry's event is being handled: this one takes its place
            taken = false;
            siftDown(size, t, ord, arg, handler);
            return;
        }
        if (4 * size == heap.length) {
            heap = Arrays.copyOf(heap, heap.length * 2);
        }
        long[] h = heap;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = parent << 2;
            long pt = h[p];
            if (pt < t || (pt == t && h[p + 1] < ord)) {
                break;
            }
            int c = i << 2;
            h[c] = pt;
            h[c + 1] = h[p + 1];
            h[c + 2] = h[p + 2];
            h[c + 3] = h[p + 3];
            i = parent;
        }
        int c = i << 2;
        h[c] = t;
        h[c + 1] = ord;
        h[c + 2] = arg;
        h[c + 3] = handler;
    }

    /** Removes the first event; read it with {@link #poppedTime()}, {@link #poppedHandler()}, {@link #poppedArg()}. */
    public void pop() {
        take();
        finishTake();
    }

    /**
     * Reads the first event like {@link #pop()} but leaves its entry in place until {@link #finishTake()}: the first
     * {@link #push} in between overwrites it and sifts down once, instead of a removal and an insertion (a handler
     * usually schedules one event). Which entries the heap holds is the same either way, and so, as keys are unique,
     * is the order in which they come out. Between the two calls {@link #size()} and {@link #peekTime()} still see
     * the taken entry.
     */
    public void take() {
        long[] h = heap;
        poppedTime = h[0];
        poppedArg = h[2];
        poppedHandler = (int) h[3];
        taken = true;
    }

    /** Removes the entry read by {@link #take()} unless a push has replaced it already. */
    public void finishTake() {
        if (!taken) {
            return;
        }
        taken = false;
        long[] h = heap;
        int last = --size;
        int l = last << 2;
        if (last == 0) {
            return;
        }
        siftDown(last, h[l], h[l + 1], h[l + 2], h[l + 3]);
    }

    /** Puts (t, ord, arg, ev) at the root of the first {@code n} entries and sifts it down. */
    private void siftDown(int n, long t, long ord, long arg, long ev) {
        long[] h = heap;
        int i = 0;
        int half = n >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int c = child << 2;
            long ct = h[c];
            if (child + 1 < n) {
                int r = c + 4;
                long rt = h[r];
                if (rt < ct || (rt == ct && h[r + 1] < h[c + 1])) {
                    child++;
                    c = r;
                    ct = rt;
                }
            }
            if (t < ct || (t == ct && ord < h[c + 1])) {
                break;
            }
            int d = i << 2;
            h[d] = ct;
            h[d + 1] = h[c + 1];
            h[d + 2] = h[c + 2];
            h[d + 3] = h[c + 3];
            i = child;
        }
        int d = i << 2;
        h[d] = t;
        h[d + 1] = ord;
        h[d + 2] = arg;
        h[d + 3] = ev;
    }

    public long poppedTime() {
        return poppedTime;
    }

    public long poppedArg() {
        return poppedArg;
    }

    public int poppedHandler() {
        return poppedHandler;
    }

    /** Removes every pending event. */
    public void clear() {
        size = 0;
        taken = false;
    }
}
