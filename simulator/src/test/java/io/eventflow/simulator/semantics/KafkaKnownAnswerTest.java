package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.Runs.kafka;
import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers worked out by hand. Unless said otherwise: producer p publishes at t = 0.1 s, 0.2 s, ... (10/s,
 * constant), each message takes 10 ms to process, and the run lasts 10.05 s, so 100 messages are published. The topic
 * has 3 replicas on 3 nodes: a record is readable once both followers have it, i.e. below the high watermark, which
 * reaches it the broker's replication lag (default 10 ms) after it was stored. So the message of t is read at t + 10
 * ms and processed by t + 20 ms.
 */
class KafkaKnownAnswerTest {
    static final String AFTER = "delivery: at-least-once, commit: {mode: after-processing}";

    @Test
    void quietRunProcessesEverything() throws Exception {
        Runs r = run(kafka("", "all", "", 1, AFTER), "10.05s", "", "");
        assertThat(r.report.totals().published()).isEqualTo(100);
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").inFlight()).isZero();
        // 10 ms until the high watermark passes it + 10 ms processing (HdrHistogram: 2 significant digits)
        assertThat(r.report.latencyMs().max()).isCloseTo(20.0, org.assertj.core.api.Assertions.within(0.1));
        // per message: the publication, the high-watermark move, the end of processing
        assertThat(r.report.kernelEvents()).isEqualTo(300);
    }

