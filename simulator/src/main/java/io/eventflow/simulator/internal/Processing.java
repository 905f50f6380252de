package io.eventflow.simulator.internal;

import io.eventflow.simulator.kernel.Event;
import io.eventflow.simulator.kernel.SimContext;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/** The consumer side: delivery over the link, processing, retries, dead-lettering, chains, crashes. */
public final class Processing implements Event {
    private static final int MAX_NESTING = 64;
    private final Engine engine;
    private int handler = -1;
    private int nesting;

    Processing(Engine engine) {
        this.engine = engine;
    }

    private void at(long time, long arg) {
        if (handler < 0) {
            handler = engine.kernel.register(this);
        }
        engine.kernel.schedule(time, SimContext.NORMAL, handler, arg);
    }

    /** Returned by {@link #ackDelay} when the network lost the acknowledgement. */
    public static final long ACK_LOST = BrokerContext.ACK_LOST;

    /**
     * An acknowledgement (a message ack, a PUBACK or PUBREC/PUBCOMP, an offset commit, a delete, each kind's
     * own) leaves {@code mem} for its broker over the consumer → broker link, where the service's publishes travel
     * too. Returns when it arrives: 0 at once, a positive delay (a {@code latency}, {@code reorder} or
     * {@code bandwidth} fault on that link), or {@link #ACK_LOST} when a {@code drop} or {@code partition} loses it.
     */
    public long ackDelay(Member mem) {
        Link link = mem.ackLink;
        if (link == null || link.quiet()) {
            return 0;
        }
        if (link.partitioned || link.drops()) {
            return ACK_LOST;
        }
        return link.transferTime(engine.now(), 0);
    }

    /** The broker hands {@code m} to a free worker of {@code mem}. */
    public void deliver(Member mem, Worker w, Msg m, boolean replay, boolean redelivered) {
        take(mem, w, m, replay, redelivered);
        Link link = mem.link;
        if (link != null && !link.quiet()) {
            tamperOnTheWay(w, link);
            if (disturbed(mem, w, m, link)) {
                return;
            }
        }
        begin(w);
    }

    /** A tamper fault on the broker's link to the consumer alters this delivery (not the message other groups read). */
    private void tamperOnTheWay(Worker w, Link link) {
        if (link.tamperRate > 0 && !w.msg.tampered && link.tampers()) {
            w.tampered = true;
            engine.tampered++;
        }
    }

    /** The worker takes the message (processing starts once it is at the consumer). */
    private static void take(Member mem, Worker w, Msg m, boolean replay, boolean redelivered) {
        w.msg = m;
        w.replay = replay;
        w.attempt = m.failures;
        w.lastBackoff = 0;
        w.tampered = false;
        mem.busy++;
        // not written into m: a log record is one object in the log that every group reads, so one group's
        // re-read must not make it a redelivery for another
        w.redelivered = redelivered || m.redelivered;
    }

    /**
     * A broker hands {@code m} to a member whose workers are busy: it goes to the member's prefetch buffer, over the
     * link (so latency, drops and duplicates apply to prefetched messages too).
     */
    public void toBuffer(Member mem, Msg m) {
        Link link = mem.link;
        if (link == null || link.quiet()) {
            mem.buffer.addLast(m);
            return;
        }
        long now = engine.now();
        if (link.partitioned || link.drops()) {
            if (m.duplicateCopy) {
                return;
            }
            long again = mem.group.channel.broker.deliveryLost(mem, m);
            if (again != BrokerRuntime.TAKEN_BACK) {
                m.redelivered = true; // sent again into the buffer (it does not cross the link a second time)
                engine.transit().toMember(m, mem, now + again + link.transferTime(now, m.sizeBytes));
            }
            return;
        }
        if (link.tamperRate > 0 && !m.tampered && link.tampers()) {
            if (mem.tamperedBuffered == null) {
                mem.tamperedBuffered = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            }
            mem.tamperedBuffered.add(m);
            engine.tampered++;
        }
        if (link.duplicates()) {
            Msg dup = m.copy();
            dup.duplicateCopy = true;
            engine.transit().toMember(dup, mem, now + link.transferTime(now, m.sizeBytes));
        }
        long t = link.transferTime(now, m.sizeBytes);
        if (t > 0) {
            engine.transit().toMember(m, mem, now + t);
        } else {
            mem.buffer.addLast(m);
        }
    }

    /** A prefetched message reached its member. */
    void arrived(Member mem, Msg m) {
        mem.buffer.addLast(m);
        next(mem);
    }

