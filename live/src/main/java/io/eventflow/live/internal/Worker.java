package io.eventflow.live.internal;

import io.eventflow.live.Delivery;
import io.eventflow.live.DeliveryHandler;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveHeaders;
import io.eventflow.live.LiveTransaction;
import io.eventflow.model.design.Publication;
import io.eventflow.simulator.random.SplitMix64;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The service side of one consumer: processes each delivery for a time drawn from the subscription's distribution
 * (times the {@code slow} factor), fails poison messages and retries them in place with the design's backoff, then
 * dead-letters them (a copy with {@link LiveHeaders#DEAD_LETTER_GROUP}) or drops them; on success records the
 * processing, publishes the chained messages with the correlation id carried on, and acks.
 */
final class Worker implements DeliveryHandler {
    private final Run run;
    private final LiveInstance instance;
    private final GroupSpec spec;
    private final SplitMix64 rng;
    /** Ids handed to this worker and not finished: a crash loses them (at-most-once) or leaves them on the broker. */
    final Set<Long> held = ConcurrentHashMap.newKeySet();

    private ExecutorService pool;
    /** Which deliveries, and which publications that follow them, a view shows as moving tokens (sampled). */
    private final LiveTokens.Gate deliveryTokens = new LiveTokens.Gate();

    private final LiveTokens.Gate publishTokens = new LiveTokens.Gate();
    /** The service's design id (tokens are drawn on the design's edges). */
    private final String service;
    /**
     * {planned end of the last wait, when the worker last finished a message} (System.nanoTime). A wait that follows
     * the previous one back to back (the next message of a batch) is added to the planned end rather than to now, so
     * a wake-up that comes late (a loaded machine) shortens the next wait instead of adding up, and a busy worker keeps
     * the designed processing rate. After an idle moment (waiting for a poll) it counts from now.
     */
    private final long[] clock = {0, 0};
    /**
     * The consumer's open transaction while a batch is in hand (exactly-once with mechanism transactional on a kind
     * that runs it), else null.
     */
    private volatile LiveTransaction transaction;

    Worker(Run run, LiveInstance instance, GroupSpec spec) {
        this.run = run;
        this.instance = instance;
        this.spec = spec;
        this.rng = run.streams.stream("svc:" + instance.id + "@" + spec.channelId());
        this.service = instance.service.spec.id();
        if (spec.dedupWindowMicros() >= 0) {
            spec.ledger().keepProcessingTimes();
        }
    }

    @Override
    public void onBatch(LiveConsumer consumer, List<Delivery> batch) throws InterruptedException {
        transaction = consumer.transaction();
        batch.forEach(d -> held.add(d.envelope().messageId()));
        if (spec.concurrency() <= 1 || batch.size() <= 1) {
            for (Delivery d : batch) {
                handle(d, rng, clock);
            }
            return;
        }
        // concurrency N: up to N partitions at once, each in offset order
        Map<Integer, List<Delivery>> byPartition = new LinkedHashMap<>();
        batch.forEach(d -> byPartition
                .computeIfAbsent(d.envelope().partition(), p -> new ArrayList<>())
                .add(d));
        if (pool == null) {
            pool = Executors.newFixedThreadPool(spec.concurrency(), r -> {
                Thread t = new Thread(r, "live-" + instance.id + "-worker");
                t.setDaemon(true);
                return t;
            });
        }
        List<Future<?>> fs = new ArrayList<>();
        int i = 0;
        for (List<Delivery> part : byPartition.values()) {
            SplitMix64 r = run.streams.stream("svc:" + instance.id + "@" + spec.channelId() + "/" + i++);
            long[] own = {0, 0};
            fs.add(pool.submit(() -> {
                for (Delivery d : part) {
                    handle(d, r, own);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
            pool = null;
            throw e;
        }
    }

    String channelId() {
        return spec.channelId();
    }

    /** The key of the group ledger this worker's deliveries count in. */
    String ledgerKey() {
        return spec.ledger().key;
    }

    /** Shuts the worker pool down (consumer closed or killed). */
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private void handle(Delivery d, SplitMix64 r, long[] clock) throws InterruptedException {
        Envelope e = d.envelope();
        GroupLedger g = spec.ledger();
        long id = e.messageId();
        // a copy the broker dead-lettered (TTL, max length) arriving on its dead-letter channel: dead-lettered for the
        // groups of the channel it left, whether or not it is still there at the end
        List<GroupLedger> movedFrom = run.brokerDeadLettered(e);
        for (int i = 0; i < movedFrom.size(); i++) { // no iterator or lambda per delivery (almost always empty)
            movedFrom.get(i).deadLettered(id);
        }
        boolean again = g.delivered(id, d.redelivered());
        trace(again || d.redelivered() ? "redelivered" : "delivered", e);
        boolean poison = spec.channelId().equals(e.header(LiveHeaders.POISON));
        long first = Math.round(spec.processing().sample(r) * instance.slowFactor);
        boolean shown = deliveryTokens.due();
        if (shown) {
            run.tokens.delivered(spec.channelId(), service, id, e.correlationId(), first);
        }
        try {
            process(d, e, g, r, clock, poison, first);
        } finally {
            if (shown) {
                run.tokens.processed(service, id);
            }
        }
    }

    /** Processes (and retries, and dead-letters) one delivery; {@code first}: the first attempt's processing time. */
    private void process(Delivery d, Envelope e, GroupLedger g, SplitMix64 r, long[] clock, boolean poison, long first)
            throws InterruptedException {
        long id = e.messageId();
        long lastBackoff = 0;
        for (int attempt = 1; ; attempt++) {
            waitFor(clock, attempt == 1 ? first : Math.round(spec.processing().sample(r) * instance.slowFactor));
            if (!poison) {
                break;
            }
            if (attempt < spec.attempts()) {
                long wait;
                synchronized (r) {
                    wait = spec.backoff().delay(attempt, lastBackoff, r);
                }
                lastBackoff = wait;
                g.attempt();
                if (run.trace.on()) {
                    run.trace.emit(new TraceEvent.Retried(
                            run.trace.now(),
                            instance.id,
                            g.name,
                            e.partition(),
                            e.offset(),
                            id,
                            e.correlationId(),
                            attempt,
                            wait));
                }
                waitFor(clock, wait);
                continue;
            }
            deadLetter(e);
            d.ack();
            held.remove(id);
            return;
        }
        long now = Run.nowMicros();
        LiveTransaction txn = transaction;
        if (txn != null) {
            processedInTransaction(e, g, txn, now);
            d.ack();
            held.remove(id);
            return;
        }
        boolean effects;
        if (spec.dedupWindowMicros() != -2 && g.remembers(id, now, spec.dedupWindowMicros())) {
            effects = false; // the dedup store has it: no second effect, not counted
        } else {
            GroupLedger.Processing p = g.processed(id, (now - e.publishedAtMicros()) * 1000, now);
            effects = true;
            if (p == GroupLedger.Processing.REPROCESSED) {
                trace("reprocessed", e);
            } else if (run.trace.on()) {
                trace("processed", e);
            }
        }
        if (effects) {
            chain(e);
            if (spec.replyListener()) {
                run.requests.replied(e.correlationId());
            }
        }
        d.ack();
        held.remove(id);
    }

    /** An output of a processing inside a transaction: its channel and message. */
    record Output(String channelId, Envelope message) {}

    /**
     * Exactly-once with mechanism transactional: the outputs go in the consumer's open transaction, and the processing
     * counts when that commits, with the latency it had now. When it aborts, the input will be read and processed
     * again; its outputs are then written again (the same messages, as the simulator does), so a {@code
     * read_uncommitted} reader that processed the aborted records processes them twice, and a {@code read_committed}
     * one once.
     */
    private void processedInTransaction(Envelope e, GroupLedger g, LiveTransaction txn, long now) {
        long id = e.messageId();
        Map<Long, List<Output>> aborted = run.abortedOutputs(g.key);
        List<Output> again = aborted.remove(id);
        List<Output> outs = new ArrayList<>();
        if (again != null) {
            for (Output o : again) {
                send(txn, o.channelId(), o.message(), false, outs);
            }
        } else {
            chain(e, txn, outs);
        }
        long latency = (now - e.publishedAtMicros()) * 1000;
        txn.onOutcome(
                () -> {
                    GroupLedger.Processing p = g.processed(id, latency, now);
                    if (p == GroupLedger.Processing.REPROCESSED) {
                        trace("reprocessed", e);
                    } else if (run.trace.on()) {
                        trace("processed", e);
                    }
                },
                () -> {
                    g.abortedProcessing();
                    if (!outs.isEmpty()) {
                        aborted.put(id, outs);
                    }
                });
    }

    /** Sends an output through the transaction where its channel is on the consumer's broker, else outside it. */
    private void send(LiveTransaction txn, String channelId, Envelope m, boolean original, List<Output> inTxn) {
        io.eventflow.live.LiveProducer p = txn.producer(run.channels.get(channelId));
        if (p == null) {
            instance.send(channelId, m, original, null);
            return;
        }
        inTxn.add(new Output(channelId, m));
        run.send(p, channelId, m, original, instance.id, instance::crashed);
    }

    private void chain(Envelope in) {
        chain(in, null, null);
    }

    private void chain(Envelope in, LiveTransaction txn, List<Output> inTxn) {
        for (LiveInstance.Chained c : instance.chained()) {
            Publication p = c.publication();
            if (p.from() != null && !p.from().equals(spec.channelId())) {
                continue;
            }
            String key = c.nextKey();
            Envelope m = run.newMessage(p.channel(), c.messageType(), p.key(), key, in.correlationId());
            if (publishTokens.due()) {
                run.tokens.published(service, p.channel(), m.messageId(), m.correlationId());
            }
            if (txn != null) {
                send(txn, p.channel(), m, true, inTxn);
            } else {
                instance.send(p.channel(), m, true, null);
            }
        }
    }

    private void deadLetter(Envelope e) {
        GroupLedger g = spec.ledger();
        if (spec.deadLetter() == null) {
            g.hint(e.messageId(), "rejected");
            if (run.trace.on()) {
                run.trace.emit(new TraceEvent.Dropped(
                        run.trace.now(),
                        spec.channelId(),
                        g.name,
                        e.partition(),
                        e.offset(),
                        e.messageId(),
                        e.correlationId(),
                        "rejected"));
            }
            return;
        }
        g.hint(e.messageId(), "network"); // unless the dead-letter channel's broker takes the copy
        Map<String, String> h = new LinkedHashMap<>(e.headers());
        h.put(LiveHeaders.DEAD_LETTER_GROUP, g.key);
        h.put(LiveHeaders.DEAD_LETTER_FROM, spec.channelId());
        h.put(LiveHeaders.DEAD_LETTER_REASON, "rejected");
        Envelope copy =
                Envelope.outgoing(e.messageId(), e.correlationId(), e.publishedAtMicros(), e.key(), e.payload(), h);
        if (run.trace.on()) {
            run.trace.emit(new TraceEvent.DeadLettered(
                    run.trace.now(),
                    spec.channelId(),
                    g.name,
                    e.partition(),
                    e.offset(),
                    e.messageId(),
                    e.correlationId(),
                    "rejected"));
        }
        // Dead-lettered once the dead-letter channel's broker took the copy: a consumer of that channel may take it
        // off the broker before the end, when the channel is read back.
        instance.send(spec.deadLetter(), copy, false, () -> g.deadLettered(e.messageId()));
    }

    private void trace(String kind, Envelope e) {
        if (!run.trace.on()) {
            return;
        }
        long t = run.trace.now();
        String el = instance.id;
        String g = spec.ledger().name;
        int p = e.partition();
        long o = e.offset();
        long id = e.messageId();
        long c = e.correlationId();
        run.trace.emit(
                switch (kind) {
                    case "delivered" -> new TraceEvent.Delivered(t, el, g, p, o, id, c);
                    case "redelivered" -> new TraceEvent.Redelivered(t, el, g, p, o, id, c);
                    case "reprocessed" -> new TraceEvent.Reprocessed(t, el, g, p, o, id, c);
                    default -> new TraceEvent.Processed(t, el, g, p, o, id, c);
                });
    }

    /** Waits {@code nanos} from the last planned end when back to back, else from now (see {@link #clock}). */
    private static void waitFor(long[] clock, long nanos) throws InterruptedException {
        long now = System.nanoTime();
        boolean backToBack = now - clock[1] < BACK_TO_BACK_NANOS && clock[0] <= now;
        // at most 100 ms of lateness is made up, so a stall does not turn into a burst of instant processings
        clock[0] = (backToBack ? Math.max(clock[0], now - 100_000_000L) : now) + Math.max(0, nanos);
        long left = clock[0] - now;
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        } else if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        clock[1] = System.nanoTime();
    }

    private static final long BACK_TO_BACK_NANOS = 5_000_000L;
}
