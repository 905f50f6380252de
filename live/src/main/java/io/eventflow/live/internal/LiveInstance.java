package io.eventflow.live.internal;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.LiveServer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Service;
import io.eventflow.simulator.random.SplitMix64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One running instance of a service: its producer per broker, its consumers (one per subscription), publishers. */
final class LiveInstance {
    private static final Pattern KEYS = Pattern.compile("\\s*(?:uniform\\s*\\(\\s*)?([0-9]+)\\s*\\)?\\s*");

    /** A publication made per processed message, with its own key stream. */
    record Chained(Publication publication, String messageType, LiveInstance owner, SplitMix64 rng, int keys) {
        String nextKey() {
            if (keys <= 0) {
                return null;
            }
            int n;
            synchronized (rng) {
                n = rng.nextInt(keys);
            }
            return owner.payloadKey(messageType, publication.key(), n);
        }
    }

    final Run run;
    final LiveService service;
    final int index;
    final String id;
    volatile double slowFactor = 1.0;
    private volatile boolean crashed;
    private final Map<String, LiveProducer> producers = new HashMap<>();
    private final List<Publisher> publishers = new ArrayList<>();
    private final List<Chained> chained = new ArrayList<>();
    private final List<LiveConsumer> consumers = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    /** The design's producer retry for this instance's sends (null: none applies). */
    private final ProducerRetry retry;

    LiveInstance(Run run, LiveService service, int index) {
        this.run = run;
        this.service = service;
        this.index = index;
        this.id = service.spec.id() + "#" + index;
        this.retry = ProducerRetry.of(
                service.spec.producerOrDefault(), run.streams.stream("producer-retry:" + id), this::producing);
        for (Publication p : service.spec.publishes()) {
            if (p.isChained()) {
                String type = Payloads.messageOf(run.design, p.message(), p.channel());
                chained.add(
                        new Chained(p, type, this, run.streams.stream("pub:" + id + ":" + p.channel()), keyCount(p)));
            }
        }
        // A responder answers every request it processes on the reply channel, with the correlation id carried on.
        for (io.eventflow.model.design.Subscription sub : service.spec.subscribes()) {
            if (sub.reply() != null) {
                Publication p = replyPublication(sub);
                String type = Payloads.messageOf(run.design, p.message(), p.channel());
                chained.add(new Chained(p, type, this, run.streams.stream("reply:" + id + ":" + p.channel()), 0));
            }
        }
    }

    /** A subscription's {@code reply} as a publication per processed message of the subscribed channel. */
    static Publication replyPublication(io.eventflow.model.design.Subscription sub) {
        return new Publication(
                sub.reply().channel(),
                sub.reply().message(),
                null,
                null,
                null,
                null,
                "processed",
                sub.channel(),
                null,
                null,
                null,
                null,
                Map.of());
    }