    /** Applies link faults to a delivery; returns true when the delivery does not start processing now. */
    private boolean disturbed(Member mem, Worker w, Msg m, Link link) {
        if (link.partitioned || link.drops()) {
            if (m.duplicateCopy) {
                settle(mem, w, m);
                return true;
            }
            long again = mem.group.channel.broker.deliveryLost(mem, m);
            if (again == BrokerRuntime.TAKEN_BACK) {
                release(w); // the consumer never got it: the broker keeps, redelivers or loses it
                next(mem);
                return true;
            }
            w.phase = Worker.TRANSIT; // the same worker gets it again once the broker re-sends it
            w.resend = true;
            w.redelivered = true;
            w.start = engine.now();
            w.end = engine.now() + again;
            at(w.end, w.eventArg());
            return true;
        }
        if (link.duplicates()) {
            Msg dup = m.copy();
            dup.duplicateCopy = true;
            mem.buffer.addLast(dup);
            if (engine.tracing) {
                engine.emit(new TraceEvent.Duplicated(
                        engine.now(), link.edge(), mem.group.name, m.partition, m.offset, m.id, m.correlationId));
            }
        }
        long t = link.transferTime(engine.now(), m.sizeBytes);
        if (t > 0) {
            w.phase = Worker.TRANSIT;
            w.start = engine.now();
            w.end = engine.now() + t;
            at(w.end, w.eventArg());
            return true;
        }
        return false;
    }

    private void begin(Worker w) {
        Member mem = w.member;
        SimGroup g = mem.group;
        Msg m = w.msg;
        w.phase = Worker.PROCESSING;
        w.start = engine.now();
        g.delivered++;
        if (w.redelivered) {
            g.redelivered++;
        }
        if (engine.tracing) {
            traceDelivery(w, mem, g, m);
        }
        long d = g.spec.processing().sample(mem.instance.rng);
        long verify = g.verifyNanos(m);
        if (verify >= 0) {
            // a verifying consumer checks the signature first; a tampered message fails it and is not processed
            d = m.tampered || w.tampered ? verify : d + verify;
        }
        double f = mem.instance.slowFactor * mem.instance.service.slowFactor;
        if (f != 1.0) {
            d = Math.round(d * f);
        }
        w.end = w.start + d;
        at(w.end, w.eventArg());
    }

    private void traceDelivery(Worker w, Member mem, SimGroup g, Msg m) {
        TraceEvent e = w.redelivered
                ? new TraceEvent.Redelivered(w.start, mem.id(), g.name, m.partition, m.offset, m.id, m.correlationId)
                : new TraceEvent.Delivered(w.start, mem.id(), g.name, m.partition, m.offset, m.id, m.correlationId);
        engine.emit(e);
    }

    /**
     * A worker's timer: the message arrived over the link or its backoff ended (processing starts), or processing
     * ended. The end of processing is written out here rather than in helper methods: this is the per-message path,
     * and fewer, larger methods get JIT-compiled sooner in a fresh JVM.
     */
    @Override
    public void fire(SimContext ctx, long arg) {
        Worker w = engine.worker((int) arg);
        if ((int) (arg >>> 32) != w.epoch) {
            return;
        }
        if (w.phase != Worker.PROCESSING) {
            if (w.phase == Worker.IDLE) {
                throw new IllegalStateException("worker event in phase " + w.phase);
            }
            if (w.resend) { // re-sent after a lost delivery: it crosses the link again
                w.resend = false;
                Link link = w.member.link;
                if (link != null && !link.quiet() && disturbed(w.member, w, w.msg, link)) {
                    return;
                }
            }
            begin(w); // TRANSIT or BACKOFF
            return;
        }
        Member mem = w.member;
        SimGroup g = mem.group;
        Msg m = w.msg;
        boolean tampered = m.tampered || w.tampered;
        if (tampered && g.verifyNanos(m) >= 0) {
            rejectTampered(w, mem, g, m);
            return;
        }
        if (m.poisonOn == g.channel) {
            failed(w, mem, g, m);
            return;
        }
        byte st = g.states.replace(m.id, StateTable.ANY, MsgState.PROCESSED);
        if (st != MsgState.PROCESSED) {
            if (st == MsgState.NONE) {
                g.owed++; // replayed to a group that was not owed it before
            }
            if (tampered) {
                g.tamperAccepted++; // processed as if intact: nothing checked its signature
            }
            long now = engine.now();
            if (g.dedupForgets()) {
                g.firstProcessedAt(m.id, now);
            }
            g.recordLatency(now - m.publishTime);
            if (engine.probe != null) {
                engine.probe.processed(m.id, m.publishTime, w.start, now);
            }
            effects(mem, g, m);
        } else if (again(w, mem, g, m)) {
            effects(mem, g, m);
        }
        settle(mem, w, m);
    }

