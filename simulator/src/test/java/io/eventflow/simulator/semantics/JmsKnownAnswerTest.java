package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Known answers for JMS/ActiveMQ: p publishes at 0.1, 0.2, ... s (constant 10/s); every consumer takes 10 ms per
 * message. Queues must behave exactly as the AMQP ones ({@link AmqpKnownAnswerTest}); topics fan out to
 * subscriptions, durable or not.
 */
class JmsKnownAnswerTest {
    static final String ACK = "delivery: at-least-once";

    /** One queue 'orders' consumed by c. */
    static final String QUEUE =
            """
            eventflow: 1
            name: jq
            brokers: [{id: amq, kind: jms}]
            messages: [{id: M, sizeBytes: 1024}]
            channels:
              - {id: orders, broker: amq, messages: [M], destination: queue%s}
              - {id: dlq, broker: amq, messages: [M]}
            services:
              - id: p
                publishes: [{channel: orders, message: M, rate: 10/s, arrival: constant}]
                producer: {acks: %s}
              - id: c
                subscribes:
                  - {channel: orders, group: c, processing: 10ms, %s}
            """;

    /** One topic 'prices' with a non-durable subscriber 'live' and a durable one 'audit'. */
    static final String TOPIC =
            """
            eventflow: 1
            name: jt
            brokers: [{id: amq, kind: jms}]
            messages: [{id: M, sizeBytes: 1024}]
            channels:
              - {id: prices, broker: amq, messages: [M], destination: topic}
            services:
              - id: p
                publishes: [{channel: prices, message: M, rate: 10/s, arrival: constant}]
                producer: {acks: %s}
              - id: live
                subscribes:
                  - {channel: prices, group: live, processing: 10ms, %s}
              - id: audit
                subscribes:
                  - {channel: prices, group: audit, processing: 10ms, durable: true, %s}
            """;

    static String queue(String channelExtra, String acks, String sub) {
        return QUEUE.formatted(channelExtra, acks, sub);
    }

    static String topic(String acks, String sub) {
        return TOPIC.formatted(acks, sub, sub);
    }