    /** A request as a timed publication (its channel, message, rate and arrival). */
    static Publication requestPublication(io.eventflow.model.design.RequestReply r) {
        return new Publication(
                r.channel(),
                r.message(),
                r.rate(),
                r.arrival(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of());
    }

    /**
     * Sends a request of {@code r} ({@code correlationId} -1: a new one, else a retry of that request) and waits for
     * its reply (see {@link LiveRequests}).
     */
    void sendRequest(io.eventflow.model.design.RequestReply r, long correlationId) {
        String type = Payloads.messageOf(run.design, r.message(), r.channel());
        Envelope m = run.newMessage(r.channel(), type, null, null, correlationId);
        run.requests.sent(this, r, m.correlationId());
        send(r.channel(), m, true, null);
    }

    /**
     * Sends {@code m} through this instance's producer on the channel's broker, sent again per the design's producer
     * {@code retry} when it fails ({@link ProducerRetry}); {@code acknowledged} (or null) runs when the broker took it.
     */
    void send(String channelId, Envelope m, boolean original, Runnable acknowledged) {
        run.send(producerFor(channelId), channelId, m, original, id, this::crashed, acknowledged, retry);
    }

    /** Whether {@code p} is still one of this instance's producers (not closed or killed since). */
    private synchronized boolean producing(LiveProducer p) {
        return producers.containsValue(p);
    }

    static int keyCount(Publication p) {
        if (p.keys() != null) {
            Matcher m = KEYS.matcher(p.keys());
            return !m.matches() ? 1000 : m.group(1).length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(m.group(1));
        }
        return p.key() != null ? 1000 : 0;
    }

    String payloadKey(String messageType, String field, int n) {
        return run.payloads.key(messageType, field, n);
    }

    List<Chained> chained() {
        return chained;
    }

    boolean crashed() {
        return crashed;
    }

    /** The instance's producer on the broker of {@code channelId}, made on first use. */
    synchronized LiveProducer producerFor(String channelId) {
        String broker = run.brokerOf(channelId);
        LiveProducer p = producers.get(broker);
        if (p == null) {
            LiveServer s = run.servers.get(broker);
            Service svc = service.spec;
            try {
                p = s.producer(new ProducerSpec(run.prefix + id, svc.id(), svc.producerOrDefault()));
            } catch (LiveException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            producers.put(broker, p);
        }
        return p;
    }

    /** Held while the instance dies or comes back, so that a restart waits for the crash before it. */
    private final Object lifecycle = new Object();

    /** Starts a consumer per subscription; returns them so the run can wait until they are ready. */
    List<LiveConsumer> startConsumers() throws LiveException {
        synchronized (lifecycle) {
            return startConsumersNow();
        }
    }

    private List<LiveConsumer> startConsumersNow() throws LiveException {
        crashed = false;
        List<LiveConsumer> started = new ArrayList<>();
        for (GroupSpec g : service.groups) {
            Worker w = new Worker(run, this, g);
            LiveServer s = run.serverOf(g.channelId());
            LiveConsumer c = s.consumer(
                    new io.eventflow.live.ConsumerSpec(
                            run.prefix + id + "@" + g.channelId(),
                            g.brokerGroup(),
                            run.channels.get(g.channelId()),
                            g.subscription(),
                            g.ack(),
                            g.commitIntervalMillis(),
                            g.prefetch(),
                            g.fromEarliest()),
                    w);
            c.start();
            synchronized (this) {
                consumers.add(c);
                workers.add(w);
            }
            started.add(c);
        }
        return started;
    }

    /** Makes the producers this instance will use and lets them fetch what they need before the clock starts. */
    void prepareProducers() {
        for (Publication p : service.spec.publishes()) {
            producerFor(p.channel()).prepare(run.channels.get(p.channel()));
        }
        for (io.eventflow.model.design.RequestReply r : service.spec.requests()) {
            producerFor(r.channel()).prepare(run.channels.get(r.channel()));
        }
        for (Chained c : chained) {
            producerFor(c.publication().channel())
                    .prepare(run.channels.get(c.publication().channel()));
        }
        for (GroupSpec g : service.groups) {
            if (g.deadLetter() != null) {
                producerFor(g.deadLetter()).prepare(run.channels.get(g.deadLetter()));
            }
        }
    }

    /** Starts the timed publications (at their current rates). */
    synchronized void startPublishers() {
        for (Publication p : service.spec.publishes()) {
            if (p.isChained() || p.isWill()) {
                continue;
            }
            double rate = service.rate(p.channel(), p);
            Publisher pub = new Publisher(run, this, p, rate);
            publishers.add(pub);
            pub.start();
        }
        for (io.eventflow.model.design.RequestReply r : service.spec.requests()) {
            Publication p = requestPublication(r);
            Publisher pub = new Publisher(run, this, p, service.rate(p.channel(), p), r);
            publishers.add(pub);
            pub.start();
        }
    }

    synchronized void rate(String channel, double perSecond) {
        publishers.stream().filter(p -> p.channel().equals(channel)).forEach(p -> p.rate(perSecond));
    }

    /**
     * Stops the timed publishers and waits for their threads, without holding this instance's lock meanwhile: a
     * publisher between two sends takes it ({@link #producerFor}), and a wait under the lock held it until the join
     * timed out (5 s at the end of every run whose producer was busy).
     */
    void stopPublishers() {
        List<Publisher> ps;
        synchronized (this) {
            ps = List.copyOf(publishers);
            publishers.clear();
        }
        ps.forEach(Publisher::stop);
    }

    /**
     * A crash: publishers stop, consumers die without committing or leaving, producers die with what they had not
     * sent. What the workers held is lost unless the broker still has it for the group.
     */
    void kill() {
        synchronized (lifecycle) {
            killNow();
        }
    }

    private void killNow() {
        crashed = true;
        stopPublishers();
        List<LiveConsumer> cs;
        List<Worker> ws;
        synchronized (this) {
            cs = List.copyOf(consumers);
            ws = List.copyOf(workers);
            consumers.clear();
            workers.clear();
        }
        cs.forEach(LiveConsumer::kill);
        for (Worker w : ws) {
            w.stop();
            for (Long id : w.held) {
                for (GroupSpec g : service.groups) {
                    g.ledger().hint(id, "crash");
                }
            }
        }
        List<LiveProducer> ps;
        synchronized (this) {
            ps = List.copyOf(producers.values());
            producers.clear();
        }
        if (retry != null) {
            retry.crashed();
        }
        ps.forEach(LiveProducer::kill);
    }

    /** Clean stop: publishers, then consumers (they commit and leave), then producers (they flush). */
    void close() {
        stopPublishers();
        closeConsumers();
        closeProducers();
    }

    /**
     * Closes the consumers and stops the workers; returns, per group ledger key, the ids the workers still had in hand
     * (delivered, not finished): at the end of a run these are in flight, as a simulated message in processing is.
     */
    Map<String, Set<Long>> closeConsumers() {
        List<LiveConsumer> cs;
        List<Worker> ws;
        synchronized (this) {
            cs = List.copyOf(consumers);
            ws = List.copyOf(workers);
            consumers.clear();
            workers.clear();
        }
        cs.forEach(LiveConsumer::close);
        ws.forEach(Worker::stop);
        Map<String, Set<Long>> inHand = new HashMap<>();
        for (Worker w : ws) {
            inHand.computeIfAbsent(w.ledgerKey(), k -> new HashSet<>()).addAll(w.held);
        }
        return inHand;
    }

    /**
     * Closes the producers (after the sends in progress complete); returns, per channel id, the messages that were
     * waiting for a producer retry (owed, not sent again): at the end of a run these are in flight.
     */
    Map<String, Set<Long>> closeProducers() {
        List<LiveProducer> ps;
        synchronized (this) {
            ps = List.copyOf(producers.values());
            producers.clear();
        }
        Map<String, Set<Long>> waiting = retry == null ? Map.of() : retry.stop();
        ps.forEach(LiveProducer::close);
        return waiting;
    }

    void flush() {
        List<LiveProducer> ps;
        synchronized (this) {
            ps = List.copyOf(producers.values());
        }
        ps.forEach(LiveProducer::flush);
    }

    /** This instance's consumers on {@code channelId} now (for a replay). */
    synchronized List<LiveConsumer> consumersOn(String channelId) {
        List<LiveConsumer> out = new ArrayList<>();
        for (int i = 0; i < consumers.size(); i++) {
            if (workers.get(i).channelId().equals(channelId)) {
                out.add(consumers.get(i));
            }
        }
        return out;
    }

    /** Deliveries its workers hold now (received, not finished). */
    synchronized int holding() {
        return workers.stream().mapToInt(w -> w.held.size()).sum();
    }

    /** True when no worker holds a delivery. */
    synchronized boolean idle() {
        return workers.stream().allMatch(w -> w.held.isEmpty());
    }

    synchronized List<LiveConsumer> consumers() {
        return List.copyOf(consumers);
    }
}
