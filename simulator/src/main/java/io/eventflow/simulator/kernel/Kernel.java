package io.eventflow.simulator.kernel;

import io.eventflow.simulator.kernel.internal.EventHeap;

/**
 * The discrete-event kernel: a nanosecond clock and an event list ordered by (time, priority, sequence). It runs
 * headless at full speed on the calling thread; wall-clock pacing lives in a separate wrapper. Not thread-safe.
 */
public final class Kernel implements SimContext {
    private static final int CHUNK = 64;
    private final EventHeap heap = new EventHeap();
    private Event[] handlers = new Event[64];
    private boolean[] oneShot = new boolean[64];
    private int[] free = new int[64];
    private int freeCount;
    private int used;
    private long now;
    private long fired;
    private SimFailedException failure;

    @Override
    public long now() {
        return now;
    }

    /** Number of events fired so far. */
    public long firedEvents() {
        return fired;
    }

    /** Number of events waiting. */
    public int pending() {
        return heap.size();
    }

    public boolean isEmpty() {
        return heap.isEmpty();
    }

    /** Time of the next pending event, or {@link Long#MAX_VALUE} when there is none. */
    public long nextTime() {
        return heap.isEmpty() ? Long.MAX_VALUE : heap.peekTime();
    }

    /** The failure that stopped the run, or null. */
    public SimFailedException failure() {
        return failure;
    }

    @Override
    public int register(Event event) {
        int slot = slot(event);
        oneShot[slot] = false;
        return slot;
    }

    private int slot(Event event) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == handlers.length) {
                int n = used * 2;
                handlers = java.util.Arrays.copyOf(handlers, n);
                oneShot = java.util.Arrays.copyOf(oneShot, n);
                free = java.util.Arrays.copyOf(free, n);
            }
            slot = used++;
        }
        handlers[slot] = event;
        return slot;
    }

    @Override
    public void schedule(long time, int priority, Event event, long arg) {
        check(time);
        int slot = slot(event);
        oneShot[slot] = true;
        heap.push(time, priority, slot, arg);
    }

    @Override
    public void schedule(long time, int priority, int handler, long arg) {
        check(time);
        heap.push(time, priority, handler, arg);
    }

    private void check(long time) {
        if (time < now) {
            throw new IllegalArgumentException("cannot schedule in the past: " + time + " < " + now);
        }
    }

    /** Fires the next event; returns false when there is none. A failing event stops the run for good. */
    public boolean step() {
        if (failure != null) {
            throw failure;
        }
        if (heap.isEmpty()) {
            return false;
        }
        heap.pop();
        now = heap.poppedTime();
        fired++;
        int slot = heap.poppedHandler();
        Event ev = handlers[slot];
        if (oneShot[slot]) {
            handlers[slot] = null;
            free[freeCount++] = slot;
        }
        try {
            ev.fire(this, heap.poppedArg());
        } catch (RuntimeException | StackOverflowError e) {
            failure = new SimFailedException(now, e);
            throw failure;
        }
        return true;
    }

    /**
     * Fires up to {@code maxEvents} events with time at most {@code until} in one tight loop; returns how many fired.
     * The clock stays at the last event's time.
     */
    public int runBatch(long until, int maxEvents) {
        if (failure != null) {
            throw failure;
        }
        int n = 0;
        try {
            while (n < maxEvents) {
                int want = Math.min(CHUNK, maxEvents - n);
                int k = fireChunk(until, want);
                n += k;
                if (k < want) {
                    break;
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            heap.finishTake(); // the failed event is gone, as with step()
            failure = new SimFailedException(now, e);
            throw failure;
        }
        return n;
    }

    /**
     * The event loop proper. It runs in chunks of {@value #CHUNK} events so that the JIT sees it invoked often and
     * compiles it (with the handlers inlined) early in a fresh JVM, instead of waiting for an on-stack replacement of
     * one long-running loop.
     */
    private int fireChunk(long until, int maxEvents) {
        int n = 0;
        while (n < maxEvents && !heap.isEmpty() && heap.peekTime() <= until) {
            heap.take(); // the handler's first schedule() takes the entry's place
            now = heap.poppedTime();
            fired++;
            n++;
            int slot = heap.poppedHandler();
            Event ev = handlers[slot];
            if (oneShot[slot]) {
                handlers[slot] = null;
                free[freeCount++] = slot;
            }
            ev.fire(this, heap.poppedArg());
            heap.finishTake();
        }
        return n;
    }

    /** Fires every event with time at most {@code until}, then sets the clock to {@code until}. */
    public void runUntil(long until) {
        while (!heap.isEmpty() && heap.peekTime() <= until) {
            step();
        }
        if (until > now) {
            now = until;
        }
    }

    /** Fires events until none is left. */
    public void runToEnd() {
        while (step()) {
            // keep firing
        }
    }

    /** Drops all pending events (used to end a run early). */
    public void clear() {
        heap.clear();
    }
}