    /** A processing beyond the first; returns whether it has effects (not under exactly-once). */
    private boolean again(Worker w, Member mem, SimGroup g, Msg m) {
        if (w.replay) {
            g.reprocessed++;
            if (engine.tracing) {
                engine.emit(new TraceEvent.Reprocessed(
                        engine.now(), mem.id(), g.name, m.partition, m.offset, m.id, m.correlationId));
            }
            return true;
        }
        if (g.exactlyOnce() && g.remembers(m.id, engine.now())) {
            return false; // dedup store / transaction: no second effect
        }
        g.duplicates++;
        return true;
    }

    private void effects(Member mem, SimGroup g, Msg m) {
        if (engine.tracing) {
            engine.emit(new TraceEvent.Processed(
                    engine.now(), mem.id(), g.name, m.partition, m.offset, m.id, m.correlationId));
        }
        if (!mem.instance.producers.isEmpty()) {
            chain(mem.instance, m, g);
        }
        if (g.replyListener) {
            engine.requests.replied(m.correlationId);
        }
    }

    private void chain(Instance inst, Msg m, SimGroup g) {
        List<Producer> ps = inst.producers;
        for (int i = 0; i < ps.size(); i++) {
            Producer p = ps.get(i);
            if (p.spec.perProcessed() && (p.spec.from() == null || p.spec.from().equals(g.channel.id()))) {
                p.publish(m.correlationId);
            }
        }
    }

    private void failed(Worker w, Member mem, SimGroup g, Msg m) {
        if (g.channel.broker instanceof BrokerRuntime.Requeues r && r.keepsFailed(g)) {
            g.retries++; // not acknowledged: the broker redelivers it later by itself
            giveBack(w, mem, m);
            return;
        }
        w.attempt++;
        Plan.Retry retry = g.spec.retry();
        if (w.attempt < retry.maxAttempts()) {
            g.retries++;
            long d = retry.backoff().delay(w.attempt, w.lastBackoff, mem.instance.rng);
            w.lastBackoff = d;
            if (engine.tracing) {
                engine.emit(new TraceEvent.Retried(
                        engine.now(), mem.id(), g.name, m.partition, m.offset, m.id, m.correlationId, w.attempt, d));
            }
            if (!(g.channel.broker instanceof BrokerRuntime.Requeues)) {
                w.phase = Worker.BACKOFF;
                w.end = engine.now() + d;
                at(w.end, w.eventArg());
            } else {
                m.failures = w.attempt;
                w.phase = Worker.BACKOFF;
                w.end = engine.now() + d;
                engine.at(w.end, requeue, w.eventArg());
            }
            return;
        }
        deadLetter(g, m, "rejected");
        settle(mem, w, m);
    }

    /**
     * A verifying consumer found the signature wrong: no retry (it would fail the same way), the message goes to the
     * dead-letter channel (the subscription's, else the channel's) or is lost with the cause {@code tampered}.
     */
    private void rejectTampered(Worker w, Member mem, SimGroup g, Msg m) {
        if (g.states.get(m.id) == MsgState.PENDING) {
            g.tamperRejected++;
            deadLetter(g, m, "tampered");
        }
        settle(mem, w, m);
    }

    private final Event requeue = this::requeueAfterBackoff;

    private void requeueAfterBackoff(SimContext ctx, long arg) {
        Worker w = engine.worker((int) arg);
        if ((int) (arg >>> 32) != w.epoch) {
            return;
        }
        giveBack(w, w.member, w.msg);
    }

    private void giveBack(Worker w, Member mem, Msg m) { // to the broker, which redelivers it later
        release(w);
        ((BrokerRuntime.Requeues) mem.group.channel.broker).requeue(mem, m);
        next(mem);
    }

    /** Dead-letters a message that failed processing in group {@code g}. */
    public void deadLetter(SimGroup g, Msg m, String reason) {
        deadLetter(g.channel, g, m, reason);
    }

