package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.simulator.report.SimulationReport;
import org.junit.jupiter.api.Test;

/**
 * A {@code tamper} fault on a channel alters the messages arriving on it however they arrive, not only those its own
 * publishers send (found in review: a fault on an SQS queue fed by an SNS topic, or on a dead-letter channel, altered
 * nothing). In each design p publishes one signed message every 100 ms (created at 0.1 .. 1.0 s: 10 in the 1.05 s
 * runs); consumers process one in 10 ms and verify signatures unless {@code verify: false}.
 */
class TamperOnArrivalKnownAnswerTest {
    static final String SIGNED = "signing: {algorithm: HMAC-SHA256, signTime: 1us, verifyTime: 1us}";
    /** 100% from 0.45 s for 300 ms: the messages created at 0.5, 0.6 and 0.7 s (sent 1 µs later, after signing). */
    static final String WINDOW = "at: 0.45s, kind: tamper, percent: 100, for: 300ms";

    @Test
    void aFaultOnAQueueFedByAnSnsTopicAltersTheCopiesDeliveredToIt() throws Exception {
        String d =
                """
                eventflow: 1
                name: sns-tamper
                brokers: [{id: aws, kind: sqs}]
                messages: [{id: M, sizeBytes: 1024, %s}]
                channels:
                  - {id: events, broker: aws, snsTopic: true, messages: [M]}
                  - {id: qa, broker: aws, snsTopics: [events], receiveWait: 20s, messages: [M]}
                  - {id: qb, broker: aws, snsTopics: [events], receiveWait: 20s, messages: [M]}
                  - {id: qc, broker: aws, snsTopics: [events], receiveWait: 20s, messages: [M]}
                services:
                  - id: p
                    publishes: [{channel: events, message: M, rate: 10/s, arrival: constant}]
                  - id: a
                    subscribes: [{channel: qa, processing: 10ms}]
                  - id: b
                    subscribes: [{channel: qb, processing: 10ms, verify: false}]
                  - id: c
                    subscribes: [{channel: qc, processing: 10ms}]
                """
                        .formatted(SIGNED);
        Runs r = run(d, "1.05s", "{" + WINDOW + ", target: qa}, {" + WINDOW + ", target: qb}", "");
        // qa's and qb's copies of the 0.5, 0.6 and 0.7 s messages: 3 + 3 altered; qc's copies are intact
        SimulationReport.Tampering t = r.report.tampering();
        assertThat(t.tampered()).isEqualTo(3 + 3);
        // a verifies: rejects its 3 (no dead-letter channel: lost as tampered), processes the other 10 - 3
        assertThat(r.lost("a", "tampered")).isEqualTo(3);
        assertThat(r.group("a").processed()).isEqualTo(10 - 3);
        // b does not verify: processes all 10, 3 of them altered
        assertThat(r.group("b").processed()).isEqualTo(10);
        assertThat(t.groups().get("b")).isEqualTo(new SimulationReport.GroupTampering(0, 3));
        assertThat(r.group("c").processed()).isEqualTo(10);
        assertThat(t.rejected()).isEqualTo(3);
        assertThat(t.accepted()).isEqualTo(3);
    }

    @Test
    void aFaultOnADeadLetterChannelAltersTheCopiesDeadLetteredToIt() throws Exception {
        // poison on orders makes v fail the 0.5, 0.6 and 0.7 s messages (no retry): dead-lettered to dlq, where the
        // tamper fault (all run long) alters them. d verifies and rejects them: lost as tampered (dlq has no
        // dead-letter channel of its own)
        Runs r = run(
                deadLetterDesign("  - id: d\n    subscribes: [{channel: dlq, group: d, processing: 10ms}]\n"),
                "1.05s",
                "{at: 0.45s, kind: poison, target: orders, percent: 100, for: 300ms},"
                        + " {at: 0s, kind: tamper, target: dlq, percent: 100}",
                "");
        assertThat(r.group("v").deadLettered()).isEqualTo(3);
        assertThat(r.report.channels().get("dlq").published()).isEqualTo(3);
        assertThat(r.report.tampering().tampered()).isEqualTo(3);
        assertThat(r.group("d").owed()).isEqualTo(3);
        assertThat(r.lost("d", "tampered")).isEqualTo(3);
        assertThat(r.group("d").processed()).isZero();
        assertThat(r.report.tampering().rejected()).isEqualTo(3);
    }

