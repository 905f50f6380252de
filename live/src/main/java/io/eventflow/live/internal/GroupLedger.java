package io.eventflow.live.internal;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What the clients of one group saw, per message id: owed, delivered, processed, and the hint of why a message may
 * be lost. Every method is synchronized: consumers, producer callbacks and the sampler call it. What is owed has
 * its own lock ({@link #owing}): a producer's callbacks (on a client's network thread, once per acknowledged
 * send) then never wait for the group's consumers, which take the group's lock twice per delivery; a network thread
 * held up there left the producer's buffer full and the publisher blocked.
 */
public final class GroupLedger {
    final String key;
    final String name;
    final String channelId;
    /** Guards {@link #owed} and {@link #owedCount}; taken inside the group's own lock, never around it. */
    final Object owing = new Object();
    /** Ids owed to the group (sent on its channel); ids processed without being owed join at {@link #settleOwed}. */
    final BitSet owed = new BitSet();

    final BitSet seen = new BitSet();
    final BitSet processed = new BitSet();
    /** Ids processed when a replay was applied: their next processing is a reprocessing, not a duplicate. */
    final BitSet replayed = new BitSet();
    /**
     * Ids whose dead-letter copy the dead-letter channel's broker acknowledged (and not re-driven since): dead-lettered
     * whether or not a consumer of the dead-letter channel took the copy off the broker before the end.
     */
    final BitSet deadLettered = new BitSet();
    /** Why an owed message may be lost: the last cause seen (a failed send, a crash while held, a rejection). */
    final Map<Long, String> lossHint = new HashMap<>();
    /** First processing time (epoch micros) per id, for a dedup window (kept only when a worker has one). */
    final Map<Long, Long> processedAt = new HashMap<>();
    /** Whether a worker of the group dedups within a window: then {@link #processedAt} is kept. */
    private boolean keepTimes;

    long owedCount;
    long delivered;
    long duplicates;
    long reprocessed;
    long retries;
    long redelivered;
    /** Processings whose transaction aborted (exactly-once transactional groups): not counted, the input comes again. */
    long abortedProcessings;

    long maxLag;
    final Histogram latency = new Histogram(3_600_000_000_000L, 2);
    double latencySum;
    long latencyCount;

    GroupLedger(String key, String name, String channelId) {
        this.key = key;
        this.name = name;
        this.channelId = channelId;
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public String channelId() {
        return channelId;
    }

    void owe(long id) {
        synchronized (owing) {
            if (!owed.get((int) id)) {
                owed.set((int) id);
                owedCount++;
            }
        }
    }

    /**
     * Ids processed that were not owed (replayed or re-driven to a group that was not owed them before) become owed;
     * called with both locks held, before the report reads {@link #owed}.
     */
    void settleOwed() {
        BitSet extra = (BitSet) processed.clone();
        extra.andNot(owed);
        if (!extra.isEmpty()) {
            owed.or(extra);
            owedCount += extra.cardinality();
        }
    }

    synchronized void hint(long id, String cause) {
        lossHint.put(id, cause);
    }

    /** A cause the broker reports at the end; what the clients saw themselves (a rejection, a crash) comes first. */
    synchronized void hintIfAbsent(long id, String cause) {
        lossHint.putIfAbsent(id, cause);
    }

    /** A delivery to a worker; returns true when the group had seen this id before (a redelivery). */
    synchronized boolean delivered(long id, boolean flagged) {
        delivered++;
        boolean again = seen.get((int) id);
        seen.set((int) id);
        if (again || flagged) {
            redelivered++;
        }
        return again;
    }

    /** Another attempt of a delivery in hand (a retry in place). */
    synchronized void attempt() {
        delivered++;
        retries++;
    }

    /** Whether an exactly-once dedup store would skip this id (processed within {@code windowMicros}, -1: ever). */
    synchronized boolean remembers(long id, long nowMicros, long windowMicros) {
        if (!processed.get((int) id) || replayed.get((int) id)) {
            return false;
        }
        Long at = processedAt.get(id);
        return windowMicros < 0 || (at != null && nowMicros - at <= windowMicros);
    }

    /** A worker of the group has a bounded dedup window: keep each id's first processing time from now on. */
    synchronized void keepProcessingTimes() {
        keepTimes = true;
    }

    /** Outcome of a processing for the report. */
    enum Processing {
        FIRST,
        DUPLICATE,
        REPROCESSED
    }

    synchronized Processing processed(long id, long latencyNanos, long nowMicros) {
        int i = (int) id;
        if (!processed.get(i)) {
            processed.set(i);
            if (keepTimes) {
                processedAt.put(id, nowMicros);
            }
            long l = Math.max(0, latencyNanos);
            latency.recordValue(Math.min(l, latency.getHighestTrackableValue()));
            latencySum += l;
            latencyCount++;
            return Processing.FIRST; // owed from now on, if it was not (settleOwed)
        }
        if (replayed.get(i)) {
            replayed.clear(i);
            reprocessed++;
            return Processing.REPROCESSED;
        }
        duplicates++;
        return Processing.DUPLICATE;
    }

    /** A processing whose transaction aborted: it had no effect and is not counted; its input is read again. */
    synchronized void abortedProcessing() {
        abortedProcessings++;
    }

    /** The dead-letter channel's broker took the copy of {@code id}. */
    synchronized void deadLettered(long id) {
        deadLettered.set((int) id);
    }

    /** A re-drive sent {@code id} back from the dead-letter channel: it is owed to its group again. */
    synchronized void redriven(long id) {
        deadLettered.clear((int) id);
    }

    /** A replay: every id processed so far is processed again on purpose when it comes back. */
    synchronized void replay() {
        replayed.or(processed);
    }

    /** The latest sampled depth (for a running view; the report keeps the largest). */
    volatile long lagNow;

    synchronized void lag(long depth) {
        lagNow = depth;
        maxLag = Math.max(maxLag, depth);
    }

    public long lagNow() {
        return lagNow;
    }
}
