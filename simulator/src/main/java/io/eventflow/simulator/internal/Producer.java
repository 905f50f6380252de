package io.eventflow.simulator.internal;

import io.eventflow.simulator.kernel.Event;
import io.eventflow.simulator.kernel.SimContext;
import io.eventflow.simulator.random.SplitMix64;

/** One instance's publication: a timed arrival process (or, for chains, only the send path). */
public final class Producer implements Event {
    public final Instance instance;
    public final Plan.Publication spec;
    public final Plan.Producer config;
    public final SimChannel channel;
    public final Link link;
    private final Engine engine;
    private final SplitMix64 rng;
    public double ratePerSecond;
    /** Set when this producer sends requests and awaits replies. */
    public Plan.Request request;

    public int epoch;
    public long sent;
    /**
     * Until this time the producer's connection is down and its sends fail at once ({@code network}): set by a kind
     * whose client reconnects after a {@code drop} reset its connection ({@link BrokerRuntime#publishDropped}).
     */
    public long offlineUntil;

    private final int handler;
    /** Derived from the (immutable) spec once: the per-message path reads these. */
    final String routingKey;

    final int sizeBytes;
    /** With {@code payloads: encoded}: the sizes of the encoded examples its messages carry, else null. */
    int[] payloadSizes;
    /** Picks each message's example from {@link #payloadSizes} (its own stream: arrivals draw as without). */
    SplitMix64 payloadRng;

    private final int keys;
    private final boolean perProcessed;
    private final boolean constant;
    private final boolean ramp;
    private final boolean bursts;
    /**
     * Time to sign one message of the type's size (0: unsigned) and to verify one at a verifying consumer (-1:
     * unsigned); messages carrying encoded examples cost what their own size costs ({@link #signNanos(Msg)}).
     */
    final long signNanos;

    private final long verifyNanos;
    /** Messages being signed, in order, and when the last of them is signed. */
    private java.util.ArrayDeque<Msg> signing;

    private int signedHandler;
    private long signedAt;

    public Producer(
            Engine engine, Instance instance, Plan.Publication spec, SimChannel channel, Link link, SplitMix64 rng) {
        this.engine = engine;
        this.instance = instance;
        this.spec = spec;
        this.config = instance.service.spec.producer();
        this.channel = channel;
        this.link = link;
        this.rng = rng;
        this.ratePerSecond = spec.ratePerSecond();
        this.handler = engine.kernel.register(this);
        this.routingKey = spec.routingKey() != null ? spec.routingKey() : channel.broker.defaultRoutingKey(channel);
        this.sizeBytes = spec.sizeBytes();
        if (engine.payloads != null) {
            carry(engine.payloads);
        }
        this.keys = spec.keys();
        this.perProcessed = spec.perProcessed();
        this.constant = spec.arrival() == Plan.Arrival.CONSTANT;
        Plan.Shape shape = spec.shape();
        this.ramp = shape.rampTo() >= 0 && shape.rampOver() > 0;
        this.bursts = !ramp && shape.on() > 0;
        this.signNanos = spec.signed() == null ? 0 : spec.signed().signNanos();
        this.verifyNanos = spec.signed() == null ? -1 : spec.signed().verifyNanos();
    }

    /** Its messages carry encoded examples from {@code pool} (when their type has any). */
    void carry(PayloadPool pool) {
        payloadSizes = pool.sizes(spec.message());
        payloadRng = payloadSizes == null
                ? null
                : engine.streams.stream("payload:" + instance.id + ":" + channel.id() + ":" + spec.message());
    }

    /** The size of its next message: its example's with encoded payloads, else the type's one size. */
    int nextSize() {
        return payloadSizes == null ? sizeBytes : payloadSizes[payloadRng.nextInt(payloadSizes.length)];
    }

    /** (Re)starts the arrival process from now, cancelling any pending arrival. */
    public void start() {
        epoch++;
        scheduleNext();
    }

    public void stop() {
        epoch++;
    }

    private void scheduleNext() {
        if (perProcessed || !instance.running()) {
            return;
        }
        long now = engine.kernel.now();
        double rate = ratePerSecond;
        long from = now;
        if (ramp) {
            Plan.Shape shape = spec.shape();
            double f = Math.min(1.0, now / (double) shape.rampOver());
            rate = ratePerSecond + (shape.rampTo() - ratePerSecond) * f;
        } else if (bursts) {
            Plan.Shape shape = spec.shape();
            long cycle = shape.on() + shape.off();
            long phase = now % cycle;
            if (phase >= shape.on()) {
                from = now + (cycle - phase); // silent until the next burst
            }
        }
        if (rate <= 0) {
            return;
        }
        long gap = constant ? Math.round(1e9 / rate) : Math.round(rng.exponential(rate) * 1e9);
        engine.kernel.schedule(from + gap, SimContext.NORMAL, handler, epoch);
    }

    @Override
    public void fire(SimContext ctx, long arg) {
        if (arg != epoch || !instance.running()) {
            return;
        }
        if (engine.publishingStopped()) {
            return;
        }
        publish(-1);
        scheduleNext();
    }

    /** Publishes one message; {@code correlationId} -1 starts a new conversation. */
    public Msg publish(long correlationId) {
        long key = keys > 0 ? rng.nextInt(keys) : -1;
        Msg m = engine.newMessage(this, correlationId, key);
        sent++;
        if (request != null) {
            engine.requests.sent(this, m);
        }
        if (signNanos > 0) {
            sign(m);
        } else {
            engine.publish(m);
        }
        return m;
    }

    /** The time to sign {@code m}: with encoded payloads what its own size costs, else the type's size's. */
    private long signNanos(Msg m) {
        return payloadSizes == null
                ? signNanos
                : SigningCosts.signNanos(spec.signed().signing(), m.sizeBytes);
    }

    /** The time a verifying consumer spends on {@code m} from this producer (-1: unsigned), by size as signing. */
    long verifyNanos(Msg m) {
        return payloadSizes == null || verifyNanos < 0
                ? verifyNanos
                : SigningCosts.verifyNanos(spec.signed().signing(), m.sizeBytes);
    }

    /**
     * Signed messages leave after their signing: the producer signs one at a time, in order, so a message waits for
     * those before it ({@code signedAt}). Its publish time stays its creation, so its latency includes the signing. A
     * message that would wait longer than the producer's request timeout before its signing starts is refused at once
     * (its wait is known when it is created): lost as {@code overflow}, as a send is when a client's buffer stays full,
     * so a producer publishing faster than it signs keeps a bounded backlog instead of one that grows for ever.
     */
    private void sign(Msg m) {
        if (signing == null) {
            signing = new java.util.ArrayDeque<>();
            signedHandler = engine.kernel.register((ctx, arg) -> engine.publish(signing.pollFirst()));
        }
        long now = engine.kernel.now();
        long start = Math.max(now, signedAt);
        if (start - now > config.requestTimeout()) {
            engine.refuseUnsent(m, "overflow");
            return;
        }
        signedAt = start + signNanos(m);
        signing.addLast(m);
        engine.kernel.schedule(signedAt, SimContext.NORMAL, signedHandler, 0);
    }
}