    @Test
    void queueRequeuesAnUnackedMessageOnACrashAsAmqpDoes() throws Exception {
        // crash at 2.005 s during the 2.0 s message (CLIENT_ACKNOWLEDGE): requeued, JMSRedelivered, processed after
        // the restart at 3.005 s; all 100 processed, no duplicate
        Runs r = run(
                queue("", "all", ACK),
                "10.05s",
                "{at: 2.005s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").duplicates()).isZero();
    }

    @Test
    void queueReportEqualsTheAmqpOneFigureForFigure() throws Exception {
        // the same design on a jms broker (queue) and an amqp one, through a consumer crash, a broker crash and
        // poison with redelivery and dead-lettering: every figure of the group and of both channels is the same
        String amqp =
                Runs.amqp("", "1", ACK + ", retry: {maxAttempts: 3, backoff: fixed, initial: 100ms}, deadLetter: dlq");
        String jms = amqp.replace("kind: amqp", "kind: jms");
        String faults = "{at: 2.005s, kind: crash, target: c, restartAfter: 1s},"
                + " {at: 5.005s, kind: broker-crash, target: rabbit, node: 0, restartAfter: 1s},"
                + " {at: 7.05s, kind: poison, target: orders, percent: 100, for: 1s}";
        Runs a = run(amqp, "10.05s", faults, "");
        Runs j = run(jms, "10.05s", faults, "");
        assertThat(j.group("c")).isEqualTo(a.group("c"));
        assertThat(j.report.channels()).isEqualTo(a.report.channels());
        assertThat(j.group("c").redelivered()).isPositive();
        assertThat(j.group("c").deadLettered()).isEqualTo(10);
    }

    @Test
    void queueWithAutoAcknowledgeLosesTheMessageInProcessing() throws Exception {
        Runs r = run(
                queue("", "all", "delivery: at-most-once"),
                "10.05s",
                "{at: 2.005s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.lost("c", "crash")).isEqualTo(1);
        assertThat(r.group("c").processed()).isEqualTo(99);
    }

    @Test
    void queueTtlAndMaxLengthApplyAsInAmqp() throws Exception {
        // c gone from 1.05 s; TTL 1 s: messages stored at 1.1..9.0 s expire by 10.05 s (80); 9.1..10.0 s wait (10)
        Runs ttl = run(queue(", ttl: 1s", "all", ACK), "10.05s", "{at: 1.05s, kind: crash, target: c}", "");
        assertThat(ttl.group("c").expired()).isEqualTo(80);
        assertThat(ttl.group("c").inFlight()).isEqualTo(10);
        // max length 5, drop-head: of the 90 arriving after the crash the newest 5 stay, 85 overflow
        Runs max = run(
                queue(", maxLength: 5, overflow: drop-head", "all", ACK),
                "10.05s",
                "{at: 1.05s, kind: crash, target: c}",
                "");
        assertThat(max.lost("c", "overflow")).isEqualTo(85);
        assertThat(max.group("c").inFlight()).isEqualTo(5);
    }

    @Test
    void redeliveryPolicyThenDeadLetterQueue() throws Exception {
        // poison for 3.05..4.05 s: 10 messages. maxAttempts 3 = ActiveMQ maximumRedeliveries 2: each is delivered,
        // fails, redelivered twice (20 redeliveries, 20 retries), then moved to the subscription's DLQ (10)
        Runs r = run(
                queue("", "all", ACK + ", retry: {maxAttempts: 3, backoff: fixed, initial: 100ms}, deadLetter: dlq"),
                "10.05s",
                "{at: 3.05s, kind: poison, target: orders, percent: 100, for: 1s}",
                "");
        assertThat(r.group("c").retries()).isEqualTo(20);
        assertThat(r.group("c").redelivered()).isEqualTo(20);
        assertThat(r.group("c").deadLettered()).isEqualTo(10);
        assertThat(r.report.channels().get("dlq").published()).isEqualTo(10);
        assertThat(r.group("c").processed()).isEqualTo(90);
    }

    @Test
    void everySubscriptionGetsEveryMessage() throws Exception {
        Runs r = run(topic("all", ACK), "10.05s", "", "");
        assertThat(r.group("live").processed()).isEqualTo(100);
        assertThat(r.group("audit").processed()).isEqualTo(100);
        assertThat(r.report.totals().published()).isEqualTo(100);
    }

    @Test
    void nonDurableSubscriberMissesTheOutageDurableOneGetsItOnReturn() throws Exception {
        // both subscribers down 2.05 .. 3.05 s (nothing in flight: the 2.0 s message was done at 2.01 s).
        // live (non-durable): its subscription is gone, the 10 messages of 2.1..3.0 s are lost (notSubscribed).
        // audit (durable): they wait in its subscription and are processed on return: all 100.
        String faults = "{at: 2.05s, kind: crash, target: live, restartAfter: 1s},"
                + " {at: 2.05s, kind: crash, target: audit, restartAfter: 1s}";
        Runs r = run(topic("all", ACK), "10.05s", faults, "");
        assertThat(r.lost("live", "notSubscribed")).isEqualTo(10);
        assertThat(r.group("live").processed()).isEqualTo(90);
        assertThat(r.group("audit").processed()).isEqualTo(100);
        assertThat(r.group("audit").lost()).isZero();
        // the backlog of audit: 2.1 s published, processed at 3.05 + 0.01 s: the worst latency, 960 ms
        assertThat(r.group("audit").latencyMs().max()).isBetween(950.0, 970.0);
    }

    @Test
    void inFlightAtACrashIsRedeliveredOnlyForTheDurableSubscription() throws Exception {
        // both crash at 2.005 s while processing the 2.0 s message (CLIENT_ACKNOWLEDGE). audit: requeued in its
        // durable subscription, redelivered on return: 100 processed, 1 redelivered. live: its subscription ends
        // with its only consumer: the 2.0 s message is lost (crash), then 2.1..3.0 s (10, notSubscribed): 89.
        String faults = "{at: 2.005s, kind: crash, target: live, restartAfter: 1s},"
                + " {at: 2.005s, kind: crash, target: audit, restartAfter: 1s}";
        Runs r = run(topic("all", ACK), "10.05s", faults, "");
        assertThat(r.group("audit").processed()).isEqualTo(100);
        assertThat(r.group("audit").redelivered()).isEqualTo(1);
        assertThat(r.lost("live", "crash")).isEqualTo(1);
        assertThat(r.lost("live", "notSubscribed")).isEqualTo(10);
        assertThat(r.group("live").processed()).isEqualTo(89);
        assertThat(r.group("live").redelivered()).isZero();
    }

    @Test
    void brokerCrashKeepsDurableSubscriptionsOnly() throws Exception {
        // broker down 3.005 .. 4.005 s: the 10 publishes of 3.1..4.0 s fail (acks 1, no retries: lost, crash) for
        // both. The 3.0 s message is in processing at 3.005 s; its ack is void. audit (durable) had it requeued:
        // processed again after the restart (1 duplicate). live (non-durable) lost its subscription and the
        // requeued copy with it, but the running processing still completes: no duplicate, nothing more lost.
        Runs r = run(
                topic("1", ACK),
                "10.05s",
                "{at: 3.005s, kind: broker-crash, target: amq, node: 0, restartAfter: 1s}",
                "");
        assertThat(r.lost("audit", "crash")).isEqualTo(10);
        assertThat(r.group("audit").duplicates()).isEqualTo(1);
        assertThat(r.group("audit").processed()).isEqualTo(90);
        assertThat(r.lost("live", "crash")).isEqualTo(10);
        assertThat(r.group("live").duplicates()).isZero();
        assertThat(r.group("live").processed()).isEqualTo(90);
    }
}
