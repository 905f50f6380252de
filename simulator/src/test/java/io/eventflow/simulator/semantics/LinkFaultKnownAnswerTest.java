package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers for faults on the links between a broker and its consumer (issue #13, points 4, 5, 7 and 9): a lost
 * delivery recovers the way its protocol does, acknowledgements travel on the consumer → broker link, MQTT QoS 0
 * publishes are never retried, and requeued AMQP/JMS deliveries keep their order.
 *
 * <p>Unless a test says otherwise: p publishes one message every 100 ms (t = 0.1 s, 0.2 s, ...; message id k at
 * 0.1·(k+1) s, so the 1.1 s message is id 10) and c processes each in 10 ms. {@link #loseDelivery} drops exactly the
 * delivery of the 1.1 s message (the only one on the broker → c link during 1.05..1.15 s); {@link #LOSE_ACK} drops
 * exactly its acknowledgement ({@link #loseAck}), sent when its processing ends at 1.11 s (the only one on c →
 * broker during 1.105..1.115 s). Scenario faults fire before other events at the same instant.
 */
class LinkFaultKnownAnswerTest {
    static String loseDelivery(String broker) {
        return "{at: 1.05s, kind: drop, link: [" + broker + ", c], percent: 100, for: 100ms}";
    }

    static String loseAck(String broker) {
        return "{at: 1.105s, kind: drop, link: [c, " + broker + "], percent: 100, for: 10ms}";
    }

    /** c is away from 5.005 s (while it processes the 5.0 s message, 5.0..5.01 s) to 6.005 s. */
    static final String CRASH_5 = "{at: 5.005s, kind: crash, target: c, instance: 0, restartAfter: 1s}";

    static final String ACK = "delivery: at-least-once";

    /** The message ids of one trace event kind for group c, in trace order. */
    static List<Long> ids(Runs r, String kind) {
        return r.trace
                .lines()
                .filter(l -> l.startsWith("{\"kind\":\"" + kind + "\"") && l.contains("\"group\":\"c\""))
                .map(l -> Long.parseLong(l.replaceAll(".*\"messageId\":(\\d+).*", "$1")))
                .toList();
    }

    static final String MQTT =
            """
            eventflow: 1
            name: mq
            brokers: [{id: mqtt, kind: mqtt}]
            messages: [{id: M, sizeBytes: 100}]
            channels:
              - {id: t, broker: mqtt, messages: [M], qos: %d}
            services:
              - id: p
                publishes: [{channel: t, message: M, rate: 10/s, arrival: constant}]
                producer: {retry: {maxAttempts: 5, backoff: fixed, initial: 50ms}}
              - id: c
                subscribes:
                  - {channel: t, group: c, processing: 10ms, sessionExpiry: 1h%s}
            """;

    static String mqtt(int qos, String sub) {
        return MQTT.formatted(qos, sub);
    }

    // ---- point 4: a lost delivery ----

    @Test
    void amqpLostDeliveryStaysUnackedUntilTheHeartbeatTimeoutThenComesBackRedelivered() throws Exception {
        // The 1.1 s delivery is lost: it stays unacknowledged (one of c's 10 prefetch slots) until the broker
        // declares the connection dead, 60 s later (heartbeat 60 s: frames every 30 s, two missed), at 61.1 s: it is
        // requeued with the redelivered flag and processed then (61.1..61.11 s). 615 published (0.1..61.5 s), all
        // processed, one redelivery, no duplicate, nothing lost.
        Runs r = run(Runs.amqp("", "all", ACK + ", prefetch: 10"), "61.55s", loseDelivery("rabbit"), "");
        assertThat(r.group("c").processed()).isEqualTo(615);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").lost()).isZero();
        assertThat(ids(r, "redelivered")).containsExactly(10L);
        // its latency: published 1.1 s, processed 61.11 s = 60 010 ms (2 significant digits: 60 000 +- 1 %)
        assertThat(r.report.latencyMs().max()).isBetween(59_400.0, 60_700.0);
        // at 61.05 s it is still unacknowledged at the broker: in flight, not processed
        Runs before = run(Runs.amqp("", "all", ACK + ", prefetch: 10"), "61.05s", loseDelivery("rabbit"), "");
        assertThat(before.group("c").processed()).isEqualTo(609); // 610 published (0.1..61.0 s) - the lost one
        assertThat(before.group("c").inFlight()).isEqualTo(1);
        assertThat(before.group("c").redelivered()).isZero();
    }

    @Test
    void amqpLostDeliveryHoldsThePrefetchSlot() throws Exception {
        // prefetch 1: the lost 1.1 s delivery holds c's only credit, so the broker sends c nothing more until it
        // requeues it at 61.1 s. By 31.05 s: 10 processed (0.1..1.0 s), the other 300 (1.1..31.0 s) in flight.
        Runs r = run(Runs.amqp("", "all", ACK + ", prefetch: 1"), "31.05s", loseDelivery("rabbit"), "");
        assertThat(r.group("c").processed()).isEqualTo(10);
        assertThat(r.group("c").inFlight()).isEqualTo(300);
    }

    @Test
    void amqpAutoAckLosesALostDelivery() throws Exception {
        // auto-ack (at-most-once): the message left the queue when it was sent: lost (network). 100 - 1 processed.
        Runs r = run(Runs.amqp("", "all", "delivery: at-most-once"), "10.05s", loseDelivery("rabbit"), "");
        assertThat(r.lost("c", "network")).isEqualTo(1);
        assertThat(r.group("c").processed()).isEqualTo(99);
        assertThat(r.group("c").redelivered()).isZero();
    }

    @Test
    void jmsLostDeliveryIsRequeuedWhenTheInactivityMonitorClosesTheConnection() throws Exception {
        // as AMQP with ActiveMQ's inactivity timeout (30 s): the 1.1 s delivery comes back at 31.1 s with
        // JMSRedelivered. By 31.05 s: 309 of 310 processed, 1 in flight; by 31.55 s all 315 processed.
        String yaml = JmsKnownAnswerTest.queue("", "all", ACK + ", prefetch: 10");
        Runs before = run(yaml, "31.05s", loseDelivery("amq"), "");
        assertThat(before.group("c").processed()).isEqualTo(309);
        assertThat(before.group("c").inFlight()).isEqualTo(1);
        Runs r = run(yaml, "31.55s", loseDelivery("amq"), "");
        assertThat(r.group("c").processed()).isEqualTo(315);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(ids(r, "redelivered")).containsExactly(10L);
    }

    @Test
    void kafkaLostFetchIsFetchedAgainAfterTheRequestTimeout() throws Exception {
        // The fetch response carrying the 1.1 s record (offset 10) is lost: the consumer's request times out after
        // request.timeout.ms = 30 s and it fetches offset 10 again at 31.1 s. The partition (only one) waits: by
        // 31.05 s, 10 processed (0.1..1.0 s) and 300 waiting (1.1..31.0 s).
        String yaml = Runs.kafka("", "all", "", 1, KafkaKnownAnswerTest.AFTER);
        Runs waiting = run(yaml, "31.05s", loseDelivery("kafka"), "");
        assertThat(waiting.group("c").processed()).isEqualTo(10);
        assertThat(waiting.group("c").inFlight()).isEqualTo(300);
        assertThat(waiting.group("c").redelivered()).isZero();
        // offset 10 is processed 31.1..31.11 s (a redelivery), then the backlog at 10 ms each: caught up when
        // 11 + 100·(t - 31.11) = 10·t, t = 34.44 s. By 40.05 s all 400 (0.1..40.0 s) are processed, once each.
        Runs r = run(yaml, "40.05s", loseDelivery("kafka"), "");
        assertThat(r.group("c").processed()).isEqualTo(400);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").lost()).isZero();
        assertThat(ids(r, "redelivered")).containsExactly(10L);
    }

    @Test
    void mqttQos0LostDeliveryIsGone() throws Exception {
        // fire and forget: the 1.1 s message is lost, and the drop resets c's connection (docs/simulator.md, "MQTT"):
        // c connects again 250 ms later, at 1.35 s; 1.2 and 1.3 s find nobody connected. 3 lost (qos0), 97 processed,
        // nothing re-sent
        Runs r = run(mqtt(0, ""), "10.05s", loseDelivery("mqtt"), "");
        assertThat(r.lost("c", "qos0")).isEqualTo(3);
        assertThat(r.group("c").processed()).isEqualTo(97);
        assertThat(r.group("c").redelivered()).isZero();
    }

    @Test
    void mqttQos1LostDeliveryResetsTheConnectionAndIsResentWhenTheSessionResumes() throws Exception {
        // QoS 1: the 1.1 s PUBLISH stays unacknowledged in c's session; the broker would not re-send it on a live
        // connection (MQTT-4.4.0-1), but the drop resets the connection: c is back at 1.35 s and the session re-sends
        // it with DUP (redelivered 1), then 1.2 and 1.3 s, queued meanwhile. All 100 processed once, none in flight.
        Runs reset = run(mqtt(1, ""), "10.05s", loseDelivery("mqtt"), "");
        assertThat(reset.group("c").processed()).isEqualTo(100);
        assertThat(reset.group("c").inFlight()).isZero();
        assertThat(reset.group("c").redelivered()).isEqualTo(1);
        assertThat(reset.group("c").duplicates()).isZero();
        assertThat(ids(reset, "redelivered")).containsExactly(10L);
        // its latency: published 1.1 s, processed 1.35..1.36 s = 260 ms, the highest (2 significant digits)
        assertThat(reset.report.latencyMs().max()).isBetween(255.0, 265.0);
        // with a clean session the session ends with the connection: 1.1, 1.2 and 1.3 s are lost (cleanSession)
        Runs clean = run(mqtt(1, "").replace(", sessionExpiry: 1h", ""), "10.05s", loseDelivery("mqtt"), "");
        assertThat(clean.lost("c", "cleanSession")).isEqualTo(3);
        assertThat(clean.group("c").processed()).isEqualTo(97);
        // c crashes at 5.005 s during the 5.0 s message and returns at 6.005 s: the session resumes and the broker
        // re-sends the 5.0 s message with DUP too (redelivered 2); 5.1..6.0 s were queued. All 100 processed once.
        Runs r = run(mqtt(1, ""), "10.05s", loseDelivery("mqtt") + ", " + CRASH_5, "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").redelivered()).isEqualTo(2);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(ids(r, "redelivered")).containsExactlyInAnyOrder(10L, 49L);
    }

    @Test
    void mqttAckOnReceiptNeverSentThePubackForALostDelivery() throws Exception {
        // at-most-once acknowledges on receipt, but the 1.1 s PUBLISH never arrived, so no PUBACK went: the broker
        // keeps it and re-sends it when the session resumes after the reset, at 1.35 s (redelivered 1). The 5.0 s
        // message, acked on receipt, is lost with the crash. 99 processed, 1 lost (crash).
        Runs r = run(mqtt(1, ", delivery: at-most-once"), "10.05s", loseDelivery("mqtt") + ", " + CRASH_5, "");
        assertThat(r.group("c").processed()).isEqualTo(99);
        assertThat(r.lost("c", "crash")).isEqualTo(1);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(ids(r, "redelivered")).containsExactly(10L);
    }

    @Test
    void sqsLostReceiveComesBackAfterTheVisibilityTimeout() throws Exception {
        // The ReceiveMessage response carrying the 1.1 s message is lost; the message is hidden all the same until
        // its visibility timeout (30 s) ends at 31.1 s, then received again (receive count 2: redelivered).
        String yaml = SqsKnownAnswerTest.sqs(SqsKnownAnswerTest.LONG_POLL, SqsKnownAnswerTest.RATE, 1, "10ms", "");
        Runs before = run(yaml, "31.05s", loseDelivery("aws"), "");
        assertThat(before.group("c").processed()).isEqualTo(309);
        assertThat(before.group("c").inFlight()).isEqualTo(1);
        Runs r = run(yaml, "31.55s", loseDelivery("aws"), "");
        assertThat(r.group("c").processed()).isEqualTo(315);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(ids(r, "redelivered")).containsExactly(10L);
    }

    @Test
    void redisLostReadStaysPendingUntilClaimedOrReRead() throws Exception {
        // The XREADGROUP reply with entry 10 (1.1 s) is lost: it stays in the PEL under c#0. Alone and without
        // claimIdle nobody reads it again: 99 processed, 1 pending (in flight).
        Runs alone = run(RedisRuns.redis("", 1, ACK), "10.05s", loseDelivery("redis"), "");
        assertThat(alone.group("c").processed()).isEqualTo(99);
        assertThat(alone.group("c").inFlight()).isEqualTo(1);
        // c#0 crashes at 5.005 s (entry 49 pending too) and returns at 6.005 s: it reads its own PEL first
        // (XREADGROUP 0): entries 10 and 49 again, redelivered 2; all 100 processed once.
        Runs reread = run(RedisRuns.redis("", 1, ACK), "10.05s", loseDelivery("redis") + ", " + CRASH_5, "");
        assertThat(reread.group("c").processed()).isEqualTo(100);
        assertThat(reread.group("c").redelivered()).isEqualTo(2);
        assertThat(reread.group("c").duplicates()).isZero();
        // two consumers with claimIdle 2 s: entry 10 went to one of them (round robin) and is lost on the way; it
        // is idle from its delivery at 1.1 s, so the other consumer claims it (XAUTOCLAIM) at 3.1 s: redelivered 1.
        Runs claimed = run(RedisRuns.redis("", 2, ACK + ", claimIdle: 2s"), "10.05s", loseDelivery("redis"), "");
        assertThat(claimed.group("c").processed()).isEqualTo(100);
        assertThat(claimed.group("c").redelivered()).isEqualTo(1);
        assertThat(ids(claimed, "redelivered")).containsExactly(10L);
    }

    @Test
    void postgresLostNotificationIsGone() throws Exception {
        // NOTIFY is neither acknowledged nor re-sent: the 1.1 s notification is lost for c's only session
        String yaml = PostgresKnownAnswerTest.design("", 1, "10ms");
        Runs r = run(yaml, "10.05s", loseDelivery("pg"), "");
        assertThat(r.lost("c", "network")).isEqualTo(1);
        assertThat(r.group("c").processed()).isEqualTo(99);
    }

    // ---- point 5: acknowledgements travel on the consumer -> broker link ----

    @Test
    void mqttLostPubackAtQos1IsADuplicateWhenTheSessionResumesButNotAtQos2() throws Exception {
        // QoS 1: the PUBACK of the 1.1 s message is lost and the drop resets the connection; the message stays
        // unacknowledged in the session. When the session resumes at 1.36 s the broker re-sends it with DUP and c
        // processes it again: a duplicate (MQTT-4.3.2). Re-sent: 1.1 s, and 5.0 s after the crash during its
        // processing: redelivered 2, duplicates 1, all 100 processed.
        Runs q1 = run(mqtt(1, ""), "10.05s", loseAck("mqtt") + ", " + CRASH_5, "");
        assertThat(q1.group("c").processed()).isEqualTo(100);
        assertThat(q1.group("c").redelivered()).isEqualTo(2);
        assertThat(q1.group("c").duplicates()).isEqualTo(1);
        // QoS 2: the lost PUBREC/PUBCOMP leaves the 1.1 s message in the session too, but c still has its packet
        // id: at 1.36 s the broker's PUBREL completes it and nothing is processed twice (MQTT-4.3.3). Only the 5.0 s
        // message
        // is re-sent: redelivered 1, duplicates 0.
        Runs q2 = run(mqtt(2, ""), "10.05s", loseAck("mqtt") + ", " + CRASH_5, "");
        assertThat(q2.group("c").processed()).isEqualTo(100);
        assertThat(q2.group("c").redelivered()).isEqualTo(1);
        assertThat(q2.group("c").duplicates()).isZero();
    }

    @Test
    void mqttLatencyDelaysThePubackAndSoTheReceiveWindow() throws Exception {
        // receiveMaximum 1 and a 1 s delay on c -> mqtt: each PUBACK reaches the broker 1 s after processing ends,
        // and only then may the broker send the next message. Message k is sent at 0.1 + 1.01·k s: by 10.05 s
        // k = 0..9 were processed (the 10th done at 9.2 s); 100 - 10 = 90 wait in the session (in flight).
        Runs r = run(
                mqtt(1, ", receiveMaximum: 1"), "10.05s", "{at: 0s, kind: latency, link: [c, mqtt], delay: 1s}", "");
        assertThat(r.group("c").processed()).isEqualTo(10);
        assertThat(r.group("c").inFlight()).isEqualTo(90);
    }

    @Test
    void kafkaLostCommitsMakeTheNextCrashRedeliverMore() throws Exception {
        // after-processing commits each offset as it is done. Commits from c are dropped 1.0..1.955 s: those of
        // offsets 9..18 (messages 1.0..1.9 s, done 1.01..1.91 s). c crashes at 1.955 s: the committed offset is 9
        // (offset 8 done at 0.91 s), so on its return at 2.955 s it reads offsets 9..18 again: 10 duplicates.
        String yaml = Runs.kafka("", "all", "", 1, KafkaKnownAnswerTest.AFTER);
        String crash = "{at: 1.955s, kind: crash, target: c, instance: 0, restartAfter: 1s}";
        Runs r = run(yaml, "10.05s", "{at: 1s, kind: drop, link: [c, kafka], percent: 100, for: 955ms}, " + crash, "");
        assertThat(r.group("c").duplicates()).isEqualTo(10);
        assertThat(r.group("c").processed()).isEqualTo(100);
        // without the drop every commit arrived: nothing is read twice
        Runs clean = run(yaml, "10.05s", crash, "");
        assertThat(clean.group("c").duplicates()).isZero();
        // a lost commit followed by a later one that arrives does no harm: drop only 1.0..1.5 s, crash at 1.955 s:
        // offsets up to 18 are committed by 1.91 s, nothing is read twice
        Runs healed =
                run(yaml, "10.05s", "{at: 1s, kind: drop, link: [c, kafka], percent: 100, for: 500ms}, " + crash, "");
        assertThat(healed.group("c").duplicates()).isZero();
    }

    @Test
    void kafkaDelayedCommitsArriveLateAndAreRefusedAfterTheRebalance() throws Exception {
        // 500 ms latency on c -> kafka from 1.0 s to 1.955 s: the commits of offsets 9..13 (sent 1.01..1.41 s)
        // arrive at 1.51..1.91 s; those of 14..18 (sent 1.51..1.91 s) would arrive at 2.01..2.41 s, after the crash
        // at 1.955 s began a new generation, so the coordinator refuses them. Committed offset 14 at the crash:
        // offsets 14..18 are read again on the return: 5 duplicates.
        String yaml = Runs.kafka("", "all", "", 1, KafkaKnownAnswerTest.AFTER);
        Runs r = run(
                yaml,
                "10.05s",
                "{at: 1s, kind: latency, link: [c, kafka], delay: 500ms, for: 955ms}, "
                        + "{at: 1.955s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.group("c").duplicates()).isEqualTo(5);
        assertThat(r.group("c").processed()).isEqualTo(100);
    }

    @Test
    void amqpLostAckIsRequeuedAtTheHeartbeatTimeoutAndProcessedAgain() throws Exception {
        // the ack of the 1.1 s message is lost: the delivery stays unacknowledged until the connection is declared
        // dead at 1.11 + 60 = 61.11 s, then is requeued (redelivered) and processed again: 1 duplicate.
        // 616 published (0.1..61.6 s), all processed.
        Runs r = run(Runs.amqp("", "all", ACK + ", prefetch: 10"), "61.65s", loseAck("rabbit"), "");
        assertThat(r.group("c").processed()).isEqualTo(616);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").duplicates()).isEqualTo(1);
        assertThat(ids(r, "redelivered")).containsExactly(10L);
    }

    @Test
    void amqpAckLatencyHoldsThePrefetchCredit() throws Exception {
        // prefetch 1 and a 1 s delay on c -> rabbit: the broker sends the next message only when the ack arrives.
        // Message k is delivered at 0.1 + 1.01·k s: by 10.05 s k = 0..9 were processed (the 10th at 9.19..9.2 s).
        Runs r = run(
                Runs.amqp("", "all", ACK + ", prefetch: 1"),
                "10.05s",
                "{at: 0s, kind: latency, link: [c, rabbit], delay: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(10);
        assertThat(r.group("c").inFlight()).isEqualTo(90);
    }

    @Test
    void sqsLostDeleteMakesTheMessageComeBackAsADuplicate() throws Exception {
        // the DeleteMessage of the 1.1 s message is lost: it becomes visible again when its visibility timeout
        // (30 s from its receive at 1.1 s) ends, at 31.1 s, and is processed again: 1 duplicate, 1 redelivery.
        String yaml = SqsKnownAnswerTest.sqs(SqsKnownAnswerTest.LONG_POLL, SqsKnownAnswerTest.RATE, 1, "10ms", "");
        Runs r = run(yaml, "31.55s", loseAck("aws"), "");
        assertThat(r.group("c").processed()).isEqualTo(315);
        assertThat(r.group("c").duplicates()).isEqualTo(1);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
    }

    @Test
    void redisLostXackLeavesTheEntryPendingForTheNextReRead() throws Exception {
        // the XACK of entry 10 is lost: it stays pending under c#0. c crashes at 5.005 s (entry 49 pending too) and
        // reads its own PEL on its return at 6.005 s: entries 10 and 49 again (redelivered 2); 10 had been
        // processed: 1 duplicate.
        Runs r = run(RedisRuns.redis("", 1, ACK), "10.05s", loseAck("redis") + ", " + CRASH_5, "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").redelivered()).isEqualTo(2);
        assertThat(r.group("c").duplicates()).isEqualTo(1);
    }

    // ---- point 7: QoS 0 publishes are never retried ----

    @Test
    void mqttQos0PublishLostOnTheNetworkIsNeverRetried() throws Exception {
        // p's producer retries up to 5 times, but a QoS 0 publish gets no PUBACK: the 1.1 s publish dropped on
        // p -> mqtt is lost (qos0), never sent again. The drop resets p's connection: it is back 250 ms later, at
        // 1.35 s, and its sends of 1.2 and 1.3 s fail meanwhile (qos0 too). 97 processed.
        String drop = "{at: 1.05s, kind: drop, link: [p, mqtt], percent: 100, for: 100ms}";
        Runs q0 = run(mqtt(0, ""), "10.05s", drop, "");
        assertThat(q0.lost("c", "qos0")).isEqualTo(3);
        assertThat(q0.group("c").processed()).isEqualTo(97);
        // at QoS 1 the failed send is retried every 50 ms: the 1.1 s message at 1.15, 1.2, 1.25 and 1.3 s, all while
        // p is not connected: its 5 attempts are spent, lost (network). 1.2 s gets through on its 4th attempt at
        // 1.35 s (p is back), 1.3 s on its 2nd. 99 processed, 1 lost.
        Runs q1 = run(mqtt(1, ""), "10.05s", drop, "");
        assertThat(q1.lost("c", "network")).isEqualTo(1);
        assertThat(q1.group("c").lost()).isEqualTo(1);
        assertThat(q1.group("c").processed()).isEqualTo(99);
        // with 8 attempts the 1.1 s message gets through too, at 1.35 s: all 100 processed, nothing lost
        Runs q1more = run(mqtt(1, "").replace("maxAttempts: 5", "maxAttempts: 8"), "10.05s", drop, "");
        assertThat(q1more.group("c").processed()).isEqualTo(100);
        assertThat(q1more.group("c").lost()).isZero();
    }

    // ---- point 9: requeue keeps the original order ----

    static final String ORDER = ACK + ", prefetch: 4";

    @Test
    void amqpRequeueAfterAConsumerCrashKeepsTheOriginalOrder() throws Exception {
        // Two instances of c, prefetch 4, 1 s per message; messages alternate between them (round robin): c#0 gets
        // 0, 2, 4, 6 (0.1..0.7 s), c#1 gets 1, 3, 5, 7; both are then out of credit. c#0 crashes for good at 1.5 s
        // holding 2 (processing since 1.1 s), 4 and 6 (prefetched): they go back to the head of the queue in their
        // original order 2, 4, 6 (before: 6, 4, 2). c#1 takes them in that order once its buffer is empty (it
        // starts 7 at 3.2 s): redelivered at 4.2, 5.2 and 6.2 s.
        String yaml = Runs.amqp("", "all", ORDER)
                .replace("processing: 10ms", "processing: 1s")
                .replace("  - id: c\n", "  - id: c\n    instances: 2\n");
        Runs r = run(yaml, "20.05s", "{at: 1.5s, kind: crash, target: c, instance: 0}", "");
        assertThat(ids(r, "redelivered")).startsWith(2L, 4L, 6L);
    }

    @Test
    void jmsRequeueAfterAConsumerCrashKeepsTheOriginalOrder() throws Exception {
        // the same with a JMS queue (the same core): 2, 4, 6 come back in that order
        String yaml = JmsKnownAnswerTest.queue("", "all", ORDER)
                .replace("processing: 10ms", "processing: 1s")
                .replace("  - id: c\n", "  - id: c\n    instances: 2\n");
        Runs r = run(yaml, "20.05s", "{at: 1.5s, kind: crash, target: c, instance: 0}", "");
        assertThat(ids(r, "redelivered")).startsWith(2L, 4L, 6L);
    }
}
