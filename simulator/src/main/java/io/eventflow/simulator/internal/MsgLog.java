package io.eventflow.simulator.internal;

import java.util.Arrays;
import java.util.List;

/** An append-only log of messages addressed by offset, whose head can be trimmed (ring buffer). */
public final class MsgLog {
    private Msg[] ring = new Msg[16];
    private int head;
    private int size;
    private long base;
    private long bytes;

    /** Offset of the first retained message. */
    public long base() {
        return base;
    }

    /** Offset the next message will get. */
    public long end() {
        return base + size;
    }

    public int size() {
        return size;
    }

    public long bytes() {
        return bytes;
    }

    public long append(Msg m) {
        if (size == ring.length) {
            grow();
        }
        ring[(head + size) & (ring.length - 1)] = m;
        size++;
        bytes += m.sizeBytes;
        return base + size - 1;
    }

    private void grow() {
        Msg[] n = new Msg[ring.length * 2];
        for (int i = 0; i < size; i++) {
            n[i] = ring[(head + i) & (ring.length - 1)];
        }
        ring = n;
        head = 0;
    }

    /** The message at {@code offset}, which must be in [base, end). */
    public Msg get(long offset) {
        return ring[(int) ((head + (offset - base)) & (ring.length - 1))];
    }

    public Msg first() {
        return size == 0 ? null : ring[head];
    }

    /** Removes the first message. */
    public Msg removeFirst() {
        Msg m = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        base++;
        bytes -= m.sizeBytes;
        return m;
    }

    /** Offset of the first message stored at or after {@code time} (the end when none). */
    public long firstStoredAtOrAfter(long time) {
        for (long o = base(); o < end(); o++) {
            if (get(o).storedAt >= time) {
                return o;
            }
        }
        return end();
    }

    /**
     * Adds to {@code out}, in offset order, every retained message that is dead-lettered from its group and not
     * truncated (what a dead-letter channel has left to drain).
     */
    public void collectDeadLettered(List<Msg> out) {
        for (long o = base(); o < end(); o++) {
            Msg m = get(o);
            if (m.deadLetterFrom != null
                    && m.deadLetterFrom.states.get(m.id) == MsgState.DEAD_LETTERED
                    && !m.truncated) {
                out.add(m);
            }
        }
    }

    /** Drops everything; the next offset stays the same. */
    public void clear() {
        Arrays.fill(ring, null);
        base += size;
        size = 0;
        head = 0;
        bytes = 0;
    }
}
