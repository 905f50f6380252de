package io.eventflow.simulator.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounded ring buffer of the latest trace events with an index by correlation id for the events still in it.
 * Written by the simulation thread, read from any thread; every method holds the lock only briefly.
 */
public final class TraceBuffer implements TraceSink {
    private final TraceEvent[] ring;
    private final Map<Long, ArrayDeque<Long>> byCorrelation = new HashMap<>();
    private long written;

    public TraceBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("trace capacity must be >= 1");
        }
        ring = new TraceEvent[capacity];
    }

    public int capacity() {
        return ring.length;
    }

    @Override
    public synchronized void accept(TraceEvent event) {
        int slot = (int) (written % ring.length);
        TraceEvent old = ring[slot];
        if (old != null && old.correlationId() >= 0) {
            ArrayDeque<Long> q = byCorrelation.get(old.correlationId());
            if (q != null) {
                q.pollFirst();
                if (q.isEmpty()) {
                    byCorrelation.remove(old.correlationId());
                }
            }
        }
        ring[slot] = event;
        if (event.correlationId() >= 0) {
            byCorrelation
                    .computeIfAbsent(event.correlationId(), k -> new ArrayDeque<>())
                    .addLast(written);
        }
        written++;
    }

    /** Total events ever written (the sequence number the next event will get). */
    public synchronized long written() {
        return written;
    }

    /** Events with sequence number at least {@code fromSeq} still in the buffer, oldest first. */
    public synchronized List<TraceEvent> since(long fromSeq) {
        long first = Math.max(fromSeq, written - ring.length);
        first = Math.max(first, 0);
        List<TraceEvent> out = new ArrayList<>((int) Math.max(0, written - first));
        for (long s = first; s < written; s++) {
            out.add(ring[(int) (s % ring.length)]);
        }
        return out;
    }

    /** The events of one correlation id still in the buffer, oldest first. */
    public synchronized List<TraceEvent> byCorrelationId(long correlationId) {
        ArrayDeque<Long> q = byCorrelation.get(correlationId);
        if (q == null) {
            return List.of();
        }
        List<TraceEvent> out = new ArrayList<>(q.size());
        for (long s : q) {
            out.add(ring[(int) (s % ring.length)]);
        }
        return out;
    }
}
