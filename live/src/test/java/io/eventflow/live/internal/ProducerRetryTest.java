package io.eventflow.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveProducer;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.random.SplitMix64;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The design's producer {@code retry} applied by the run to the kinds whose clients do not send again (here an AMQP
 * channel; a Kafka channel is left to its client): the same message is sent again after the policy's backoff until
 * its attempts run out, accounted for once, lost with its last failure's cause; a crash ends the waits ({@code
 * crash}); at the close of the producers a waiting message is in flight, as in the simulator.
 */
class ProducerRetryTest {
    private static final String YAML =
            """
            eventflow: 1
            name: Retry
            brokers:
              - {id: rabbit, kind: amqp}
              - {id: kafka, kind: kafka}
            messages:
              - id: M
                payload: {type: object, properties: {id: {type: string}}}
            channels:
              - {id: q, broker: rabbit, address: q, messages: [M]}
              - {id: t, broker: kafka, address: t, messages: [M]}
            services:
              - id: a
                producer: {retry: {maxAttempts: 3, backoff: fixed, initial: 40ms}}
                publishes:
                  - {channel: q, message: M, rate: 1/s}
            """;

    /** A producer that fails the first {@code failures} sends of each message id, and records when each came. */
    private static final class Flaky implements LiveProducer {
        final int failures;
        final List<long[]> sends = Collections.synchronizedList(new ArrayList<>()); // {id, nanoTime}
        final Map<Long, Integer> seen = new HashMap<>();
        boolean refuseAsFull;
        /** A client that applies the retry policy itself (as Kafka's does): the run leaves its failures alone. */
        boolean retriesItself;

        Flaky(int failures) {
            this.failures = failures;
        }

        @Override
        public void send(LiveChannel channel, Envelope message, SendCallback callback) {
            sends.add(new long[] {message.messageId(), System.nanoTime()});
            int n = seen.merge(message.messageId(), 1, Integer::sum);
            if (n <= failures) {
                callback.done(
                        message,
                        refuseAsFull
                                ? new LiveProducer.Refused("full", true)
                                : new RuntimeException("connection reset"));
            } else {
                callback.done(message, null);
            }
        }

        @Override
        public boolean resendsFailed(LiveChannel channel) {
            return !retriesItself;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public void kill() {}
    }

    private Run run;
    private final List<TraceEvent> events = new CopyOnWriteArrayList<>();

    private Run run(Design d) {
        Map<String, LiveChannel> chans = new HashMap<>();
        d.channels().forEach(c -> chans.put(c.id(), new LiveChannel(c, c.id(), false)));
        run = new Run(d, 1, "ef-test-", Map.of(), chans, new LiveTrace(events::add));
        for (String c : List.of("q", "t")) {
            run.ledger().channel(c);
            run.ledger().group("g-" + c, "g-" + c, c);
        }
        run.trace().startClock();
        return run;
    }

    @AfterEach
    void close() {
        if (run != null) {
            run.close();
        }
    }

    private static ProducerRetry policy(Design d, AtomicBoolean current) {
        return ProducerRetry.of(
                d.service("a").orElseThrow().producerOrDefault(), new SplitMix64(7), p -> current.get());
    }

    private long send(Run r, LiveProducer p, String channel, ProducerRetry retry, AtomicBoolean crashed) {
        Envelope m = r.newMessage(channel, null, null, null, -1);
        r.send(p, channel, m, true, "a#0", crashed::get, null, retry);
        return m.messageId();
    }

    private void awaitAnswered(Run r) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (r.outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(r.outstanding.get()).as("sends still unanswered").isZero();
    }

    private static GroupReport group(Run r, String g, Set<Long> inFlight) {
        return r.ledger()
                .report("d", 1, 1, 1, Map.of(), Map.of(g, inFlight))
                .groups()
                .get(g);
    }

