package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.simulator.report.SimulationReport;
import org.junit.jupiter.api.Test;

/**
 * Known answers for signed messages (issue #19): the producer's sign time and a verifying consumer's verify time, and
 * the {@code tamper} fault (verifying consumers reject tampered messages, the others process them).
 *
 * <p>p publishes one message every 100 ms (created at t = 0.1 s, 0.2 s, ..., 1.0 s: 10 in the 1.05 s run). Two groups
 * read the queue's fan-out: {@code v} verifies (the default), {@code n} does not ({@code verify: false}). Each processes
 * a message in 10 ms. Signing takes 2 ms ({@code signTime}), verifying 3 ms ({@code verifyTime}).
 */
class SigningKnownAnswerTest {
    static final String DESIGN =
            """
            eventflow: 1
            name: signed
            brokers: [{id: kafka, kind: kafka}]
            messages: [{id: M, sizeBytes: 1024%s}]
            channels:
              - {id: orders, broker: kafka, messages: [M], partitions: 1%s}
              - {id: dlq, broker: kafka, messages: [M], partitions: 1}
            services:
              - id: p
                publishes: [{channel: orders, message: M, rate: 10/s, arrival: constant}]
              - id: v
                subscribes: [{channel: orders, group: v, processing: 10ms%s}]
              - id: n
                subscribes: [{channel: orders, group: n, processing: 10ms, verify: false}]
            """;

    static final String SIGNED = ", signing: {algorithm: Ed25519, signTime: 2ms, verifyTime: 3ms}";

    static String design(String message, String channel, String verifier) {
        return DESIGN.formatted(message, channel, verifier);
    }

    @Test
    void signingAndVerifyingTakeTheirTime() throws Exception {
        SimulationReport plain = run(design("", "", ""), "1.05s", "", "").report;
        SimulationReport signed = run(design(SIGNED, "", ""), "1.05s", "", "").report;
        // mean latency (exact; the percentiles come from a histogram of 2 significant digits)
        // unsigned: created -> processed in 10 ms (nothing else delays a message here)
        assertThat(plain.groups().get("v").latencyMs().mean()).isEqualTo(10.0);
        assertThat(plain.groups().get("n").latencyMs().mean()).isEqualTo(10.0);
        // signed: 2 ms signing at p, then 10 ms processing; v also verifies for 3 ms first: 2 + 3 + 10 = 15 ms
        assertThat(signed.groups().get("n").latencyMs().mean()).isEqualTo(2.0 + 10.0);
        assertThat(signed.groups().get("v").latencyMs().mean()).isEqualTo(2.0 + 3.0 + 10.0);
        // all 10 arrive and are processed: the last, created at 1.0 s, is done at 1.015 s < 1.05 s
        assertThat(signed.groups().get("v").processed()).isEqualTo(10);
        assertThat(signed.tampering()).isNull(); // no tamper fault: no tampering figures, no 'tampered' cause
        assertThat(signed.lostByCause()).doesNotContainKey("tampered");
    }

    @Test
    void theChannelsSigningAppliesToItsMessages() throws Exception {
        String onChannel = ", signing: {signTime: 2ms, verifyTime: 3ms}";
        SimulationReport r = run(design("", onChannel, ""), "1.05s", "", "").report;
        assertThat(r.groups().get("v").latencyMs().mean()).isEqualTo(2.0 + 3.0 + 10.0);
        // a message that opts out ('signed: false') is not signed even on a signing channel
        SimulationReport optOut = run(design(", signed: false", onChannel, ""), "1.05s", "", "").report;
        assertThat(optOut.groups().get("v").latencyMs().mean()).isEqualTo(10.0);
    }