    @Test
    void crashAtLeastOnceCommitAfterProcessingRedeliversWithoutDuplicates() throws Exception {
        // crash at 2.015 s while the message of 2.0 s is processed (2.010-2.020): it was not committed, so it is
        // delivered again after the restart at 3.015 s; the 10 messages of 2.1..3.0 s wait in the log.
        Runs r = run(
                kafka("", "all", "", 1, AFTER),
                "10.05s",
                "{at: 2.015s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").lost()).isZero();
        assertThat(r.group("c").redelivered()).isEqualTo(1);
    }

    @Test
    void crashAtMostOnceLosesTheMessageInProcessing() throws Exception {
        // the poll of 2.01 s returned only the 2.0 s message and its offset was committed then; the crash at 2.015 s
        // (processing 2.010-2.020) loses exactly that one
        Runs r = run(
                kafka("", "all", "", 1, "delivery: at-most-once"),
                "10.05s",
                "{at: 2.015s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
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
        // 3.05..4.05 s every delivery to c takes 200 ms. Message k of 3.1 + 0.1k s is readable at 3.11 + 0.1k s; a
        // poll returns what is readable, and each record crosses the link when a worker takes it (one at a time).
        // k=0: polled 3.11, arrives 3.31, done 3.32 (latency 0.22). Poll 3.32 -> [1, 2]: k=1 done 3.53 (0.33), k=2
        // taken 3.53, done 3.74 (0.44). Poll 3.74 -> [3..6]: k=3 done 3.95 (0.55), k=4 taken 3.95 (< 4.05), done 4.16
        // (0.66, the largest); k=5, 6 taken after 4.05 without delay: 4.17 (0.57), 4.18 (0.48). Poll 4.18 -> [7..10]:
        // 4.19, 4.20, 4.21, 4.22 (0.39, 0.30, 0.21, 0.12); k=11 (4.2 s) readable 4.21, done 4.23 (0.03). The other 88
        // take 0.02 s. Mean (4.30 + 88 * 0.02) / 100 = 60.6 ms.
        Runs r = run(
                kafka("", "all", "", 1, AFTER),
                "10.05s",
                "{at: 3.05s, kind: latency, link: [kafka, c], delay: 200ms, for: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.report.latencyMs().max()).isBetween(659.0, 667.0); // 660 ms, 2 significant digits
        assertThat(r.report.latencyMs().mean()).isCloseTo(60.6, org.assertj.core.api.Assertions.within(0.001));
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
        // 3.05..4.05 s processing takes 40 ms: the 10 messages of 3.1..4.0 s; each also waits 10 ms for the high
        // watermark: mean = 10 + (90*10 + 10*40)/100 = 23 ms
        Runs r = run(
                kafka("", "all", "", 1, AFTER), "10.05s", "{at: 3.05s, kind: slow, target: c, factor: 4, for: 1s}", "");
        assertThat(r.report.latencyMs().mean()).isCloseTo(23.0, org.assertj.core.api.Assertions.within(0.01));
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
        // rebalancePause 500 ms: c restarts at 3.005 s and reads again from 3.505 s. The 2.0 s message (readable at
        // 2.01 s, so not yet taken at the crash, never committed) is the first one processed, done at 3.515 s:
        // latency 1.515 s, the largest of the run. The old spelling x-rebalancePause still reads the same.
        for (String key : List.of("rebalancePause", "x-rebalancePause")) {
            Runs r = run(
                    kafka("", "all", "", 1, AFTER + ", " + key + ": 500ms"),
                    "10.05s",
                    "{at: 2.005s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                    "");
            assertThat(r.group("c").processed()).isEqualTo(100);
            assertThat(r.report.latencyMs().max()).isBetween(1500.0, 1535.0);
            assertThat(r.trace).contains("{\"kind\":\"processed\",\"time\":3515000000,\"element\":\"c#0\"");
        }
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

    // ---- batches: a poll returns up to max.poll.records (prefetch, default 500) of the readable records ----

    static final String BACKLOG = "{at: 1.05s, kind: crash, target: c, instance: 0, restartAfter: 2s}";

    @Test
    void atMostOnceCommitsTheWholePollSoACrashLosesItsUnprocessedRest() throws Exception {
        // c is down 1.05..3.05 s; the 1.0 s message (offset 9) was done at 1.02 s, so offsets 10..29 (1.1..3.0 s, all
        // readable by 3.01 s) wait. The poll at 3.05 s returns up to max.poll.records of them and at-most-once commits
        // their offsets then. Processing 10 ms: offset 10 done 3.06, 11 done 3.07, 12 in processing 3.07-3.08 when c
        // crashes again at 3.075 s. prefetch 5: the batch was 10..14, so 12, 13, 14 are lost. Default (500): the batch
        // was all 20 (10..29): 12..29 = 18 are lost. prefetch 1: only 12, the one in processing.
        String again = BACKLOG + ", {at: 3.075s, kind: crash, target: c, instance: 0, restartAfter: 1s}";
        Runs five = run(kafka("", "all", "", 1, "delivery: at-most-once, prefetch: 5"), "10.05s", again, "");
        assertThat(five.lost("c", "crash")).isEqualTo(3);
        assertThat(five.group("c").processed()).isEqualTo(97);
        assertThat(five.trace)
                .contains(
                        "\"kind\":\"committed\",\"time\":3050000000,\"element\":\"orders\",\"group\":\"c\",\"partition\":0,\"offset\":15,");
        Runs all = run(kafka("", "all", "", 1, "delivery: at-most-once"), "10.05s", again, "");
        assertThat(all.lost("c", "crash")).isEqualTo(18);
        assertThat(all.group("c").processed()).isEqualTo(82);
        Runs one = run(kafka("", "all", "", 1, "delivery: at-most-once, prefetch: 1"), "10.05s", again, "");
        assertThat(one.lost("c", "crash")).isEqualTo(1);
    }

    @Test
    void autoCommitCommitsThePositionOfTheLastPollAtTheFirstPollAfterTheInterval() throws Exception {
        // processing 100 ms, auto-commit every 1 s. Before the crash each message t is read at t + 10 ms (high
        // watermark) and done at t + 110 ms; the poll at 1.01 s (first after the 1 s deadline; at 1.0 s c was busy
        // with 0.9 s) commits position 9, then returns the 1.0 s message (offset 9), cut by the crash at 1.05 s.
        // The consumer restarts at 3.05 s (its next auto-commit due at 4.05 s): one poll returns offsets 9..29
        // (1.0..3.0
        // s), 2.1 s of work: offset 9 + i done at 3.15 + 0.1 i. At 4.05 s c is busy in the batch, so nothing is
        // committed until its next poll, which the crash at 4.60 s (15 done: 3.15..4.55) prevents. The group resumes
        // at the committed offset 9 after the restart at 5.60 s: all 15 are processed again = 15 duplicates.
        // (Committing the processed position at 4.05 s, as before batches, would have covered 10 and left 5.)
        String twice = BACKLOG + ", {at: 4.6s, kind: crash, target: c, instance: 0, restartAfter: 1s}";
        Runs r = run(
                kafka(
                                "",
                                "all",
                                "",
                                1,
                                "processing: 100ms, delivery: at-least-once, commit: {mode: auto, interval: 1s}")
                        .replace("processing: 10ms, ", ""),
                "10.05s",
                twice,
                "");
        assertThat(r.group("c").duplicates()).isEqualTo(15);
        assertThat(r.group("c").lost()).isZero();
        assertThat(r.trace)
                .contains(
                        "\"kind\":\"committed\",\"time\":1010000000,\"element\":\"orders\",\"group\":\"c\",\"partition\":0,\"offset\":9,");
        assertThat(r.trace).doesNotContain("\"kind\":\"committed\",\"time\":40");
    }

    @Test
    void committedEventsCarryTheNextOffsetToRead() throws Exception {
        // after-processing: the 0.1 s message (offset 0) is read at 0.11 s and done at 0.12 s; the commit names
        // offset 1, the next record to read (Kafka's convention)
        Runs r = run(kafka("", "all", "", 1, AFTER), "1.05s", "", "");
        assertThat(r.trace)
                .contains("{\"kind\":\"committed\",\"time\":120000000,\"element\":\"orders\",\"group\":\"c\","
                        + "\"partition\":0,\"offset\":1,");
    }

    // ---- high watermark: consumers read only what every in-sync replica has ----

    static final String LAG_500 = "nodes: 3, replicationLag: 500ms}";

    @Test
    void acksOneRecordsAboveTheHighWatermarkAreLostWithTheLeaderAndNeverRead() throws Exception {
        // followers trail by 500 ms: the message of t is readable at t + 0.5 s. Node 0 (leader) crashes at 5.05 s:
        // the high watermark covers what was stored up to 4.55 s, so 4.6..5.0 s (5, acks 1) are lost with it and no
        // consumer read them. Election takes 2 s: 5.1..7.0 s (20) find no leader and, without retries, are lost too.
        // From 7.1 s the new leader has 2 live replicas, so records are readable 0.5 s later: 9.6..10.0 s (5) are
        // still above the high watermark at 10.05 s (in flight). Processed: 0.1..4.5 s (45) + 7.1..9.5 s
        // (25) = 70.
        String design = kafka("", "1", "", 1, AFTER).replace("nodes: 3}", LAG_500);
        Runs r = run(design, "10.05s", "{at: 5.05s, kind: broker-crash, target: kafka, node: 0}", "");
        assertThat(r.lost("c", "crash")).isEqualTo(25);
        assertThat(r.group("c").processed()).isEqualTo(70);
        assertThat(r.group("c").inFlight()).isEqualTo(5);
        assertThat(r.group("c").duplicates()).isZero();
    }

    @Test
    void acksAllLosesNothingAcknowledgedWhenTheLeaderCrashes() throws Exception {
        // same, acks=all with minInSyncReplicas 2: 4.6..5.0 s were not acknowledged (not on both followers) and
        // count as sent again by their producer, so the new leader has them: read after the election at 7.05 s.
        // Only the 20 sent while there was no leader are lost; 9.6..10.0 s (5) are in flight: 75 processed.
        // (written with the old spelling x-replicationLag, which is still read)
        String design = kafka("", "all", "", 1, AFTER).replace("nodes: 3}", "nodes: 3, x-replicationLag: 500ms}");
        Runs r = run(design, "10.05s", "{at: 5.05s, kind: broker-crash, target: kafka, node: 0}", "");
        assertThat(r.lost("c", "crash")).isEqualTo(20);
        assertThat(r.group("c").processed()).isEqualTo(75);
        assertThat(r.group("c").inFlight()).isEqualTo(5);
    }

    // ---- startFrom: the offset reset of a group with no committed offset in the log ----

    @Test
    void aGroupThatFirstReadsLaterStartsFromItsStartFrom() throws Exception {
        // c has no instance until it is scaled to 1 at 5.05 s: the group has no committed offset. latest (the
        // default) starts at the high watermark, 50 (0.1..5.0 s, readable by 5.01 s): those 50 are skipped and lost
        // (offsetReset); 5.1..10.0 s (50) are processed. earliest reads all 100.
        String scale = "{at: 5.05s, kind: scale, target: c, instances: 1}";
        Runs latest = run(kafka("", "all", "", 0, AFTER), "10.05s", "", scale);
        assertThat(latest.lost("c", "offsetReset")).isEqualTo(50);
        assertThat(latest.group("c").processed()).isEqualTo(50);
        assertThat(latest.report.lostByCause().get("offsetReset")).isEqualTo(50);
        Runs earliest = run(kafka("", "all", "", 0, AFTER + ", startFrom: earliest"), "10.05s", "", scale);
        assertThat(earliest.group("c").lost()).isZero();
        assertThat(earliest.group("c").processed()).isEqualTo(100);
    }

    @Test
    void aCommittedOffsetDeletedByRetentionResetsPerStartFrom() throws Exception {
        // the log holds 5 KiB = 5 messages. c processed 0.1..1.0 s (committed offset 10), is down 1.05..5.05 s.
        // 1.1..5.0
        // s (offsets 10..49) are published meanwhile: 10..44 are evicted unread (35, retention), so the committed
        // offset 10 is below the log start. At 5.05 s the log holds 45..49 (4.6..5.0 s, all readable). latest skips
        // them to the end: 5 lost (offsetReset); 5.1..10.0 s (50) processed: 60 in all. earliest resumes at the oldest
        // left, 45: nothing more lost, 65 processed.
        String faults = "{at: 0s, kind: retention, target: orders, maxBytes: 5KiB},"
                + " {at: 1.05s, kind: crash, target: c, instance: 0, restartAfter: 4s}";
        Runs latest = run(kafka("", "all", "", 1, AFTER), "10.05s", faults, "");
        assertThat(latest.lost("c", "retention")).isEqualTo(35);
        assertThat(latest.lost("c", "offsetReset")).isEqualTo(5);
        assertThat(latest.group("c").processed()).isEqualTo(60);
        Runs earliest = run(kafka("", "all", "", 1, AFTER + ", startFrom: earliest"), "10.05s", faults, "");
        assertThat(earliest.lost("c", "retention")).isEqualTo(35);
        assertThat(earliest.lost("c", "offsetReset")).isZero();
        assertThat(earliest.group("c").processed()).isEqualTo(65);
    }

    // ---- transactions: one per commit interval; a crash aborts the open one ----

    static final String TRANSACTIONAL =
            """
            eventflow: 1
            name: tx
            brokers: [{id: kafka, kind: kafka, nodes: 3}]
            messages: [{id: M, sizeBytes: 1024}]
            channels:
              - {id: orders, broker: kafka, messages: [M], partitions: 1, replicationFactor: 3, minInSyncReplicas: 2}
              - {id: out, broker: kafka, messages: [M], partitions: 1, replicationFactor: 3, minInSyncReplicas: 2}
            services:
              - id: p
                publishes: [{channel: orders, message: M, rate: 10/s, arrival: constant}]
              - id: t
                publishes: [{channel: out, message: M, per: processed}]
                subscribes:
                  - {channel: orders, group: t, processing: 10ms, delivery: exactly-once, mechanism: transactional,
                     commit: {interval: 1s}}
              - id: rc
                subscribes: [{channel: out, group: rc, processing: 10ms, isolation: read_committed}]
              - id: ru
                subscribes: [{channel: out, group: ru, processing: 10ms}]
            """;

    @Test
    void aCrashAbortsTheOpenTransactionReadCommittedSeesNoneOfItReadUncommittedSeesItTwice() throws Exception {
        // t reads the message of t0 at t0 + 10 ms, is done at t0 + 20 ms and writes its output then, in the member's
        // transaction; transactions commit every 1 s from t's start: at 1.0 s and 2.0 s. The one opened at 2.0 s holds
        // the inputs 2.0..2.4 s (done 2.02..2.42 s) and their 5 outputs; the crash at 2.505 s (the 2.5 s message is
        // readable only at 2.51 s) aborts it. ru (read_uncommitted) read those 5 outputs 20 ms after they were written,
        // all before the crash. t restarts at 3.505 s from the committed offset (the 2.0 s input): it processes
        // 2.0..2.4 s again (no duplicates under exactly-once), writing their outputs again: ru processes the same 5
        // messages a second time = 5 duplicates; rc (read_committed) never saw the aborted ones: none. After the
        // restart t commits at 4.505, 5.505, ..., 9.505 s: the outputs of 9.5..10.0 s (6) are in a transaction still
        // open at 10.05 s, which rc cannot read past (in flight); ru read them all.
        Runs r =
                run(TRANSACTIONAL, "10.05s", "{at: 2.505s, kind: crash, target: t, instance: 0, restartAfter: 1s}", "");
        assertThat(r.group("t").duplicates()).isZero();
        assertThat(r.group("t").processed()).isEqualTo(100);
        assertThat(r.group("ru").duplicates()).isEqualTo(5);
        assertThat(r.group("ru").processed()).isEqualTo(100);
        assertThat(r.group("rc").duplicates()).isZero();
        assertThat(r.group("rc").processed()).isEqualTo(94);
        assertThat(r.group("rc").inFlight()).isEqualTo(6);
        // the transaction of 1.0 s committed the inputs 0.1..0.9 s (offsets 0..8: next offset 9), that of 2.0 s up to
        // 1.9 s (offset 18: next 19)
        assertThat(r.trace)
                .contains("\"kind\":\"committed\",\"time\":1000000000,\"element\":\"orders\",\"group\":\"t\","
                        + "\"partition\":0,\"offset\":9,")
                .contains("\"kind\":\"committed\",\"time\":2000000000,\"element\":\"orders\",\"group\":\"t\","
                        + "\"partition\":0,\"offset\":19,");
    }

    @Test
    void withoutACrashReadCommittedReadersWaitForTheCommit() throws Exception {
        // no crash: outputs become visible to rc at the next commit (1.0, 2.0, ... s). The outputs of the inputs
        // 0.1..0.9 s (written by 0.92 s) wait until 1.0 s: rc processes nothing before, and the 0.1 s one at 1.01 s.
        // ru reads each output 10 ms after it was written (high watermark): the 0.1 s one is written at 0.12 s and
        // processed by ru at 0.14 s.
        Runs r = run(TRANSACTIONAL, "5.05s", "", "");
        assertThat(r.trace).doesNotContainPattern("\"processed\",\"time\":\\d{1,9},\"element\":\"rc#0\"");
        assertThat(r.trace).contains("{\"kind\":\"processed\",\"time\":1010000000,\"element\":\"rc#0\"");
        assertThat(r.trace).contains("{\"kind\":\"processed\",\"time\":140000000,\"element\":\"ru#0\"");
        // ru has processed all 50 outputs by 5.04 s (the last is written at 5.02 s)
        assertThat(r.group("ru").processed()).isEqualTo(50);
        assertThat(r.group("rc").duplicates()).isZero();
    }
}
