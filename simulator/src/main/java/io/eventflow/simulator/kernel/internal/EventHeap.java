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
        if (4 * size == heap.length) {
            heap = Arrays.copyOf(heap, heap.length * 2);
        }
        long ord = ((long) priority << SEQ_BITS) | (sequence++ & SEQ_MASK);
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
        long[] h = heap;
        poppedTime = h[0];
        poppedArg = h[2];
        poppedHandler = (int) h[3];
        int last = --size;
        int l = last << 2;
        long t = h[l];
        long ord = h[l + 1];
        long arg = h[l + 2];
        long ev = h[l + 3];
        if (last == 0) {
            return;
        }
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int c = child << 2;
            long ct = h[c];
            if (child + 1 < last) {
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
    }
}