    @Test
    void aProducerThatCannotSignFastEnoughKeepsABoundedBacklog() throws Exception {
        // p creates a message every 5 ms (200/s) but signing one takes 10 ms (100/s). Message k (created at 5k ms)
        // starts its signing when k - 1 is signed: at 5 + 10(k - 1) ms, after waiting 5(k - 1) ms. A wait above the
        // producer's request timeout (30 s) refuses it: k - 1 > 6,000, so k = 6,002 first. A refused message signs
        // nothing, so the next (6,003) waits exactly 30 s and is taken, 6,004 is refused, and so on: by 40.001 s
        // (k up to 8,000) the even k from 6,002 to 8,000 are refused, (8,000 - 6,002) / 2 + 1 = 1,000, lost as overflow
        String slow = design(", signing: {algorithm: Ed25519, signTime: 10ms, verifyTime: 1us}", "", "")
                .replace("rate: 10/s", "rate: 200/s")
                .replace("processing: 10ms, verify: false", "processing: 1ms, verify: false");
        Runs r = run(slow, "40.001s", "", "");
        assertThat(r.lost("n", "overflow")).isEqualTo(1_000);
        // those signed and processed by 40.001 s: signed at 15 + 10(k - 1) ms, processed 1 ms later, so
        // k - 1 <= (40,001 - 16) / 10 = 3,998.5: k = 1 .. 3,999
        assertThat(r.group("n").processed()).isEqualTo(3_999);
    }

    /**
     * Tampering on the channel from 0.45 s for 300 ms alters the messages published (after their 2 ms signing) at
     * 0.502, 0.602 and 0.702 s: 3 of the 10.
     */
    static final String TAMPER_CHANNEL = "{at: 0.45s, kind: tamper, target: orders, percent: 100, for: 300ms}";

    @Test
    void verifyingConsumersRejectTamperedMessagesTheOthersProcessThem() throws Exception {
        Runs r = run(design(SIGNED, "", ""), "1.05s", TAMPER_CHANNEL, "");
        SimulationReport.GroupReport v = r.group("v");
        SimulationReport.GroupReport n = r.group("n");
        // v: 10 owed = 7 processed + 3 lost as tampered (no dead-letter channel)
        assertThat(v.owed()).isEqualTo(10);
        assertThat(v.processed()).isEqualTo(10 - 3);
        assertThat(r.lost("v", "tampered")).isEqualTo(3);
        assertThat(v.lost()).isEqualTo(3);
        // n does not verify: all 10 processed, 3 of them tampered
        assertThat(n.processed()).isEqualTo(10);
        assertThat(r.lost("n", "tampered")).isZero();
        SimulationReport.Tampering t = r.report.tampering();
        assertThat(t.tampered()).isEqualTo(3);
        assertThat(t.rejected()).isEqualTo(3);
        assertThat(t.accepted()).isEqualTo(3);
        assertThat(t.groups().get("v")).isEqualTo(new SimulationReport.GroupTampering(3, 0));
        assertThat(t.groups().get("n")).isEqualTo(new SimulationReport.GroupTampering(0, 3));
        assertThat(r.report.lostByCause().get("tampered")).isEqualTo(3);
        assertThat(r.report.ok()).isTrue(); // conservation holds (run() checks it too)
        // a rejected message takes only the verify time (3 ms), no processing; the JSON report carries the figures
        assertThat(r.report.toJson())
                .contains("\"tampering\": {\"tampered\": 3, \"rejected\": 3, \"accepted\": 3, \"groups\": {")
                .contains("\"v\": {\"rejected\": 3, \"accepted\": 0}")
                .contains("\"tampered\": 3}");
        assertThat(r.report.summaryTable())
                .contains("tampered 3  rejected by verifying consumers 3  accepted unverified 3");
    }

    @Test
    void rejectedMessagesGoToTheDeadLetterChannelWhenThereIsOne() throws Exception {
        Runs r = run(design(SIGNED, "", ", deadLetter: dlq"), "1.05s", TAMPER_CHANNEL, "");
        assertThat(r.group("v").deadLettered()).isEqualTo(3);
        assertThat(r.lost("v", "tampered")).isZero();
        assertThat(r.report.channels().get("dlq").published()).isEqualTo(3);
        assertThat(r.report.tampering().rejected()).isEqualTo(3);
        assertThat(r.trace).contains("\"reason\":\"tampered\"");
    }

