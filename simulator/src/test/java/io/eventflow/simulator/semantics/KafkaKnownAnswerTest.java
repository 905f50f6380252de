package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.Runs.kafka;
import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Known answers worked out by hand. Unless said otherwise: producer p publishes at t = 0.1 s, 0.2 s, ... (10/s,
 * constant), each message takes 10 ms to process, and the run lasts 10.05 s, so 100 messages are published.
 */
class KafkaKnownAnswerTest {
    static final String AFTER = "delivery: at-least-once, commit: {mode: after-processing}";

    @Test
    void quietRunProcessesEverything() throws Exception {
        Runs r = run(kafka("", "all", "", 1, AFTER), "10.05s", "", "");
        assertThat(r.report.totals().published()).isEqualTo(100);
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").inFlight()).isZero();
        assertThat(r.report.latencyMs().max()).isCloseTo(10.0, org.assertj.core.api.Assertions.within(0.1));
        assertThat(r.report.kernelEvents()).isEqualTo(200);
    }

    @Test
    void crashAtLeastOnceCommitAfterProcessingRedeliversWithoutDuplicates() throws Exception {
        // crash at 2.005 s while the message of 2.0 s is processed (2.000-2.010): it was not committed, so it is
        // delivered again after the restart at 3.005 s; the 10 messages of 2.1..3.0 s wait in the log.
        Runs r = run(
                kafka("", "all", "", 1, AFTER),
                "10.05s",
                "{at: 2.005s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").lost()).isZero();
        assertThat(r.group("c").redelivered()).isEqualTo(1);
    }

    @Test
    void crashAtMostOnceLosesTheMessageInProcessing() throws Exception {
        // the offset of the 2.0 s message was committed before processing: the crash loses exactly that one
        Runs r = run(
                kafka("", "all", "", 1, "delivery: at-most-once"),
                "10.05s",
                "{at: 2.005s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.lost("c", "crash")).isEqualTo(1);
        assertThat(r.group("c").processed()).isEqualTo(99);
    }

    static final String AUTO = "delivery: at-least-once, commit: {mode: auto, interval: 1s}";

    @Test
    void crashWithAutoCommitReprocessesSinceTheLastCommit() throws Exception {
        // auto-commit every 1 s: the commit at 2.0 s covers offsets up to the 1.9 s message (19 messages). Messages
        // of 2.0..2.4 s are processed by 2.41 s; the crash at 2.505 s interrupts the 2.5 s one. After the restart the
        // group resumes at offset 19: 2.0..2.4 s are processed again = 5 duplicates.
        Runs r = run(
                kafka("", "all", "", 1, AUTO),
                "10.05s",
                "{at: 2.505s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.group("c").duplicates()).isEqualTo(5);
        assertThat(r.group("c").processed()).isEqualTo(100);
    }

    @Test
    void exactlyOnceDedupHasNoDuplicatesUnderTheSameCrash() throws Exception {
        Runs r = run(
                kafka("", "all", "", 1, "delivery: exactly-once, mechanism: dedup, commit: {mode: auto, interval: 1s}"),
                "10.05s",
                "{at: 2.505s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").processed()).isEqualTo(100);
    }

    @Test
    void exactlyOnceTransactionalHasNoDuplicatesUnderTheSameCrash() throws Exception {
        Runs r = run(
                kafka("", "all", "", 1, "delivery: exactly-once, mechanism: transactional"),
                "10.05s",
                "{at: 2.505s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").processed()).isEqualTo(100);
    }

    @Test
    void brokerCrashWithoutRetriesLosesWhatIsSentDuringFailover() throws Exception {
        // node 0 leads the only partition; it crashes at 5.05 s and the election takes 2 s (until 7.05 s): the 20
        // messages of 5.1..7.0 s find no leader; with acks=all and no retries they are lost (cause crash)
        Runs r = run(
                kafka("", "all", "", 1, AFTER),
                "10.05s",
                "{at: 5.05s, kind: broker-crash, target: kafka, node: 0}",
                "");
        assertThat(r.lost("c", "crash")).isEqualTo(20);
        assertThat(r.group("c").processed()).isEqualTo(80);
    }

    @Test
    void brokerCrashWithRetriesLosesNothing() throws Exception {
        // retry every 1 s, 5 attempts: the 5.1 s message is retried at 6.1 s and 7.1 s, and is stored then
        Runs r = run(
                kafka("", "all", ", retry: {maxAttempts: 5, backoff: fixed, initial: 1s}", 1, AFTER),
                "10.05s",
                "{at: 5.05s, kind: broker-crash, target: kafka, node: 0}",
                "");
        assertThat(r.group("c").lost()).isZero();
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.report.totals().retries()).isZero(); // consumer retries; producer retries are in the trace
        assertThat(r.trace).contains("\"kind\":\"retried\",\"time\":5100000000,\"element\":\"p#0\"");
    }

    @Test
    void snapshotsShowTheLeaderMoveAfterFailover() throws Exception {
        // replicas of the only partition are nodes 0, 1, 2 with node 0 leading; node 0 crashes at 5.05 s and the
        // election takes 2 s: offline (-1) until 7.05 s, then led by a surviving in-sync replica
        var d = Runs.design(kafka("", "all", "", 1, AFTER));
        var scenario = io.eventflow.simulator.scenario.ScenarioReader.parse(
                "t.scenario.yaml",
                Runs.SCENARIO.formatted("10s", "{at: 5.05s, kind: broker-crash, target: kafka, node: 0}", ""),
                d);
        var sim = io.eventflow.simulator.Simulation.builder(d)
                .scenario(scenario)
                .seed(7)
                .build();
        sim.runUntil(5_000_000_000L);
        assertThat(leaders(sim)).containsExactly(0);
        sim.runUntil(6_000_000_000L);
        assertThat(leaders(sim)).containsExactly(-1);
        sim.runUntil(7_100_000_000L);
        assertThat(leaders(sim)).singleElement().isIn(1, 2);
        assertThat(sim.snapshot().channels().stream()
                        .filter(c -> c.id().equals("dlq"))
                        .findFirst()
                        .orElseThrow()
                        .leaders())
                .hasSize(1);
    }

    private static java.util.List<Integer> leaders(io.eventflow.simulator.Simulation sim) {
        return sim.snapshot().channels().stream()
                .filter(c -> c.id().equals("orders"))
                .findFirst()
                .orElseThrow()
                .leaders();
    }

    @Test
    void acksZeroLosesAsQos0() throws Exception {
        Runs r = run(
                kafka("", "0", "", 1, AFTER), "10.05s", "{at: 5.05s, kind: broker-crash, target: kafka, node: 0}", "");
        assertThat(r.lost("c", "qos0")).isEqualTo(20);
    }

    @Test
    void partitionBetweenProducerAndBrokerLosesWithoutRetries() throws Exception {
        // 3.05..4.05 s: the 10 messages of 3.1..4.0 s cannot reach the broker
        Runs r = run(
                kafka("", "all", "", 1, AFTER),
                "10.05s",
                "{at: 3.05s, kind: partition, between: [p, kafka], for: 1s}",
                "");
        assertThat(r.lost("c", "network")).isEqualTo(10);
        assertThat(r.group("c").processed()).isEqualTo(90);
    }

    @Test
    void latencyOnTheConsumerLinkDelaysDelivery() throws Exception {
        // 3.05..4.05 s every delivery to c takes 200 ms, and a partition is consumed one message at a time. Message k
        // of 3.1 + 0.1k s is fetched at 3.1 + 0.21k s (k <= 4, before 4.05 s), so done at 3.31 + 0.21k s: latency
        // 0.21 + 0.11k s, up to 0.65 s. k = 5..9 are fetched from 4.15 s without delay: 0.56, 0.47, 0.38, 0.29,
        // 0.20 s; then 4.1 s waits 0.11 s, 4.2 s 0.02 s, the other 88 take 0.01 s. Mean 5.06 s / 100 = 50.6 ms.
        Runs r = run(
                kafka("", "all", "", 1, AFTER),
                "10.05s",
                "{at: 3.05s, kind: latency, link: [kafka, c], delay: 200ms, for: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.report.latencyMs().max()).isBetween(649.0, 652.0);
        assertThat(r.report.latencyMs().mean()).isCloseTo(50.6, org.assertj.core.api.Assertions.within(0.001));
    }

    @Test
    void bandwidthLimitQueuesMessagesOnTheLink() throws Exception {
        // 1024-byte messages over 5120 B/s: 0.2 s each. Message k (published at 0.1k s) arrives at 0.1 + 0.2k s and
        // is processed by 0.11 + 0.2k s <= 10.05 s, so k <= 49: 49 processed, 51 still on the wire
        Runs r = run(
                kafka("", "all", "", 1, AFTER),
                "10.05s",
                "{at: 0s, kind: bandwidth, link: [p, kafka], bytesPerSecond: 5120}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(49);
        assertThat(r.group("c").inFlight()).isEqualTo(51);
    }

    @Test
    void dropOnTheProducerLinkLosesAsNetwork() throws Exception {
        Runs r = run(
                kafka("", "all", "", 1, AFTER),
                "10.05s",
                "{at: 3.05s, kind: drop, link: [p, kafka], percent: 100, for: 1s}",
                "");
        assertThat(r.lost("c", "network")).isEqualTo(10);
    }

    @Test
    void duplicateOnTheConsumerLinkIsProcessedTwiceUnlessExactlyOnce() throws Exception {
        String fault = "{at: 3.05s, kind: duplicate, link: [kafka, c], percent: 100, for: 1s}";
        assertThat(run(kafka("", "all", "", 1, AFTER), "10.05s", fault, "")
                        .group("c")
                        .duplicates())
                .isEqualTo(10);
        assertThat(run(kafka("", "all", "", 1, "delivery: exactly-once"), "10.05s", fault, "")
                        .group("c")
                        .duplicates())
                .isZero();
    }

    @Test
    void duplicateOnTheProducerLinkIsStoredTwiceUnlessIdempotent() throws Exception {
        String fault = "{at: 3.05s, kind: duplicate, link: [p, kafka], percent: 100, for: 1s}";
        assertThat(run(kafka("", "all", "", 1, AFTER), "10.05s", fault, "")
                        .group("c")
                        .duplicates())
                .isEqualTo(10);
        assertThat(run(kafka("", "all", ", idempotent: true", 1, AFTER), "10.05s", fault, "")
                        .group("c")
                        .duplicates())
                .isZero();
    }

    @Test
    void slowConsumerStretchesProcessing() throws Exception {
        // 3.05..4.05 s processing takes 40 ms: the 10 messages of 3.1..4.0 s; mean = (90*10 + 10*40)/100 = 13 ms
        Runs r = run(
                kafka("", "all", "", 1, AFTER), "10.05s", "{at: 3.05s, kind: slow, target: c, factor: 4, for: 1s}", "");
        assertThat(r.report.latencyMs().mean()).isCloseTo(13.0, org.assertj.core.api.Assertions.within(0.01));
    }

    static final String RETRY_DLQ =
            AFTER + ", retry: {maxAttempts: 3, backoff: fixed, initial: 100ms}, deadLetter: dlq";

    @Test
    void poisonMessagesAreRetriedThenDeadLettered() throws Exception {
        // 10 poison messages (3.1..4.0 s), 3 attempts each = 2 retries each, then the dead-letter channel
        Runs r = run(
                kafka("", "all", "", 1, RETRY_DLQ),
                "10.05s",
                "{at: 3.05s, kind: poison, target: orders, percent: 100, for: 1s}",
                "");
        assertThat(r.group("c").deadLettered()).isEqualTo(10);
        assertThat(r.group("c").retries()).isEqualTo(20);
        assertThat(r.group("c").processed()).isEqualTo(90);
        assertThat(r.report.channels().get("dlq").published()).isEqualTo(10);
    }

    @Test
    void poisonWithoutDeadLetterChannelIsDropped() throws Exception {
        Runs r = run(
                kafka("", "all", "", 1, AFTER + ", retry: {maxAttempts: 2, backoff: fixed, initial: 10ms}"),
                "10.05s",
                "{at: 3.05s, kind: poison, target: orders, percent: 100, for: 1s}",
                "");
        assertThat(r.lost("c", "rejected")).isEqualTo(10);
    }

    @Test
    void redriveBringsDeadLettersBackAndPoisonFailsAgain() throws Exception {
        // re-driven at 6.05 s the 10 messages are owed again; still poison, they fail 3 more times each and end in
        // the dead-letter channel again: 20 arrivals there, 40 retries in all
        Runs r = run(
                kafka("", "all", "", 1, RETRY_DLQ),
                "10.05s",
                "{at: 3.05s, kind: poison, target: orders, percent: 100, for: 1s}",
                "{at: 6.05s, kind: redrive, from: dlq, to: orders}");
        assertThat(r.group("c").deadLettered()).isEqualTo(10);
        assertThat(r.group("c").retries()).isEqualTo(40);
        assertThat(r.report.channels().get("dlq").published()).isEqualTo(20);
        assertThat(r.group("c").owed()).isEqualTo(100);
    }

    @Test
    void diskLimitEvictsUnreadMessages() throws Exception {
        // c crashes for good at 1.05 s after processing 0.1..1.0 s (10). The log may hold 5 KiB = 5 messages: of the
        // 90 published later, 85 are evicted unread (lost: retention) and 5 stay in flight
        Runs r = run(
                kafka("", "all", "", 1, AFTER),
                "10.05s",
                "{at: 0s, kind: retention, target: orders, maxBytes: 5KiB}, {at: 1.05s, kind: crash, target: c}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(10);
        assertThat(r.lost("c", "retention")).isEqualTo(85);
        assertThat(r.group("c").inFlight()).isEqualTo(5);
    }

    @Test
    void retentionByTimeEvictsUnreadMessages() throws Exception {
        // retention 1 s, c gone from 1.05 s: at 10.05 s the messages stored after 9.05 s (9.1..10.0 s) remain
        Runs r =
                run(kafka(", retention: 1s", "all", "", 1, AFTER), "10.05s", "{at: 1.05s, kind: crash, target: c}", "");
        assertThat(r.lost("c", "retention")).isEqualTo(80);
        assertThat(r.group("c").inFlight()).isEqualTo(10);
        assertThat(r.report.channels().get("orders").evicted()).isEqualTo(90);
    }

    @Test
    void replayToEarliestReprocessesWithoutCountingDuplicates() throws Exception {
        // at 5.05 s the group goes back to offset 0: the 50 messages of 0.1..5.0 s are processed again
        Runs r = run(
                kafka("", "all", "", 1, AFTER),
                "10.05s",
                "",
                "{at: 5.05s, kind: replay, group: c, channel: orders, to: earliest}");
        assertThat(r.group("c").reprocessed()).isEqualTo(50);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").processed()).isEqualTo(100);
    }

    @Test
    void replayToOffsetAndTime() throws Exception {
        assertThat(run(
                                kafka("", "all", "", 1, AFTER),
                                "10.05s",
                                "",
                                "{at: 5.05s, kind: replay, group: c, channel: orders, to: offset, offset: 40}")
                        .group("c")
                        .reprocessed())
                .isEqualTo(10);
        assertThat(run(
                                kafka("", "all", "", 1, AFTER),
                                "10.05s",
                                "",
                                "{at: 5.05s, kind: replay, group: c, channel: orders, to: time, time: 4.05s}")
                        .group("c")
                        .reprocessed())
                .isEqualTo(10);
    }

    @Test
    void scaleOutRebalancesPartitions() throws Exception {
        Runs r = run(
                kafka("", "all", "", 1, AFTER)
                        .replace("partitions: 1, replicationFactor", "partitions: 4, " + "replicationFactor"),
                "10.05s",
                "",
                "{at: 5.05s, kind: scale, target: c, instances: 2}");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.sim.snapshot().instances())
                .filteredOn(i -> i.service().equals("c"))
                .hasSize(2);
        assertThat(r.sim.snapshot().groups().get(0).assignment()).containsExactly("c#0=[0, 2]", "c#1=[1, 3]");
    }

    @Test
    void rateChangeDoublesPublishing() throws Exception {
        // 50 messages until 5.0 s; from 5.05 s every 50 ms: 5.1, 5.15, ... 10.0 s = 99 more
        Runs r = run(
                kafka("", "all", "", 1, AFTER),
                "10.02s",
                "",
                "{at: 5.05s, kind: rate, target: p, channel: orders, rate: 20/s}");
        assertThat(r.report.totals().published()).isEqualTo(149);
    }

    @Test
    void rebalancePauseHoldsTheGroup() throws Exception {
        // x-rebalancePause 500 ms: c restarts at 3.005 s and reads again from 3.505 s. The 2.0 s message (never
        // committed) is the first one processed, done at 3.515 s: latency 1.515 s, the largest of the run.
        Runs r = run(
                kafka("", "all", "", 1, AFTER + ", x-rebalancePause: 500ms"),
                "10.05s",
                "{at: 2.005s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.report.latencyMs().max()).isBetween(1500.0, 1535.0);
        assertThat(r.trace).contains("{\"kind\":\"processed\",\"time\":3515000000,\"element\":\"c#0\"");
    }

    @Test
    void dedupStoreWithAShortWindowLetsOldDuplicatesThrough() throws Exception {
        // auto-commit every 1 s, crash at 2.505 s: the 2.0..2.4 s messages are processed again from 3.505 s, about
        // 1.1-1.5 s after their first processing. A 500 ms dedup window has forgotten them: 5 duplicates.
        String sub = "delivery: exactly-once, mechanism: dedup, dedupWindow: %s, commit: {mode: auto, interval: 1s}";
        String crash = "{at: 2.505s, kind: crash, target: c, instance: 0, restartAfter: 1s}";
        assertThat(run(kafka("", "all", "", 1, sub.formatted("500ms")), "10.05s", crash, "")
                        .group("c")
                        .duplicates())
                .isEqualTo(5);
        assertThat(run(kafka("", "all", "", 1, sub.formatted("1h")), "10.05s", crash, "")
                        .group("c")
                        .duplicates())
                .isZero();
    }
}
