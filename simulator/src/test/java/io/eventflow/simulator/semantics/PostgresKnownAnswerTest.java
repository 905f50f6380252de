package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Known answers for Postgres LISTEN/NOTIFY: p sends a NOTIFY at 0.1, 0.2, ... s (constant 10/s); the listeners of
 * service c take {@code processing} per notification. Links are instantaneous, so a notification sent (committed)
 * at t reaches every listening session at t.
 */
class PostgresKnownAnswerTest {
    static final String DESIGN =
            """
            eventflow: 1
            name: pg
            brokers: [{id: pg, kind: postgres}]
            messages: [{id: M, sizeBytes: 200}]
            channels:
              - {id: jobs, broker: pg, messages: [M]}
            services:
              - id: p
                publishes: [{channel: jobs, message: M, rate: %s, arrival: constant%s}]
              - id: c
                instances: %d
                subscribes:
                  - {channel: jobs, group: c, processing: %s}
            """;

    static String design(String pubExtra, int instances, String processing) {
        return DESIGN.formatted("10/s", pubExtra, instances, processing);
    }

    @Test
    void everythingSentWhileTheListenerIsDownIsMissed() throws Exception {
        // c is down 2.05 .. 3.05 s: the 10 notifications of 2.1, 2.2, ..., 3.0 s reach no session (notListening).
        // The other 90 (0.1..2.0 s: 20, 3.1..10.0 s: 70) are processed. Nothing was in flight at 2.05 s: the 2.0 s
        // notification was done at 2.01 s.
        Runs r = run(design("", 1, "10ms"), "10.05s", "{at: 2.05s, kind: crash, target: c, restartAfter: 1s}", "");
        assertThat(r.lost("c", "notListening")).isEqualTo(10);
        assertThat(r.group("c").processed()).isEqualTo(90);
        assertThat(r.group("c").owed()).isEqualTo(100);
        assertThat(r.group("c").lost()).isEqualTo(10);
    }

    @Test
    void aBusyListenerStillReceivesButLosesItsBufferOnACrash() throws Exception {
        // 200 ms per notification, one every 100 ms: the connection buffer grows. Processing runs back to back
        // from 0.1 s, so the k-th (k = 1, 2, ...) is done at 0.1 + 0.2 k s; by the crash at 5.05 s: k <= 24.75,
        // 24 processed. Received by then: 0.1..5.0 s = 50, so 26 die with the session (1 in processing + 25
        // buffered, cause crash). 5.1..10.0 s (50) reach nobody (notListening). 24 + 26 + 50 = 100.
        Runs r = run(design("", 1, "200ms"), "10.05s", "{at: 5.05s, kind: crash, target: c}", "");
        assertThat(r.group("c").processed()).isEqualTo(24);
        assertThat(r.lost("c", "crash")).isEqualTo(26);
        assertThat(r.lost("c", "notListening")).isEqualTo(50);
        assertThat(r.group("c").inFlight()).isZero();
    }

    @Test
    void everyListeningInstanceGetsItsOwnCopy() throws Exception {
        // LISTEN is a broadcast, not a competing consumer: 3 sessions each get all 100 notifications. The group
        // owes each once: 100 processed, the other 2 copies of each are duplicates (200); 300 deliveries.
        Runs r = run(design("", 3, "10ms"), "10.05s", "", "");
        assertThat(r.group("c").owed()).isEqualTo(100);
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").duplicates()).isEqualTo(200);
        assertThat(r.group("c").delivered()).isEqualTo(300);
    }