    @Test
    void unsignedMessagesCannotBeCheckedEveryoneProcessesThem() throws Exception {
        Runs r = run(design("", "", ""), "1.05s", TAMPER_CHANNEL, "");
        assertThat(r.group("v").processed()).isEqualTo(10);
        assertThat(r.group("n").processed()).isEqualTo(10);
        // unsigned, published at 0.5, 0.6 and 0.7 s: 3 tampered, accepted by both groups
        assertThat(r.report.tampering().accepted()).isEqualTo(3 + 3);
        assertThat(r.report.tampering().rejected()).isZero();
    }

    @Test
    void tamperingOnTheProducersLink() throws Exception {
        // 50% of the messages p sends to kafka: which ones is the link's random stream's choice, but every one of
        // them is rejected by v and accepted by n
        Runs r = run(design(SIGNED, "", ""), "1.05s", "{at: 0s, kind: tamper, link: [p, kafka], percent: 50}", "");
        SimulationReport.Tampering t = r.report.tampering();
        assertThat(t.tampered()).isBetween(1L, 9L);
        assertThat(t.rejected()).isEqualTo(t.tampered());
        assertThat(t.accepted()).isEqualTo(t.tampered());
        assertThat(r.group("v").processed()).isEqualTo(10 - t.tampered());
        assertThat(r.lost("v", "tampered")).isEqualTo(t.tampered());
    }

    @Test
    void tamperingOnTheLinkToOneConsumerAltersOnlyItsCopy() throws Exception {
        // broker -> v, from 0.45 s for 300 ms: v's deliveries of the messages published at 0.502, 0.602, 0.702 s
        Runs r = run(
                design(SIGNED, "", ""),
                "1.05s",
                "{at: 0.45s, kind: tamper, link: [kafka, v], percent: 100, for: 300ms}",
                "");
        assertThat(r.lost("v", "tampered")).isEqualTo(3);
        assertThat(r.group("n").processed()).isEqualTo(10);
        assertThat(r.report.tampering().accepted()).isZero(); // n's copies were not altered
    }

    @Test
    void aDeliveryTamperedInTheBufferAndRequeuedByABrokerCrashArrivesIntactTheSecondTime() throws Exception {
        // RabbitMQ, v processes 1 s each and prefetches: the 0.1 s message is in processing until 1.1 s, the 0.2, 0.3
        // and 0.4 s ones wait in v's buffer, altered on the link (tamper 0.15..0.45 s). The broker crashes at 0.5 s:
        // the channels close, v discards its buffer and the broker requeues all four; after the restart at 0.6 s they
        // cross the link again, intact. So 3 deliveries were tampered and none is rejected.
        String design =
                """
                eventflow: 1
                name: signed-amqp
                brokers: [{id: rabbit, kind: amqp}]
                messages: [{id: M, sizeBytes: 1024, signing: {algorithm: HMAC-SHA256, signTime: 1us, verifyTime: 1us}}]
                channels:
                  - {id: orders, broker: rabbit, messages: [M]}
                services:
                  - id: p
                    publishes: [{channel: orders, message: M, rate: 10/s, arrival: constant}]
                  - id: v
                    subscribes: [{channel: orders, group: v, processing: 1s, prefetch: 20}]
                """;
        Runs r = run(
                design,
                "20s",
                "{at: 0.15s, kind: tamper, link: [rabbit, v], percent: 100, for: 300ms},"
                        + " {at: 0.5s, kind: broker-crash, target: rabbit, node: 0, restartAfter: 100ms}",
                "");
        assertThat(r.report.tampering().tampered()).isEqualTo(3);
        assertThat(r.lost("v", "tampered")).isZero();
        assertThat(r.report.tampering().rejected()).isZero();
    }
}
