package io.eventflow.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** A consumer group (of a log) or a queue with competing consumers, with its accounting. */
public final class SimGroup {
    public final String name;
    public final SimChannel channel;
    public final Plan.Subscription spec;
    public final SimService service;
    public final List<Member> members = new ArrayList<>();
    public final StateTable states = new StateTable();
    private final LatencyBuckets latency = new LatencyBuckets(new Histogram(3_600_000_000_000L, 2));
    /** True for the hidden group through which a requester receives its replies. */
    public boolean replyListener;

    public long owed;
    public long delivered;
    public long duplicates;
    public long reprocessed;
    public long redelivered;
    public long retries;
    public long lag;
    public long maxLag;
    public double latencySumNanos;
    /** Whether its consumers verify signed messages (the subscription's {@code verify}, true when not set). */
    public final boolean verifies;
    /** Tampered signed messages its consumers rejected, and tampered messages they processed without noticing. */
    public long tamperRejected;

    public long tamperAccepted;
    public long latencyCount;
    /** When each id was first processed (only for an exactly-once dedup store with a finite window). */
    private long[] firstProcessed;

    /** Broker-specific consumer state. */
    public Object data;

    /** Derived from the (immutable) spec once, as the hot path asks for them per message. */
    private final boolean exactlyOnce;

    private final boolean atMostOnce;
    private final boolean dedupForgets;

    public SimGroup(String name, SimChannel channel, Plan.Subscription spec, SimService service) {
        this.name = name;
        this.channel = channel;
        this.spec = spec;
        this.service = service;
        this.exactlyOnce = spec.guarantee() == Plan.Guarantee.EXACTLY_ONCE;
        this.atMostOnce = spec.guarantee() == Plan.Guarantee.AT_MOST_ONCE;
        this.dedupForgets = exactlyOnce && !spec.transactional() && spec.dedupWindow() != Plan.NONE;
        this.verifies = spec.source() == null || spec.source().verifies(true); // the model's default: verify
    }

    /** The time this group's consumer spends verifying {@code m}: -1 when it does not (unsigned, or not verifying). */
    long verifyNanos(Msg m) {
        return verifies && m.producer != null ? m.producer.verifyNanos(m) : -1;
    }

    /** Makes message {@code id} owed to this group if it was not; returns true if it became owed now. */
    public boolean owe(long id) {
        if (states.replace(id, MsgState.NONE, MsgState.PENDING) == MsgState.NONE) {
            owed++;
            return true;
        }
        return false;
    }

    /**
     * Makes message {@code id} no longer owed to this group if it is pending (moved away, e.g. drained out of a
     * dead-letter queue); returns true if it was.
     */
    public boolean disown(long id) {
        if (states.replace(id, MsgState.PENDING, MsgState.NONE) == MsgState.PENDING) {
            owed--;
            return true;
        }
        return false;
    }

    public void lagChanged(long delta) {
        lag += delta;
        if (lag > maxLag) {
            maxLag = lag;
        }
    }

    public boolean exactlyOnce() {
        return exactlyOnce;
    }

    public boolean atMostOnce() {
        return atMostOnce;
    }

    /** True when a limited dedup store forgets ids: then first-processing times are kept. */
    public boolean dedupForgets() {
        return dedupForgets;
    }

    public void firstProcessedAt(long id, long time) {
        if (firstProcessed == null) {
            firstProcessed = new long[1024];
        }
        if (id >= firstProcessed.length) {
            firstProcessed =
                    java.util.Arrays.copyOf(firstProcessed, (int) Math.max(id + 1, firstProcessed.length * 2L));
        }
        firstProcessed[(int) id] = time;
    }

    /** Whether the dedup store still remembers {@code id} at {@code now}. */
    public boolean remembers(long id, long now) {
        if (!dedupForgets()) {
            return true;
        }
        return firstProcessed != null
                && id < firstProcessed.length
                && now - firstProcessed[(int) id] <= spec.dedupWindow();
    }

    /** Publish → processed latencies (nanoseconds) of every first processing so far. */
    public Histogram latency() {
        return latency.histogram();
    }

    public void recordLatency(long nanos) {
        latency.record(nanos);
        latencySumNanos += nanos;
        latencyCount++;
    }
}