    @Test
    void oneSessionDownStillLeavesTheOthers() throws Exception {
        // instance 0 is down 2.05 .. 3.05 s; instances 1 and 2 still listen: nothing is lost for the group, the
        // 10 notifications of 2.1..3.0 s get 2 copies instead of 3: duplicates 200 - 10 = 190
        Runs r = run(
                design("", 3, "10ms"),
                "10.05s",
                "{at: 2.05s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").lost()).isZero();
        assertThat(r.group("c").duplicates()).isEqualTo(190);
    }

    @Test
    void aTransactionDelaysDeliveryToItsCommit() throws Exception {
        // commit 500 ms after each NOTIFY: delivered at t + 0.5 s, done at t + 0.51 s, so every latency is exactly
        // 510 ms. Sent 0.1..9.5 s: committed by 10.0 s, processed (95); 9.6..10.0 s (5) still uncommitted: in flight
        Runs r = run(design(", transaction: 500ms", 1, "10ms"), "10.05s", "", "");
        assertThat(r.group("c").processed()).isEqualTo(95);
        assertThat(r.group("c").inFlight()).isEqualTo(5);
        assertThat(r.report.latencyMs().mean()).isCloseTo(510.0, within(1e-6));
        assertThat(r.report.latencyMs().max()).isCloseTo(510.0, within(5.1)); // histogram: 2 significant digits
    }

    @Test
    void aListenerBackBeforeTheCommitGetsTheNotification() throws Exception {
        // commit 500 ms later; c down 2.05 .. 3.05 s. Delivered (committed) while down: those sent at 1.6..2.5 s
        // (commits 2.1..3.0 s), 10 missed. Sent at 2.6..3.0 s while c was down commit at 3.1..3.5 s: received.
        Runs r = run(
                design(", transaction: 500ms", 1, "10ms"),
                "10.05s",
                "{at: 2.05s, kind: crash, target: c, restartAfter: 1s}",
                "");
        assertThat(r.lost("c", "notListening")).isEqualTo(10);
        assertThat(r.group("c").processed()).isEqualTo(85); // 95 committed by 10.0 s, minus 10
    }

    @Test
    void rolledBackTransactionsNeverDeliver() throws Exception {
        // rollbackPercent 100: all 95 committed-or-rolled-back by 10.0 s roll back (counted lost: rollback)
        Runs all = run(design(", transaction: 500ms, rollbackPercent: 100", 1, "10ms"), "10.05s", "", "");
        assertThat(all.lost("c", "rollback")).isEqualTo(95);
        assertThat(all.group("c").processed()).isZero();
        assertThat(all.group("c").inFlight()).isEqualTo(5);
        // rollbackPercent 0: none
        Runs none = run(design(", transaction: 500ms, rollbackPercent: 0", 1, "10ms"), "10.05s", "", "");
        assertThat(none.lost("c", "rollback")).isZero();
        assertThat(none.group("c").processed()).isEqualTo(95);
    }

    @Test
    void rollbackShareIsBinomial() throws Exception {
        // 100/s (NOTIFY k at 0.01 k s), a 100 ms transaction, 1 ms processing, run to 100.005 s: 10 000 sent;
        // k <= 9 990 are committed (or rolled back) and processed by 0.01 k + 0.101 <= 100.005 s; the last 10
        // are still open. 25 % roll back: mean 2 497.5, sd sqrt(9 990 * 0.25 * 0.75) = 43.3; allow 5 sd (217)
        String yaml = DESIGN.formatted("100/s", ", transaction: 100ms, rollbackPercent: 25", 1, "1ms");
        Runs r = run(yaml, "100.005s", "", "");
        long rolledBack = r.lost("c", "rollback");
        assertThat(rolledBack).isBetween(2497L - 217, 2498L + 217);
        assertThat(r.group("c").processed()).isEqualTo(9_990 - rolledBack);
        assertThat(r.group("c").inFlight()).isEqualTo(10);
        // the same seed rolls back the same transactions
        assertThat(run(yaml, "100.005s", "", "").lost("c", "rollback")).isEqualTo(rolledBack);
    }

    @Test
    void aSenderCrashAbortsItsOpenTransactions() throws Exception {
        // p crashes at 3.05 s for good; its transactions of 2.6..3.0 s (commits due 3.1..3.5 s) abort: 5 lost
        // (crash). 0.1..2.5 s committed by 3.0 s: 25 processed.
        Runs r = run(design(", transaction: 500ms", 1, "10ms"), "10.05s", "{at: 3.05s, kind: crash, target: p}", "");
        assertThat(r.lost("c", "crash")).isEqualTo(5);
        assertThat(r.group("c").processed()).isEqualTo(25);
    }

    @Test
    void aSenderThatRestartsBeforeTheCommitStillLosesItsTransactions() throws Exception {
        // p crashes at 3.05 s and is back at 3.15 s (its session is a new one), restarting its clock: NOTIFYs at
        // 3.25, 3.35, ... The transactions of 2.6..3.0 s (5) died with the old session, before their commits.
        // A rate change at 5.05 s (same 10/s) restarts the clock too but is no crash: nothing more is lost.
        Runs r = run(
                design(", transaction: 500ms", 1, "10ms"),
                "10.05s",
                "{at: 3.05s, kind: crash, target: p, restartAfter: 100ms}",
                "{at: 5.05s, kind: rate, target: p, channel: jobs, rate: 10/s}");
        assertThat(r.lost("c", "crash")).isEqualTo(5);
        assertThat(r.group("c").lost()).isEqualTo(5);
    }

    @Test
    void aServerCrashAbortsOpenTransactionsAndRefusesNotifies() throws Exception {
        // server down 3.05 .. 4.05 s. Open at 3.05 s: sent 2.6..3.0 s (5) abort (crash). NOTIFYs at 3.1..4.0 s
        // fail (10; the producer does not retry: crash). Total 15 lost; 100 - 15 - 5 still open at the end = 80
        Runs r = run(
                design(", transaction: 500ms", 1, "10ms"),
                "10.05s",
                "{at: 3.05s, kind: broker-crash, target: pg, node: 0, restartAfter: 1s}",
                "");
        assertThat(r.lost("c", "crash")).isEqualTo(15);
        assertThat(r.group("c").processed()).isEqualTo(80);
        assertThat(r.group("c").inFlight()).isEqualTo(5);
    }

    @Test
    void aPartitionedListenerMissesNotifications() throws Exception {
        // pg | c cut 2.05 .. 3.05 s: the session hears nothing of 2.1..3.0 s (10)
        Runs r = run(design("", 1, "10ms"), "10.05s", "{at: 2.05s, kind: partition, between: [pg, c], for: 1s}", "");
        assertThat(r.lost("c", "notListening")).isEqualTo(10);
        assertThat(r.group("c").processed()).isEqualTo(90);
    }

    @Test
    void identicalNotifiesInOneTransactionAreFolded() throws Exception {
        // every NOTIFY is sent twice (duplicate 100 % on p -> pg; the copy arrives at the same instant). Inside an
        // open transaction Postgres folds the copy: 95 committed by 10.0 s, no duplicate. Without a transaction
        // each copy is its own NOTIFY: 100 notifications, each delivered twice: 100 duplicates.
        String dup = "{at: 0s, kind: duplicate, link: [p, pg], percent: 100}";
        Runs folded = run(design(", transaction: 500ms", 1, "10ms"), "10.05s", dup, "");
        assertThat(folded.group("c").processed()).isEqualTo(95);
        assertThat(folded.group("c").duplicates()).isZero();
        Runs twice = run(design("", 1, "10ms"), "10.05s", dup, "");
        assertThat(twice.group("c").processed()).isEqualTo(100);
        assertThat(twice.group("c").duplicates()).isEqualTo(100);
    }

    @Test
    void aDeadLetterSentWhileTheServerIsDownIsLost() throws Exception {
        // every notification is poison, one attempt, dead-lettered to the postgres channel dlq (listened to by d).
        // c takes 200 ms each, so it works through its connection buffer while the server is down (2.05 .. 3.05
        // s): its k-th notification fails at 0.1 + 0.2 k s; k = 10..14 (2.1, 2.3, ..., 2.9 s) fail while the
        // server is down, so their dead-letter NOTIFYs are refused: 5 lost for d (crash)
        String yaml = design("", 1, "200ms")
                        .replace("processing: 200ms", "processing: 200ms, deadLetter: dlq")
                        .replace("channels:\n", "channels:\n  - {id: dlq, broker: pg, messages: [M]}\n")
                + "  - id: d\n    subscribes: [{channel: dlq, group: d, processing: 1ms}]\n";
        Runs r = run(
                yaml,
                "10.05s",
                "{at: 0s, kind: poison, target: jobs, percent: 100},"
                        + " {at: 2.05s, kind: broker-crash, target: pg, node: 0, restartAfter: 1s}",
                "");
        assertThat(r.lost("d", "crash")).isEqualTo(5);
    }

    @Test
    void faultsAboutStoredMessagesAreRefusedClearly() throws Exception {
        var d = Runs.design(design("", 1, "10ms"));
        String text =
                """
                eventflow-scenario: 1
                duration: 10s
                faults: [{at: 1s, kind: retention, target: jobs, maxBytes: 1000}]
                actions: [{at: 2s, kind: redrive, from: jobs, to: jobs}]
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> io.eventflow.simulator.scenario.ScenarioReader.parse("t.scenario.yaml", text, d))
                .hasMessageContaining("a retention limit needs stored messages; 'jobs' is a postgres")
                .hasMessageContaining("a redrive needs stored messages");
    }
}
