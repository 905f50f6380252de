package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.io.InputException;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the SQS/SNS-like broker. Unless a test says otherwise: p publishes on queue 'orders' at 10/s
 * constant (t = 0.1 s, 0.2 s, ...; message ids 0, 1, ... in that order); consumers use long polling so a waiting
 * receive returns the moment a message is receivable.
 */
class SqsKnownAnswerTest {
    /** Queue settings, publication extras, consumer instances, processing, subscription extras. */
    static final String SQS =
            """
            eventflow: 1
            name: sq
            brokers: [{id: aws, kind: sqs}]
            messages: [{id: M, sizeBytes: 1024}]
            channels:
              - {id: orders, broker: aws, messages: [M]%s}
              - {id: dlq, broker: aws, messages: [M]}
            services:
              - id: p
                publishes: [{channel: orders, message: M, arrival: constant%s}]
              - id: c
                instances: %d
                subscribes:
                  - {channel: orders, group: c, processing: %s%s}
            """;

    static final String RATE = ", rate: 10/s";
    static final String LONG_POLL = ", receiveWait: 20s";

    static String sqs(String queue, String pub, int instances, String processing, String sub) {
        return SQS.formatted(queue, pub, instances, processing, sub);
    }

    /** The trace lines of one event kind. */
    static List<String> events(Runs r, String kind) {
        return r.trace
                .lines()
                .filter(l -> l.startsWith("{\"kind\":\"" + kind + "\""))
                .toList();
    }