    @Test
    void aFailedSendIsSentAgainWithTheSameIdAfterTheBackoffAndCountsOnce() throws Exception {
        Design d = SampleRuns.design(YAML);
        Run r = run(d);
        Flaky p = new Flaky(2); // fails twice, the third attempt (the last of maxAttempts 3) is acknowledged
        long id = send(r, p, "q", policy(d, new AtomicBoolean(true)), new AtomicBoolean());
        awaitAnswered(r);
        assertThat(p.sends).hasSize(3).allMatch(s -> s[0] == id);
        // fixed backoff 40 ms: each attempt at least 40 ms after the one before
        assertThat(p.sends.get(1)[1] - p.sends.get(0)[1]).isGreaterThanOrEqualTo(40_000_000L);
        assertThat(p.sends.get(2)[1] - p.sends.get(1)[1]).isGreaterThanOrEqualTo(40_000_000L);
        GroupReport g = group(r, "g-q", Set.of(id));
        assertThat(g.owed()).isEqualTo(1);
        assertThat(g.lost()).isZero();
        assertThat(r.ledger().report("d", 1, 1, 1, Map.of(), Map.of()).totals().published())
                .isEqualTo(1);
        // traced as the simulator traces a producer retry: attempts 1 and 2 failed, each waited 40 ms
        assertThat(events.stream().filter(e -> e instanceof TraceEvent.Retried).map(e -> (TraceEvent.Retried) e))
                .extracting(TraceEvent.Retried::attempt, TraceEvent.Retried::delay)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 40_000_000L),
                        org.assertj.core.groups.Tuple.tuple(2, 40_000_000L));
    }

    @Test
    void afterTheLastAttemptTheMessageIsLostWithItsLastCause() throws Exception {
        Design d = SampleRuns.design(YAML);
        Run r = run(d);
        Flaky p = new Flaky(5);
        p.refuseAsFull = true;
        long id = send(r, p, "q", policy(d, new AtomicBoolean(true)), new AtomicBoolean());
        awaitAnswered(r);
        assertThat(p.sends).hasSize(3); // maxAttempts 3, the first one included
        GroupReport g = group(r, "g-q", Set.of());
        assertThat(g.owed()).isEqualTo(1);
        assertThat(g.lostByCause()).containsEntry("overflow", 1L);
        assertThat(events).anyMatch(e -> e instanceof TraceEvent.Dropped x && x.messageId() == id);
    }

    @Test
    void aClientThatRetriesItselfIsLeftAloneAndAcksZeroOrNoPolicyNeverRetries() throws Exception {
        Design d = SampleRuns.design(YAML);
        Run r = run(d);
        Flaky selfRetrying = new Flaky(1);
        selfRetrying.retriesItself = true;
        send(r, selfRetrying, "t", policy(d, new AtomicBoolean(true)), new AtomicBoolean()); // its failure is final
        Flaky p = new Flaky(1);
        send(r, p, "q", null, new AtomicBoolean()); // no policy
        awaitAnswered(r);
        assertThat(selfRetrying.sends).hasSize(1);
        assertThat(p.sends).hasSize(1);
        assertThat(group(r, "g-t", Set.of()).lostByCause()).containsEntry("network", 1L);
        assertThat(group(r, "g-q", Set.of()).lostByCause()).containsEntry("network", 1L);
        Design acks0 = SampleRuns.design(YAML.replace("producer: {retry:", "producer: {acks: 0, retry:"));
        assertThat(policy(acks0, new AtomicBoolean(true))).isNull();
        Design one = SampleRuns.design(YAML.replace("maxAttempts: 3", "maxAttempts: 1"));
        assertThat(policy(one, new AtomicBoolean(true))).isNull();
    }

    @Test
    void aCrashEndsTheWaitsAsCrashAndAClosedProducerLeavesTheWaitingInFlight() throws Exception {
        Design d = SampleRuns.design(YAML.replace("initial: 40ms", "initial: 10s"));
        Run r = run(d);
        Flaky p = new Flaky(1);
        AtomicBoolean crashed = new AtomicBoolean();
        ProducerRetry retry = policy(d, new AtomicBoolean(true));
        long a = send(r, p, "q", retry, crashed); // fails, waits 10 s
        assertThat(retry.waiting()).isEqualTo(1);
        crashed.set(true);
        retry.crashed();
        assertThat(r.outstanding.get()).isZero();
        crashed.set(false); // restarted
        long b = send(r, p, "q", retry, crashed); // fails, waits 10 s
        Map<String, Set<Long>> waiting = retry.stop();
        assertThat(waiting).isEqualTo(Map.of("q", Set.of(b)));
        assertThat(r.outstanding.get()).isZero();
        assertThat(p.sends).hasSize(2); // neither was sent again
        GroupReport g = group(r, "g-q", waiting.get("q"));
        // a lost by its instance's crash while it waited; b in flight (waiting for its retry at the end)
        assertThat(g.owed()).isEqualTo(2);
        assertThat(g.lostByCause()).containsEntry("crash", 1L);
        assertThat(g.lost()).isEqualTo(1);
        assertThat(g.inFlight()).isEqualTo(1);
        assertThat(a).isNotEqualTo(b);
    }
}
