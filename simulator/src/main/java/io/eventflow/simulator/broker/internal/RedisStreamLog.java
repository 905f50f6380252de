package io.eventflow.simulator.broker.internal;

import io.eventflow.model.design.RedisStream;
import io.eventflow.simulator.internal.BrokerRuntime.StoreResult;
import io.eventflow.simulator.internal.Msg;
import io.eventflow.simulator.internal.MsgLog;
import io.eventflow.simulator.internal.SimChannel;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One stream: entries in id order (the id is the entry's offset in {@link #log}), XADD with exact MAXLEN trimming,
 * and the loss of the writes not yet fsynced when the broker crashes.
 */
final class RedisStreamLog {
    final RedisBroker broker;
    final SimChannel ch;
    final MsgLog log = new MsgLog();
    final List<RedisConsumerGroup> groups = new ArrayList<>();
    /** MAXLEN of every XADD ({@code Long.MAX_VALUE}: unbounded). */
    final long maxLen;
    /** Message ids stored by idempotent producers (an XADD with the producer's own entry id is refused twice). */
    private final BitSet stored = new BitSet();

    RedisStreamLog(RedisBroker broker, SimChannel ch) {
        this.broker = broker;
        this.ch = ch;
        Integer n = ch.spec.source() == null
                ? null
                : RedisStream.of(ch.spec.source()).maxLen();
        this.maxLen = n == null ? Long.MAX_VALUE : n;
    }

    /** XADD [MAXLEN n]: appends, lets blocked consumers read it, then trims the oldest entries beyond n. */
    StoreResult xadd(Msg m) {
        if (m.offset >= 0) {
            m = m.copy(); // a second copy of the same message (a duplicate fault): a second entry
            m.offset = -1;
        }
        if (m.producer != null && m.producer.config.idempotent() && m.deadLetterFrom == null) {
            // an explicit entry id per message: XADD of an id not above the stream's top is an error, so never twice
            if (stored.get((int) m.id)) {
                return StoreResult.DUPLICATE_IGNORED;
            }
            stored.set((int) m.id);
        }
        m.partition = 0;
        m.storedAt = broker.sim.now();
        m.offset = log.append(m);
        if (broker.sim.tracing()) {
            broker.trace(new TraceEvent.Stored(m.storedAt, ch.id(), "", 0, m.offset, m.id, m.correlationId));
        }
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).appended(m);
        }
        while (log.size() > maxLen) {
            trimFirst();
        }
        return StoreResult.STORED;
    }

    /** Removes the oldest entry, read or not. Groups that had not read it lose it ("trimmed"). */
    private void trimFirst() {
        long o = log.base();
        Msg m = log.removeFirst();
        ch.evicted++;
        if (broker.sim.tracing()) {
            broker.trace(new TraceEvent.Evicted(broker.sim.now(), ch.id(), "", 0, o, m.id, m.correlationId));
        }
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).trimmed(o, m);
        }
    }

    /** True when entry {@code offset} is no longer in the stream (trimmed, or lost with a crash). */
    boolean deleted(long offset) {
        return offset < log.base() || log.get(offset).truncated;
    }

    /** Why entry {@code offset} is gone: "trimmed" by MAXLEN, or "crash" (not fsynced when the broker died). */
    String goneCause(long offset) {
        return offset < log.base() ? "trimmed" : "crash";
    }

    /** A crash: the entries added after {@code cutoff} were not fsynced to the AOF and are gone after the restart. */
    void loseUnsynced(long cutoff) {
        for (long o = log.end() - 1; o >= log.base(); o--) {
            Msg m = log.get(o);
            if (m.storedAt <= cutoff) {
                break;
            }
            if (m.truncated) {
                continue;
            }
            m.truncated = true;
            for (int i = 0; i < groups.size(); i++) {
                groups.get(i).unsynced(o, m);
            }
        }
    }

    /** Entries from {@code from} on that are still in the stream. */
    long liveFrom(long from) {
        long n = 0;
        for (long o = Math.max(from, log.base()); o < log.end(); o++) {
            if (!log.get(o).truncated) {
                n++;
            }
        }
        return n;
    }
}