    static long field(String line, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(line);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + line);
        }
        return Long.parseLong(m.group(1));
    }

    @Test
    void processingLongerThanTheVisibilityTimeoutIsRepeatedAndStaleDeletesDeleteNothing() throws Exception {
        // One message, at 60 s (rate 1/min). Two instances (c#0 waits first), processing 1.5 s, visibility 1 s:
        //  60.0 c#0 receives (1st, handle h1)        61.0 visible again: c#1 receives (2nd, h2)
        //  61.5 c#0 done: processed; delete(h1) stale 62.0 visible again: c#0 (waiting since 61.5) receives (3rd, h3)
        //  62.5 c#1 done: duplicate; delete(h2) stale 63.0 c#1 receives (4th) ... one receive per second
        // Receives at 60, 61, ..., 69 = 10; completions at 61.5, ..., 69.5 = 9: 1 processed + 8 duplicates, each
        // delete with a handle already replaced by the next receive: 9 ignored deletes, 0 effective; the 10th
        // receive (69.0) is still being processed at the end (69.75 s), but the message counts as processed, not
        // in flight.
        Runs r = run(sqs(", visibilityTimeout: 1s" + LONG_POLL, ", rate: 1/min", 2, "1500ms", ""), "69.75s", "", "");
        var g = r.group("c");
        assertThat(g.delivered()).isEqualTo(10);
        assertThat(g.processed()).isEqualTo(1);
        assertThat(g.duplicates()).isEqualTo(8);
        assertThat(g.redelivered()).isEqualTo(9);
        assertThat(events(r, "delete-ignored")).hasSize(9);
        assertThat(events(r, "acked")).isEmpty();
        assertThat(g.inFlight()).isZero();
        assertThat(g.owed()).isEqualTo(1);
    }

    @Test
    void aDeleteAfterTheTimeoutStillWorksWhenNobodyReceivedTheMessageAgain() throws Exception {
        // One instance, processing 1.5 s, visibility 1 s: the message is visible again at 61.0 but the only consumer
        // is busy; at 61.5 its handle is still the latest, so the delete works: processed once, no duplicate.
        Runs r = run(sqs(", visibilityTimeout: 1s" + LONG_POLL, ", rate: 1/min", 1, "1500ms", ""), "69.75s", "", "");
        assertThat(r.group("c").processed()).isEqualTo(1);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(events(r, "acked")).hasSize(1);
        assertThat(events(r, "delete-ignored")).isEmpty();
    }

    @Test
    void redriveAfterMaxReceiveCountMovesTheMessageToTheDeadLetterQueue() throws Exception {
        // As in the first test with maxReceiveCount 3: receives at 60, 61, 62; at 63.0 the message is visible again
        // and the next receive (4th) moves it to dlq instead of delivering it. It was processed at 61.5 (the
        // group's state stays processed), so dlq gets 1 message and the group has 0 dead-lettered.
        Runs r = run(
                sqs(
                        ", visibilityTimeout: 1s, maxReceiveCount: 3, deadLetter: dlq" + LONG_POLL,
                        ", rate: 1/min",
                        2,
                        "1500ms",
                        ""),
                "69.75s",
                "",
                "");
        assertThat(r.group("c").delivered()).isEqualTo(3);
        assertThat(r.group("c").duplicates()).isEqualTo(2); // completions at 62.5 and 63.5
        assertThat(r.report.channels().get("dlq").published()).isEqualTo(1);
        assertThat(events(r, "dead-lettered")).singleElement().satisfies(l -> assertThat(field(l, "time"))
                .isEqualTo(63_000_000_000L));
    }

    @Test
    void poisonMessagesAreReceivedMaxReceiveCountTimesThenDeadLettered() throws Exception {
        // Poison from 0.95 s for 1 s: the 10 messages of 1.0 .. 1.9 s. Visibility 1 s, maxReceiveCount 3, 10 ms
        // processing. A poison message received at t fails at t+10ms and is not deleted; it is received again at
        // t+1 and t+2 (failing each time), and at t+3 the 4th receive redrives it to dlq. So 10 dead-lettered,
        // 3 failed receives each = 30 retries, 20 of them redelivered. The other 90 of the 100 messages of
        // 0.1 .. 10.0 s are processed once: delivered 90 + 30 = 120.
        Runs r = run(
                sqs(", visibilityTimeout: 1s, maxReceiveCount: 3, deadLetter: dlq" + LONG_POLL, RATE, 1, "10ms", ""),
                "10.05s",
                "{at: 0.95s, kind: poison, target: orders, percent: 100, for: 1s}",
                "");
        var g = r.group("c");
        assertThat(g.deadLettered()).isEqualTo(10);
        assertThat(g.processed()).isEqualTo(90);
        assertThat(g.retries()).isEqualTo(30);
        assertThat(g.redelivered()).isEqualTo(20);
        assertThat(g.delivered()).isEqualTo(120);
        assertThat(r.report.channels().get("dlq").published()).isEqualTo(10);
        assertThat(g.inFlight()).isZero();
    }

    @Test
    void aCrashedConsumersMessageIsReceivedAgainExactlyOneVisibilityTimeoutLater() throws Exception {
        // Visibility 5 s. The message of 2.0 s (id 19) is received at 2.0 and being processed when c crashes at
        // 2.005; c restarts at 3.005 and works off 2.1 .. 2.9, but message 19 stays hidden until 2.0 + 5 = 7.0 s,
        // when it is received again (redelivered) and processed at 7.01: latency 5.01 s, the run's maximum.
        Runs r = run(
                sqs(", visibilityTimeout: 5s" + LONG_POLL, RATE, 1, "10ms", ""),
                "10.05s",
                "{at: 2.005s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        var g = r.group("c");
        assertThat(g.processed()).isEqualTo(100);
        assertThat(g.duplicates()).isZero();
        assertThat(g.redelivered()).isEqualTo(1);
        assertThat(events(r, "redelivered")).singleElement().satisfies(l -> {
            assertThat(field(l, "messageId")).isEqualTo(19);
            assertThat(field(l, "time")).isEqualTo(7_000_000_000L);
        });
        assertThat(events(r, "processed").stream()
                        .filter(l -> field(l, "messageId") == 19)
                        .map(l -> field(l, "time")))
                .containsExactly(7_010_000_000L);
    }

    @Test
    void standardQueueStoresEveryDuplicateSend() throws Exception {
        // duplicate 100 % on p -> aws from 0.95 s for 1 s: the sends of 1.0 .. 1.9 s arrive twice; a standard queue
        // stores both copies: 10 duplicate processings.
        Runs r = run(
                sqs(LONG_POLL, RATE, 1, "10ms", ""),
                "10.05s",
                "{at: 0.95s, kind: duplicate, link: [p, aws], percent: 100, for: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").duplicates()).isEqualTo(10);
    }

    @Test
    void fifoQueueDeduplicatesSendsOfTheSameMessageWithinFiveMinutes() throws Exception {
        // Same faults on a FIFO queue: the second copy of each of the 10 messages carries a message id stored
        // moments before: accepted, not stored. No duplicate.
        Runs r = run(
                sqs(", fifo: true" + LONG_POLL, RATE, 1, "10ms", ""),
                "10.05s",
                "{at: 0.95s, kind: duplicate, link: [p, aws], percent: 100, for: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(events(r, "deduplicated")).hasSize(10);
    }

    /** p at 1/s; only the message of 1.0 s is duplicated, over a link of {@code bps} bytes/s (1 KiB messages). */
    static Runs slowDuplicate(String queue, String bps, String duration) throws Exception {
        return run(
                sqs(queue + LONG_POLL, ", rate: 1/s", 1, "10ms", ""),
                duration,
                "{at: 0.5s, kind: duplicate, link: [p, aws], percent: 100, for: 1s},"
                        + " {at: 0.5s, kind: bandwidth, link: [p, aws], bytesPerSecond: " + bps + ", for: 1s}",
                "");
    }

    @Test
    void fifoDeduplicationInsideTheWindow() throws Exception {
        // 10.24 B/s: a 1024-byte send takes 100 s. The copy goes first: arrives at 1 + 100 = 101 s; the original
        // queues behind it: 201 s. 201 - 101 = 100 s < 5 min: not stored again.
        Runs r = slowDuplicate(", fifo: true", "10.24", "201.5s");
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(events(r, "deduplicated")).singleElement().satisfies(l -> assertThat(field(l, "time"))
                .isEqualTo(201_000_000_000L));
    }

    @Test
    void fifoDeduplicationForgetsAfterFiveMinutes() throws Exception {
        // 2.56 B/s: 400 s per send. Copy at 401 s, original at 801 s: 400 s > 5 min, so it is stored again and
        // processed again: 1 duplicate.
        Runs r = slowDuplicate(", fifo: true", "2.56", "801.5s");
        assertThat(r.group("c").duplicates()).isEqualTo(1);
        assertThat(events(r, "deduplicated")).isEmpty();
    }

    @Test
    void fifoMessageGroupHasOneMessageInFlightAndKeepsOrder() throws Exception {
        // No key: one message group. Two instances, 150 ms per message. A standard queue lets both work: the
        // messages of 0.1 .. 9.9 s are done by 10.05 s (9.9 + 0.15 = 10.05): 99. FIFO allows one message of the
        // group in flight: message k (0-based) is done at 0.1 + 0.15 (k + 1); 0.1 + 0.15 * 66 = 10.0 <= 10.05, so 66,
        // in publication order.
        Runs standard = run(sqs(LONG_POLL, RATE, 2, "150ms", ""), "10.05s", "", "");
        assertThat(standard.group("c").processed()).isEqualTo(99);
        Runs fifo = run(sqs(", fifo: true" + LONG_POLL, RATE, 2, "150ms", ""), "10.05s", "", "");
        assertThat(fifo.group("c").processed()).isEqualTo(66);
        List<Long> order = events(fifo, "processed").stream()
                .map(l -> field(l, "messageId"))
                .toList();
        assertThat(order).isSorted().hasSize(66).doesNotHaveDuplicates();
    }

    @Test
    void fifoMessageGroupsProceedIndependently() throws Exception {
        // keys: uniform(1) puts every message in message group 0; a second publication without key uses the
        // keyless group. Two groups, two instances: each group does 66 as above.
        String d = sqs(
                ", fifo: true" + LONG_POLL,
                RATE + "}, {channel: orders, message: M, rate: 10/s, keys: uniform(1)",
                2,
                "150ms",
                "");
        Runs r = run(d, "10.05s", "", "");
        assertThat(r.group("c").processed()).isEqualTo(132);
    }

    @Test
    void snsTopicFansOutToEverySubscribedQueue() throws Exception {
        // 100 messages on topic 'events' (0.1 .. 10.0 s) reach queues qa and qb: each owed 100 and processes the
        // 99 done by 10.005 s (10 ms each, the last at 10.01). 'lonely' has no queue: its 100 are lost (noSubscriber).
        String d =
                """
                eventflow: 1
                name: sns
                brokers: [{id: aws, kind: sqs}]
                messages: [{id: M, sizeBytes: 1024}]
                channels:
                  - {id: events, broker: aws, snsTopic: true, messages: [M]}
                  - {id: lonely, broker: aws, snsTopic: true, messages: [M]}
                  - {id: qa, broker: aws, snsTopics: [events], receiveWait: 20s, messages: [M]}
                  - {id: qb, broker: aws, snsTopics: events, receiveWait: 20s, messages: [M]}
                services:
                  - id: p
                    publishes:
                      - {channel: events, message: M, rate: 10/s}
                      - {channel: lonely, message: M, rate: 10/s}
                  - id: a
                    subscribes: [{channel: qa, processing: 10ms}]
                  - id: b
                    subscribes: [{channel: qb, processing: 10ms}]
                """;
        Runs r = run(d, "10.005s", "", "");
        assertThat(r.report.totals().published()).isEqualTo(200);
        for (String g : List.of("a", "b")) {
            assertThat(r.group(g).owed()).isEqualTo(100);
            assertThat(r.group(g).processed()).isEqualTo(99);
            assertThat(r.group(g).inFlight()).isEqualTo(1);
        }
        assertThat(r.report.lostByCause()).containsEntry("noSubscriber", 100L);
        assertThat(r.report.channels().get("qa").published()).isEqualTo(100); // SNS deliveries arrive on the queue
        assertThat(r.report.totals().lost()).isZero(); // owed to no group
    }

    @Test
    void retentionDeletesUnreceivedMessages() throws Exception {
        // c gone for good at 1.05 s; retention 60 s. Messages stored at 1.1 .. 10.0 s are deleted by 70.05 s
        // (stored + 60 <= 70.05): 90 expired; 10.1 .. 70.0 s (600) are still queued. Retention never dead-letters.
        Runs r = run(
                sqs(", messageRetention: 60s, deadLetter: dlq" + LONG_POLL, RATE, 1, "10ms", ""),
                "70.05s",
                "{at: 1.05s, kind: crash, target: c}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(10);
        assertThat(r.group("c").expired()).isEqualTo(90);
        assertThat(r.group("c").inFlight()).isEqualTo(600);
        assertThat(r.group("c").deadLettered()).isZero();
        assertThat(r.report.channels().get("orders").expired()).isEqualTo(90);
    }

    @Test
    void shortPollingMakesMessagesWaitForTheNextPoll() throws Exception {
        // p at 1/s (1.0 .. 10.0 s), 100 ms processing. Long polling: each message is received at once: 100 ms.
        // Short polling every 300 ms: c's empty receive at 0 sleeps: polls at 0.3, 0.6, 0.9, 1.2 -> message 1 waits
        // 200 ms; done at 1.3, the next receive is empty: polls at 1.6, 1.9, 2.2 -> again 200 ms; and so on: 300 ms.
        Runs longPoll = run(sqs(LONG_POLL, ", rate: 1/s", 1, "100ms", ""), "10.5s", "", "");
        assertThat(longPoll.report.latencyMs().mean()).isEqualTo(100.0);
        Runs shortPoll = run(sqs("", ", rate: 1/s", 1, "100ms", ", x-pollInterval: 300ms"), "10.5s", "", "");
        assertThat(shortPoll.group("c").processed()).isEqualTo(10);
        assertThat(shortPoll.report.latencyMs().mean()).isEqualTo(300.0);
    }

    @Test
    void aRegionalOutageFailsSendsAndDeletes() throws Exception {
        // broker-crash from 2.05 s to 3.05 s; p has no retry policy; visibility 1 s, 100 ms processing.
        // Sends of 2.1 .. 3.0 s fail: 10 lost (crash). The message of 2.0 s, received at 2.0, is done at 2.1 but its
        // delete fails (outage); it is visible again at 3.0 and received again when the region is back (3.05): one
        // duplicate. Then c runs 50 ms behind (100 ms per message, one every 100 ms): 3.1 .. 9.9 s are done by
        // 10.05 s (69), 10.0 s is in flight. Processed 20 (0.1 .. 2.0) + 69 = 89.
        Runs r = run(
                sqs(", visibilityTimeout: 1s" + LONG_POLL, RATE, 1, "100ms", ""),
                "10.05s",
                "{at: 2.05s, kind: broker-crash, target: aws, node: 0, restartAfter: 1s}",
                "");
        var g = r.group("c");
        assertThat(r.lost("c", "crash")).isEqualTo(10);
        assertThat(g.duplicates()).isEqualTo(1);
        assertThat(g.redelivered()).isEqualTo(1);
        assertThat(g.processed()).isEqualTo(89);
        assertThat(g.inFlight()).isEqualTo(1);
        assertThat(events(r, "redelivered")).singleElement().satisfies(l -> assertThat(field(l, "time"))
                .isEqualTo(3_050_000_000L));
    }

    @Test
    void twoServicesReadingOneQueueCompeteForItsMessages() throws Exception {
        // Services c and d both subscribe to 'orders': like SQS, they share the queue (one group, named after the
        // first subscription). Both wait (long polling) when each message arrives; the one waiting longest gets it
        // and queues up behind the other: they alternate, 50 each of the 100 messages, none processed twice.
        String d = sqs(LONG_POLL, RATE, 1, "10ms", "")
                + "  - id: d\n    subscribes: [{channel: orders, group: d, processing: 10ms}]\n";
        Runs r = run(d, "10.05s", "", "");
        assertThat(r.report.groups()).containsOnlyKeys("c");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").duplicates()).isZero();
        List<String> processed = events(r, "processed");
        assertThat(processed.stream().filter(l -> l.contains("\"element\":\"c#0\"")))
                .hasSize(50);
        assertThat(processed.stream().filter(l -> l.contains("\"element\":\"d#0\"")))
                .hasSize(50);
    }

    @Test
    void theRetentionFaultIsRefused() throws Exception {
        var d = Runs.design(sqs("", RATE, 1, "10ms", ""));
        assertThatThrownBy(() -> ScenarioReader.parse(
                        "s.yaml",
                        Runs.SCENARIO.formatted("10s", "{at: 1s, kind: retention, target: orders, maxBytes: 1KiB}", ""),
                        d))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("messageRetention");
    }
}