    @Test
    void aFaultOnTheChannelMessagesAreReDrivenToAltersThem() throws Exception {
        // v dead-letters the poisoned 0.5, 0.6, 0.7 s messages; at 0.89 s they are re-driven to orders while a tamper
        // fault there (0.88 .. 0.9 s) alters what arrives: the 3 re-driven copies (p's messages are sent at 0.8 and
        // 0.9 s, outside the window). v now rejects them as tampered, to dlq again, instead of failing on the poison.
        Runs r = run(
                deadLetterDesign(""),
                "1.05s",
                "{at: 0.45s, kind: poison, target: orders, percent: 100, for: 300ms},"
                        + " {at: 0.88s, kind: tamper, target: orders, percent: 100, for: 20ms}",
                "{at: 0.89s, kind: redrive, from: dlq, to: orders}");
        assertThat(r.report.tampering().tampered()).isEqualTo(3);
        assertThat(r.report.tampering().rejected()).isEqualTo(3);
        assertThat(r.group("v").deadLettered()).isEqualTo(3);
        assertThat(r.group("v").processed()).isEqualTo(10 - 3);
        // dlq: 3 dead-lettered at first, 3 again after the re-drive
        assertThat(r.report.channels().get("dlq").published()).isEqualTo(3 + 3);
    }

    private static String deadLetterDesign(String more) {
        return """
                eventflow: 1
                name: dlq-tamper
                brokers: [{id: kafka, kind: kafka}]
                messages: [{id: M, sizeBytes: 1024, %s}]
                channels:
                  - {id: orders, broker: kafka, messages: [M], partitions: 1}
                  - {id: dlq, broker: kafka, messages: [M], partitions: 1}
                services:
                  - id: p
                    publishes: [{channel: orders, message: M, rate: 10/s, arrival: constant}]
                  - id: v
                    subscribes: [{channel: orders, group: v, processing: 10ms, deadLetter: dlq}]
                %s"""
                .formatted(SIGNED, more);
    }

    @Test
    void aFaultOnAQueueBoundToAnExchangeAltersOnlyItsCopies() throws Exception {
        // p publishes to orders; the fanout exchange also routes each message to audit's queue. Tampering on audit
        // alters audit's copies of the 0.5, 0.6, 0.7 s messages, not orders' copies (v processes all 10)
        String d =
                """
                eventflow: 1
                name: amqp-tamper
                brokers: [{id: rabbit, kind: amqp}]
                messages: [{id: M, sizeBytes: 1024, %s}]
                channels:
                  - {id: orders, broker: rabbit, messages: [M], exchange: ex, exchangeType: fanout}
                  - {id: audit, broker: rabbit, messages: [M], exchange: ex, exchangeType: fanout}
                services:
                  - id: p
                    publishes: [{channel: orders, message: M, rate: 10/s, arrival: constant}]
                  - id: v
                    subscribes: [{channel: orders, group: v, processing: 10ms}]
                  - id: a
                    subscribes: [{channel: audit, group: a, processing: 10ms}]
                """
                        .formatted(SIGNED);
        Runs r = run(d, "1.05s", "{" + WINDOW + ", target: audit}", "");
        assertThat(r.report.tampering().tampered()).isEqualTo(3);
        assertThat(r.group("v").processed()).isEqualTo(10);
        assertThat(r.lost("a", "tampered")).isEqualTo(3);
        assertThat(r.group("a").processed()).isEqualTo(10 - 3);
        // and the other way round: a fault on the queue published to alters every routed copy (as before)
        Runs onOrders = run(d, "1.05s", "{" + WINDOW + ", target: orders}", "");
        assertThat(onOrders.report.tampering().tampered()).isEqualTo(3);
        assertThat(onOrders.lost("v", "tampered")).isEqualTo(3);
        assertThat(onOrders.lost("a", "tampered")).isEqualTo(3);
    }

    @Test
    void aFaultOnAWillChannelAltersTheWillTheBrokerPublishes() throws Exception {
        // gw's will on 'status' is published by the broker when gw crashes at 0.5 s; status is tampered all run long
        String d =
                """
                eventflow: 1
                name: will-tamper
                brokers: [{id: mqtt, kind: mqtt}]
                messages: [{id: M, sizeBytes: 100, %s}]
                channels:
                  - {id: status, broker: mqtt, messages: [M], qos: 1}
                services:
                  - id: gw
                    publishes: [{channel: status, message: M, will: true}]
                  - id: dash
                    subscribes: [{channel: status, group: dash, qos: 1, processing: 10ms}]
                """
                        .formatted(SIGNED);
        Runs r = run(
                d,
                "1.05s",
                "{at: 0.5s, kind: crash, target: gw, instance: 0}, {at: 0s, kind: tamper, target: status, percent: 100}",
                "");
        assertThat(r.report.channels().get("status").published()).isEqualTo(1);
        assertThat(r.report.tampering().tampered()).isEqualTo(1);
        assertThat(r.lost("dash", "tampered")).isEqualTo(1);
    }
}
