package io.eventflow.live.server;

import io.eventflow.live.ConsumerSpec;
import io.eventflow.live.Delivery;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveConsumer;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveOptions;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.LiveServer;
import io.eventflow.live.ProducerSpec;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.ProducerSettings;
import io.eventflow.model.design.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Drives a connector through the live contract the way a run does, for the kinds' tests. */
public final class ContractDriver {
    public static final LiveOptions OPTIONS = new LiveOptions("ef-test-", Duration.ofSeconds(10), false);

    private ContractDriver() {}

    /** Every channel of {@code brokerId} as the run names them (prefix + address). */
    public static Map<String, LiveChannel> channels(Design design, String brokerId) {
        Map<String, LiveChannel> out = new java.util.LinkedHashMap<>();
        design.channels().stream()
                .filter(c -> brokerId.equals(c.broker()))
                .forEach(c -> out.put(c.id(), new LiveChannel(c, OPTIONS.runPrefix() + c.effectiveAddress(), false)));
        return out;
    }

    /** Sends messages {@code first..first+count-1} and waits for their callbacks; returns the ids the broker took. */
    public static Set<Long> send(LiveServer server, LiveChannel channel, long first, int count) throws LiveException {
        LiveProducer producer = server.producer(
                new ProducerSpec("ef-test-producer", "test", new ProducerSettings(null, null, null, null)));
        Set<Long> ok = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        try {
            for (long id = first; id < first + count; id++) {
                Envelope m = Envelope.outgoing(
                        id,
                        id,
                        System.currentTimeMillis() * 1000,
                        "k" + id % 7,
                        ("{\"n\":" + id + "}").getBytes(StandardCharsets.UTF_8),
                        Map.of());
                producer.send(channel, m, (sent, error) -> {
                    if (error == null) {
                        ok.add(sent.messageId());
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
        } finally {
            producer.close();
        }
        return ok;
    }

    /** What consumers saw. */
    public record Seen(Map<Long, Integer> processed, Set<Long> redelivered, Map<Long, Envelope> envelopes) {
        public Seen() {
            this(new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>());
        }
    }

    /**
     * A consumer that acks what {@code accept} takes (true), nacks what it refuses (false) and holds the rest (null:
     * neither acked nor given back), recording what it processed.
     */
    public static LiveConsumer consumer(
            LiveServer server,
            String clientId,
            LiveChannel channel,
            String group,
            ConsumerSpec.Ack ack,
            int prefetch,
            Function<Delivery, Boolean> accept,
            Seen seen)
            throws LiveException {
        return consumer(
                server, clientId, channel, new Subscription(channel.id(), group), group, ack, prefetch, accept, seen);
    }

    /** A consumer for the design's subscription {@code sub}. */
    public static LiveConsumer consumer(
            LiveServer server,
            String clientId,
            LiveChannel channel,
            Subscription sub,
            String group,
            ConsumerSpec.Ack ack,
            int prefetch,
            Function<Delivery, Boolean> accept,
            Seen seen)
            throws LiveException {
        ConsumerSpec spec = new ConsumerSpec(clientId, group, channel, sub, ack, 200, prefetch, true);
        return server.consumer(spec, (consumer, batch) -> {
            for (Delivery d : batch) {
                if (d.redelivered()) {
                    seen.redelivered().add(d.envelope().messageId());
                }
                Boolean verdict = accept.apply(d);
                if (verdict == null) {
                    continue; // held: neither acked nor given back
                }
                if (verdict) {
                    seen.processed().merge(d.envelope().messageId(), 1, Integer::sum);
                    seen.envelopes().put(d.envelope().messageId(), d.envelope());
                    d.ack();
                } else {
                    d.nack();
                }
            }
        });
    }

    /** Starts consumers and waits until each is ready (at most 20 s). */
    public static void startAll(List<LiveConsumer> consumers) throws Exception {
        for (LiveConsumer c : consumers) {
            c.start();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !consumers.stream().allMatch(LiveConsumer::ready)) {
            Thread.sleep(20);
        }
        if (!consumers.stream().allMatch(LiveConsumer::ready)) {
            throw new AssertionError("consumers not ready after 20 s");
        }
    }

    /** Waits (at most {@code timeout}) until {@code done} holds. */
    public static boolean await(Duration timeout, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return done.getAsBoolean();
    }

    public static List<Long> ids(List<Envelope> envelopes) {
        List<Long> out = new ArrayList<>();
        envelopes.forEach(e -> out.add(e.messageId()));
        return out;
    }

    /** The design's subscription of {@code service} to {@code channel}. */
    public static Subscription subscription(Design design, String service, String channel) {
        return design.service(service).orElseThrow().subscribes().stream()
                .filter(s -> s.channel().equals(channel))
                .findFirst()
                .orElseThrow();
    }
}
