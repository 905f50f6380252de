package io.eventflow.simulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consumed part of a {@link MsgLog}, kept compact: records that no reader of the log will change any more are
 * stored as rows of primitive arrays instead of {@link Msg} objects, so that a long run keeps about 48 bytes per record
 * in a few large arrays (which the garbage collector copies without scanning) instead of one 144-byte object each.
 * Reading a record back ({@link #get}) makes a new {@code Msg} with the same values, so a later replay, a group that
 * starts from earliest, retention and a re-drive see exactly what they saw before.
 *
 * <p>Per record: id, correlation id, publish time, key, stored time and size; the rest (producer, channel, routing
 * key, poison and dead-letter origin, flags, partition...) is the same for long runs of records and kept once per
 * distinct combination (a {@link Shape}). The offset is the position. Not kept: the producer's own send state
 * (attempts, last backoff), which only the producer reads, through its own reference.
 */
final class LogArchive {
    static final int BITS = 10;
    static final int CHUNK = 1 << BITS;
    private static final int MASK = CHUNK - 1;
    private static final int LONGS = 5;

    /** One combination of the fields that long runs of records share. */
    record Shape(
            String routingKey,
            Producer producer,
            SimChannel channel,
            SimChannel origin,
            SimChannel poisonOn,
            SimGroup deadLetterFrom,
            boolean direct,
            boolean redelivered,
            boolean duplicateCopy,
            boolean truncated,
            boolean tampered,
            int partition,
            int deliveries,
            int failures,
            int tag,
            long expiresAt,
            long queueSeq) {
        static Shape of(Msg m) {
            return new Shape(
                    m.routingKey,
                    m.producer,
                    m.channel,
                    m.origin,
                    m.poisonOn,
                    m.deadLetterFrom,
                    m.direct,
                    m.redelivered,
                    m.duplicateCopy,
                    m.truncated,
                    m.tampered,
                    m.partition,
                    m.deliveries,
                    m.failures,
                    m.tag,
                    m.expiresAt,
                    m.queueSeq);
        }

        boolean matches(Msg m) {
            return producer == m.producer
                    && channel == m.channel
                    && origin == m.origin
                    && poisonOn == m.poisonOn
                    && deadLetterFrom == m.deadLetterFrom
                    && direct == m.direct
                    && redelivered == m.redelivered
                    && duplicateCopy == m.duplicateCopy
                    && truncated == m.truncated
                    && tampered == m.tampered
                    && partition == m.partition
                    && deliveries == m.deliveries
                    && failures == m.failures
                    && tag == m.tag
                    && expiresAt == m.expiresAt
                    && queueSeq == m.queueSeq
                    && java.util.Objects.equals(routingKey, m.routingKey);
        }
    }

    private static final class Chunk {
        /** Per record: id, correlation id, publish time, key, stored time. */
        final long[] longs = new long[CHUNK * LONGS];
        /** Per record: size in bytes, shape index. */
        final int[] ints = new int[CHUNK * 2];
    }

    private final List<Chunk> chunks = new ArrayList<>();
    private final List<Shape> shapes = new ArrayList<>();
    private final Map<Shape, Integer> shapeIndex = new HashMap<>();
    private Shape lastShape;
    private int lastShapeIndex;
    /**
     * The shape each producer's records had last: where producers interleave, the record before is another's, and this
     * finds the shape without making a Shape to look it up.
     */
    private final Map<Producer, Integer> lastByProducer = new IdentityHashMap<>();
    /** Offset of slot 0 of the first chunk. */
    private long origin;
    /** The offset the next archived record gets. */
    private long end;

    /** Archives {@code m} at {@code offset}; an offset past {@link #end} means the records in between are gone. */
    void add(long offset, Msg m) {
        if (offset != end) {
            chunks.clear(); // the log removed everything archived (and more) before this record
            origin = offset;
            end = offset;
        }
        long i = offset - origin;
        if ((i >>> BITS) == chunks.size()) {
            chunks.add(new Chunk());
        }
        Chunk c = chunks.get((int) (i >>> BITS));
        int s = (int) (i & MASK);
        int l = s * LONGS;
        c.longs[l] = m.id;
        c.longs[l + 1] = m.correlationId;
        c.longs[l + 2] = m.publishTime;
        c.longs[l + 3] = m.key;
        c.longs[l + 4] = m.storedAt;
        c.ints[s * 2] = m.sizeBytes;
        c.ints[s * 2 + 1] = shapeOf(m);
        end = offset + 1;
    }

    private int shapeOf(Msg m) {
        if (lastShape != null && lastShape.matches(m)) {
            return lastShapeIndex;
        }
        Integer i = lastByProducer.get(m.producer);
        if (i == null || !shapes.get(i).matches(m)) {
            Shape s = Shape.of(m);
            i = shapeIndex.get(s);
            if (i == null) {
                i = shapes.size();
                shapes.add(s);
                shapeIndex.put(s, i);
            }
            lastByProducer.put(m.producer, i);
        }
        lastShape = shapes.get(i);
        lastShapeIndex = i;
        return i;
    }

    /** The record at {@code offset} (archived, not dropped) as a new message, equal to the one archived. */
    Msg get(long offset) {
        long i = offset - origin;
        Chunk c = chunks.get((int) (i >>> BITS));
        int s = (int) (i & MASK);
        int l = s * LONGS;
        Shape sh = shapes.get(c.ints[s * 2 + 1]);
        Msg m = new Msg(
                c.longs[l],
                c.longs[l + 1],
                c.longs[l + 2],
                c.longs[l + 3],
                c.ints[s * 2],
                sh.routingKey,
                sh.producer,
                sh.channel);
        m.origin = sh.origin;
        m.direct = sh.direct;
        m.partition = sh.partition;
        m.offset = offset;
        m.storedAt = c.longs[l + 4];
        m.expiresAt = sh.expiresAt;
        m.redelivered = sh.redelivered;
        m.deliveries = sh.deliveries;
        m.poisonOn = sh.poisonOn;
        m.deadLetterFrom = sh.deadLetterFrom;
        m.duplicateCopy = sh.duplicateCopy;
        m.failures = sh.failures;
        m.truncated = sh.truncated;
        m.tampered = sh.tampered;
        m.tag = sh.tag;
        m.queueSeq = sh.queueSeq;
        m.pinned = true; // a copy read back: never handed to Engine.recycle as if it were the log's own
        return m;
    }

    long storedAt(long offset) {
        long i = offset - origin;
        return chunks.get((int) (i >>> BITS)).longs[(int) (i & MASK) * LONGS + 4];
    }

    /** The id of the record at {@code offset}, without reading it back. */
    long id(long offset) {
        long i = offset - origin;
        return chunks.get((int) (i >>> BITS)).longs[(int) (i & MASK) * LONGS];
    }

    /** The correlation id of the record at {@code offset}, without reading it back. */
    long correlationId(long offset) {
        long i = offset - origin;
        return chunks.get((int) (i >>> BITS)).longs[(int) (i & MASK) * LONGS + 1];
    }

    int sizeBytes(long offset) {
        long i = offset - origin;
        return chunks.get((int) (i >>> BITS)).ints[(int) (i & MASK) * 2];
    }

    /** The dead-letter origin of the record at {@code offset} (null for most), without reading the record back. */
    SimGroup deadLetterFrom(long offset) {
        long i = offset - origin;
        return shapes.get(chunks.get((int) (i >>> BITS)).ints[(int) (i & MASK) * 2 + 1]).deadLetterFrom;
    }

    /** Frees the chunks that hold only offsets below {@code base} (the log's first retained offset). */
    void dropBefore(long base) {
        int n = 0;
        while (n < chunks.size() && origin + (long) (n + 1) * CHUNK <= base) {
            n++;
        }
        if (n > 0) {
            chunks.subList(0, n).clear();
            origin += (long) n * CHUNK;
        }
    }

    void clear() {
        chunks.clear();
        origin = end;
    }

    /** Distinct shapes so far (for tests and measurements). */
    int shapes() {
        return shapes.size();
    }
}
