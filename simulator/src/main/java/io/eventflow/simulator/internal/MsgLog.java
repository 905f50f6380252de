package io.eventflow.simulator.internal;

import java.util.Arrays;
import java.util.List;

/**
 * An append-only log of messages addressed by offset, whose head can be trimmed (ring buffer). Records that every
 * reader is done changing can be moved to a compact {@link LogArchive} ({@link #archive}): they stay in the log, at
 * their offsets, and read back as equal messages.
 */
public final class MsgLog {
    private Msg[] ring = new Msg[16];
    private int head;
    /** Records in the ring: offsets [hotStart, hotStart + size). */
    private int size;
    /** Offset of the first record in the ring; records in [base, hotStart) are in the archive. */
    private long hotStart;

    private long base;
    private long bytes;
    private final LogArchive archive = new LogArchive();

    /** Offset of the first retained message. */
    public long base() {
        return base;
    }

    /** Offset the next message will get. */
    public long end() {
        return hotStart + size;
    }

    public int size() {
        return (int) (end() - base);
    }

    public long bytes() {
        return bytes;
    }

    /** Offset of the first record still held as a {@link Msg} object (the end of the archived part). */
    public long archivedUntil() {
        return hotStart;
    }

    public long append(Msg m) {
        if (size == ring.length) {
            grow();
        }
        ring[(head + size) & (ring.length - 1)] = m;
        size++;
        bytes += m.sizeBytes;
        return hotStart + size - 1;
    }

    private void grow() {
        Msg[] n = new Msg[ring.length * 2];
        for (int i = 0; i < size; i++) {
            n[i] = ring[(head + i) & (ring.length - 1)];
        }
        ring = n;
        head = 0;
    }

    /**
     * The message at {@code offset}, which must be in [base, end). Below {@link #archivedUntil} it is a new message
     * equal to the one archived (so do not compare messages by identity).
     */
    public Msg get(long offset) {
        if (offset < hotStart) {
            return archive.get(offset);
        }
        return ring[(int) ((head + (offset - hotStart)) & (ring.length - 1))];
    }

    /** When the message at {@code offset} (in [base, end)) was stored, without reading an archived one back. */
    public long storedAt(long offset) {
        return offset < hotStart ? archive.storedAt(offset) : get(offset).storedAt;
    }

    /** The id of the message at {@code offset} (in [base, end)), without reading an archived one back. */
    public long id(long offset) {
        return offset < hotStart ? archive.id(offset) : get(offset).id;
    }

    /** The correlation id of the message at {@code offset} (in [base, end)), without reading an archived one back. */
    public long correlationId(long offset) {
        return offset < hotStart ? archive.correlationId(offset) : get(offset).correlationId;
    }

    public Msg first() {
        return size() == 0 ? null : get(base);
    }

    /** Removes the first message and returns it. */
    public Msg removeFirst() {
        Msg m = get(base);
        dropFirst();
        return m;
    }

    /** Removes the first message. */
    public void dropFirst() {
        if (base < hotStart) {
            bytes -= archive.sizeBytes(base);
            base++;
            archive.dropBefore(base);
            return;
        }
        Msg m = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        base++;
        hotStart++;
        bytes -= m.sizeBytes;
    }

    /**
     * Moves the records below {@code offset} from the ring to the archive. Only for records no reader changes any more
     * (in a partitioned log: below every group's committed offset and the high watermark): the archive keeps the values
     * they have now.
     */
    public void archive(long offset) {
        while (size > 0 && hotStart < offset) {
            archive.add(hotStart, ring[head]);
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
            size--;
            hotStart++;
        }
    }

    /** Offset of the first message stored at or after {@code time} (the end when none). */
    public long firstStoredAtOrAfter(long time) {
        for (long o = base(); o < end(); o++) {
            if (storedAt(o) >= time) {
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
            if (o < hotStart && archive.deadLetterFrom(o) == null) {
                continue; // the usual archived record: not read back
            }
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
        hotStart += size;
        base = hotStart;
        size = 0;
        head = 0;
        bytes = 0;
        archive.clear();
    }

    /** Distinct shapes of archived records (for tests and measurements). */
    int archivedShapes() {
        return archive.shapes();
    }
}
