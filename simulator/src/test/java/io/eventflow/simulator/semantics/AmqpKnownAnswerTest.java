package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.Runs.amqp;
import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Known answers for the RabbitMQ-like broker: p publishes at 0.1, 0.2, ... s; c takes 10 ms per message. */
class AmqpKnownAnswerTest {
    static final String ACK = "delivery: at-least-once";
    static final String CRASH_FOR_GOOD = "{at: 1.05s, kind: crash, target: c}";

    @Test
    void ackAfterProcessingRequeuesOnCrash() throws Exception {
        // crash at 2.005 s during the 2.0 s message: unacked, so requeued with the redelivered flag
        Runs r = run(
                amqp("", "all", ACK),
                "10.05s",
                "{at: 2.005s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").duplicates()).isZero();
    }

    @Test
    void autoAckLosesOnCrash() throws Exception {
        Runs r = run(
                amqp("", "all", "delivery: at-most-once"),
                "10.05s",
                "{at: 2.005s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.lost("c", "crash")).isEqualTo(1);
        assertThat(r.group("c").processed()).isEqualTo(99);
    }

    @Test
    void queueTtlExpiresWaitingMessages() throws Exception {
        // c gone from 1.05 s; TTL 1 s: messages stored at 1.1..9.0 s expire by 10.05 s (80); 9.1..10.0 s wait
        Runs r = run(amqp(", ttl: 1s", "all", ACK), "10.05s", CRASH_FOR_GOOD, "");
        assertThat(r.group("c").expired()).isEqualTo(80);
        assertThat(r.group("c").inFlight()).isEqualTo(10);
        assertThat(r.report.channels().get("orders").expired()).isEqualTo(80);
    }

    @Test
    void expiredMessagesGoToTheDeadLetterExchange() throws Exception {
        Runs r = run(amqp(", ttl: 1s, deadLetter: dlq", "all", ACK), "10.05s", CRASH_FOR_GOOD, "");
        assertThat(r.group("c").deadLettered()).isEqualTo(80);
        assertThat(r.report.channels().get("dlq").published()).isEqualTo(80);
    }

    @Test
    void maxLengthDropHeadLosesTheOldest() throws Exception {
        // 90 messages arrive after the crash; the queue keeps the newest 5: 85 dropped (overflow)
        Runs r = run(amqp(", maxLength: 5, overflow: drop-head", "all", ACK), "10.05s", CRASH_FOR_GOOD, "");
        assertThat(r.lost("c", "overflow")).isEqualTo(85);
        assertThat(r.group("c").inFlight()).isEqualTo(5);
    }

    @Test
    void maxLengthRejectPublishLosesTheNewest() throws Exception {
        Runs r = run(amqp(", maxLength: 5, overflow: reject-publish", "all", ACK), "10.05s", CRASH_FOR_GOOD, "");
        assertThat(r.lost("c", "overflow")).isEqualTo(85);
        assertThat(r.group("c").inFlight()).isEqualTo(5);
    }

    @Test
    void overflowWithDeadLetterExchange() throws Exception {
        Runs r = run(
                amqp(", maxLength: 5, overflow: drop-head, deadLetter: dlq", "all", ACK), "10.05s", CRASH_FOR_GOOD, "");
        assertThat(r.group("c").deadLettered()).isEqualTo(85);
    }

    @Test
    void nackRequeuesWithRedeliveredFlagThenDeadLetters() throws Exception {
        // 10 poison messages, 3 attempts: each is nacked and requeued twice (redelivered), then dead-lettered
        Runs r = run(
                amqp("", "all", ACK + ", retry: {maxAttempts: 3, backoff: fixed, initial: 100ms}, deadLetter: dlq"),
                "10.05s",
                "{at: 3.05s, kind: poison, target: orders, percent: 100, for: 1s}",
                "");
        assertThat(r.group("c").retries()).isEqualTo(20);
        assertThat(r.group("c").redelivered()).isEqualTo(20);
        assertThat(r.group("c").deadLettered()).isEqualTo(10);
        assertThat(r.trace).contains("\"kind\":\"redelivered\"");
    }

    @Test
    void brokerCrashLosesPublishesAndDuplicatesTheUnackedDelivery() throws Exception {
        // down 3.005..4.005 s: the 10 publishes of 3.1..4.0 s fail (no retries: lost, crash). The 3.0 s message is
        // being processed: its ack is void after the crash, the broker requeued it, so it is processed again
        Runs r = run(
                amqp("", "1", ACK),
                "10.05s",
                "{at: 3.005s, kind: broker-crash, target: rabbit, node: 0, restartAfter: 1s}",
                "");
        assertThat(r.lost("c", "crash")).isEqualTo(10);
        assertThat(r.group("c").duplicates()).isEqualTo(1);
        assertThat(r.group("c").processed()).isEqualTo(90);
    }

    @Test
    void redriveFromDeadLetterQueueEmptiesIt() throws Exception {
        // 80 expired messages are dead-lettered to dlq; at 9.5 s they are re-driven to orders, where nobody
        // consumes (c is gone): owed again, in flight. dlq has no consumer, so nothing else changes.
        Runs r = run(
                amqp(", ttl: 1s, deadLetter: dlq", "all", ACK),
                "9.52s",
                CRASH_FOR_GOOD,
                "{at: 9.5s, kind: redrive, from: dlq, to: orders}");
        // Scenario events fire before other events at the same time. Dead-lettered before 9.5 s: the messages
        // stored at 1.1..8.4 s (74); they are re-driven, with a new TTL. The 8.5 s one expires right after (1).
        // In flight: the 74 plus those stored at 8.6..9.5 s (10) = 84.
        assertThat(r.group("c").deadLettered()).isEqualTo(1);
        assertThat(r.group("c").inFlight()).isEqualTo(84);
        assertThat(r.group("c").owed()).isEqualTo(95); // 10 processed before the crash + 1 + 84
    }

    @Test
    void linkFaultsApplyToPrefetchedDeliveriesToo() throws Exception {
        // c needs 150 ms per message but gets one every 100 ms, so with prefetch 5 most deliveries go to its
        // prefetch buffer. A 100 % drop on the rabbit -> c link with auto-ack loses every one of the 100.
        Runs r = run(
                amqp("", "all", "delivery: at-most-once, prefetch: 5").replace("processing: 10ms", "processing: 150ms"),
                "10.05s",
                "{at: 0s, kind: drop, link: [rabbit, c], percent: 100}",
                "");
        assertThat(r.lost("c", "network")).isEqualTo(100);
        assertThat(r.group("c").processed()).isZero();
    }

    @Test
    void latencyDelaysPrefetchedDeliveries() throws Exception {
        // every delivery takes 1 s to arrive; c processes 150 ms each: the first message (0.1 s) is done at 1.25 s
        Runs r = run(
                amqp("", "all", ACK + ", prefetch: 5").replace("processing: 10ms", "processing: 150ms"),
                "1.3s",
                "{at: 0s, kind: latency, link: [rabbit, c], delay: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(1);
        assertThat(r.report.latencyMs().mean()).isCloseTo(1150.0, org.assertj.core.api.Assertions.within(1e-6));
    }
}