    /**
     * Sends {@code m} to a dead-letter channel, or drops it when there is none. Processing failures go to the
     * subscription's dead-letter channel first; expiry and overflow to the channel's (a dead-letter exchange).
     * {@code g} may be null for a queue nobody consumes.
     */
    public void deadLetter(SimChannel ch, SimGroup g, Msg m, String reason) {
        String sub = g == null ? null : g.spec.deadLetter();
        String own = ch.spec.deadLetterChannel();
        boolean failedHere = reason.equals("rejected") || reason.equals("tampered");
        String target = failedHere ? (sub != null ? sub : own) : (own != null ? own : sub);
        SimChannel dlq = target == null ? null : engine.channels.get(target);
        if (dlq == null) {
            if (g == null) {
                return;
            }
            if (reason.equals("expired")) {
                g.states.set(m.id, MsgState.EXPIRED);
            } else {
                engine.lose(
                        g,
                        m,
                        reason.equals("maxlen") ? "overflow" : reason.equals("tampered") ? "tampered" : "rejected");
            }
            return;
        }
        if (g != null && g.states.get(m.id) != MsgState.PROCESSED) {
            g.states.set(m.id, MsgState.DEAD_LETTERED);
        }
        Msg copy = m.copy();
        copy.channel = dlq;
        copy.origin = dlq;
        copy.direct = true;
        copy.partition = -1;
        copy.offset = -1;
        copy.storedAt = 0;
        copy.expiresAt = Long.MAX_VALUE;
        copy.redelivered = false;
        copy.failures = 0;
        copy.deadLetterFrom = g;
        engine.tamperOn(dlq, copy);
        dlq.published++;
        dlq.publishedBytes += copy.sizeBytes;
        dlq.broker.targetGroups(copy).forEach(dg -> dg.owe(copy.id));
        if (engine.tracing) {
            engine.emit(new TraceEvent.DeadLettered(
                    engine.now(),
                    ch.id(),
                    g == null ? "" : g.name,
                    m.partition,
                    m.offset,
                    m.id,
                    m.correlationId,
                    reason));
        }
        BrokerRuntime.StoreResult r = dlq.broker.store(copy);
        if (r != BrokerRuntime.StoreResult.STORED && r != BrokerRuntime.StoreResult.DUPLICATE_IGNORED) {
            // the dead-letter channel's broker refused it (down): the copy is gone for the channel's groups
            engine.lose(copy, r == BrokerRuntime.StoreResult.REJECTED_OVERFLOW ? "overflow" : "crash", dlq.id());
        }
    }

    /** The worker is done with its message: the broker acks or commits, then the worker takes more work. */
    public void settle(Member mem, Worker w, Msg m) {
        release(w);
        mem.group.channel.broker.settled(mem, w, m);
        next(mem);
    }

    private void release(Worker w) {
        w.phase = Worker.IDLE;
        w.resend = false;
        w.msg = null;
        w.member.busy--;
    }

    /**
     * Gives the member's free workers work: its local buffer first, then the broker. A delivery that ends at once (lost
     * on a partitioned link under at-most-once) settles and calls this again from inside the broker's pull, so a
     * backlog would recurse once per message: past {@value #MAX_NESTING} nested calls the rest continues from a new
     * event at the same time instead, and runs that never nest that deep are unchanged.
     */
    public void next(Member mem) {
        if (!mem.active()) {
            return;
        }
        if (nesting == MAX_NESTING) {
            engine.kernel.schedule(engine.now(), SimContext.NORMAL, (ctx, arg) -> next(mem), 0);
            return;
        }
        nesting++;
        try {
            fill(mem);
        } finally {
            nesting--;
        }
    }

    private void fill(Member mem) {
        while (!mem.buffer.isEmpty()) {
            Worker w = mem.freeWorker();
            if (w == null) {
                return;
            }
            Msg m = mem.buffer.pollFirst();
            take(mem, w, m, false, m.redelivered); // already at the consumer: no link to cross
            if (mem.tamperedBuffered != null && mem.tamperedBuffered.remove(m)) {
                w.tampered = true;
            }
            begin(w);
        }
        mem.group.channel.broker.pull(mem);
    }

    /** Stops an instance abruptly ({@code crash}) or by scale-in; returns nothing, the brokers get what it held. */
    public void stop(Instance inst, boolean crash) {
        if (crash) {
            inst.alive = false;
        } else {
            inst.active = false;
        }
        inst.stops++;
        for (Producer p : inst.producers) {
            p.stop();
            p.channel.broker.publisherDown(p, crash);
        }
        if (crash) {
            for (Msg m : engine.transit().removeResends(inst)) {
                engine.lose(m, "crash", m.producer.link.edge());
            }
        }
        for (Member mem : inst.members) {
            List<Msg> held = new ArrayList<>();
            for (Worker w : mem.workers) {
                if (w.phase != Worker.IDLE) {
                    if (!w.msg.duplicateCopy) {
                        held.add(w.msg);
                    }
                    w.epoch++;
                    w.phase = Worker.IDLE;
                    w.resend = false;
                    w.msg = null;
                }
            }
            for (Msg m : mem.buffer) {
                if (!m.duplicateCopy) {
                    held.add(m);
                }
            }
            mem.buffer.clear();
            mem.tamperedBuffered = null;
            for (Msg m : engine.transit().removeFor(mem)) {
                if (!m.duplicateCopy) {
                    held.add(m);
                }
            }
            mem.busy = 0;
            mem.group.channel.broker.memberDown(mem, held, crash);
        }
    }

    /** Brings a crashed or scaled-in instance back. */
    public void start(Instance inst) {
        inst.alive = true;
        inst.active = true;
        for (Producer p : inst.producers) {
            p.start();
        }
        for (Member mem : inst.members) {
            mem.group.channel.broker.memberUp(mem);
        }
    }
}
