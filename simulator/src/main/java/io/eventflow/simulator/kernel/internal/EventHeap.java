package io.eventflow.simulator.kernel.internal;

import java.util.Arrays;

/**
 * Binary min-heap of events over parallel primitive arrays, ordered by (time, priority, sequence). Priority and
 * sequence share one long ({@code priority << 55 | sequence}), so a comparison is at most two long compares.
 * Handlers are int ids, so no reference is stored per event (no GC write barrier); the arrays grow by doubling.
 */
public final class EventHeap {
    private static final int SEQ_BITS = 55;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

    private long[] time = new long[256];
    private long[] order = new long[256];
    private long[] args = new long[256];
    private int[] handlers = new int[256];
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
        return time[0];
    }

    public void push(long t, int priority, int handler, long arg) {
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority must be 0..255: " + priority);
        }
        if (size == time.length) {
            grow();
        }
        long ord = ((long) priority << SEQ_BITS) | (sequence++ & SEQ_MASK);
        long[] time = this.time;
        long[] order = this.order;
        long[] args = this.args;
        int[] handlers = this.handlers;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pt = time[parent];
            if (pt < t || (pt == t && order[parent] < ord)) {
                break;
            }
            time[i] = pt;
            order[i] = order[parent];
            handlers[i] = handlers[parent];
            args[i] = args[parent];
            i = parent;
        }
        time[i] = t;
        order[i] = ord;
        handlers[i] = handler;
        args[i] = arg;
    }

    /** Removes the first event; read it with {@link #poppedTime()}, {@link #poppedEvent()}, {@link #poppedArg()}. */
    public void pop() {
        long[] time = this.time;
        long[] order = this.order;
        long[] args = this.args;
        int[] handlers = this.handlers;
        poppedTime = time[0];
        poppedArg = args[0];
        poppedHandler = handlers[0];
        int last = --size;
        long t = time[last];
        long ord = order[last];
        int ev = handlers[last];
        long arg = args[last];
        if (last == 0) {
            return;
        }
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            long ct = time[child];
            if (right < last) {
                long rt = time[right];
                if (rt < ct || (rt == ct && order[right] < order[child])) {
                    child = right;
                    ct = rt;
                }
            }
            if (t < ct || (t == ct && ord < order[child])) {
                break;
            }
            time[i] = ct;
            order[i] = order[child];
            handlers[i] = handlers[child];
            args[i] = args[child];
            i = child;
        }
        time[i] = t;
        order[i] = ord;
        handlers[i] = ev;
        args[i] = arg;
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

    private void grow() {
        int n = time.length * 2;
        time = Arrays.copyOf(time, n);
        order = Arrays.copyOf(order, n);
        args = Arrays.copyOf(args, n);
        handlers = Arrays.copyOf(handlers, n);
    }
}
