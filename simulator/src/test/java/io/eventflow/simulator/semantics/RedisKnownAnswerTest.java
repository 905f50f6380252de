package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.RedisRuns.redis;
import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.UnsupportedDesignException;
import io.eventflow.simulator.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * Known answers for Redis Streams. p adds entry k (message id k-1, stream offset k-1) at k × 0.1 s; each consumer of
 * group c takes 10 ms per entry unless a test says otherwise. With two consumers, new entries go round robin to the
 * consumers waiting in XREADGROUP: entry 1 to c#0, entry 2 to c#1, ... (odd entries to c#0, even to c#1).
 */
class RedisKnownAnswerTest {
    static final String ACK = "delivery: at-least-once";
    /** c#0 dies at 2.105 s while processing entry 21 (delivered at 2.1 s, done at 2.11 s): unacked. */
    static final String CRASH_C0_DURING_21 = "{at: 2.105s, kind: crash, target: c, instance: 0}";

    @Test
    void steadyRunProcessesEverything() throws Exception {
        // 100 entries at 0.1..10.0 s, each done 10 ms later: all processed and acked by 10.05 s
        Runs r = run(redis("", 1, ACK), "10.05s", "", "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").inFlight()).isZero();
        assertThat(r.group("c").redelivered()).isZero();
    }

    @Test
    void crashedConsumersPendingEntryIsStuckForGoodWithoutClaim() throws Exception {
        // entry 21 stays in the PEL under c#0's name: no claimIdle, c#0 never returns, so nobody reads it again.
        // c#1 takes every later entry (22..100). processed = 20 + 79 = 99; in flight = 1 (pending)
        Runs r = run(redis("", 2, ACK), "10.05s", CRASH_C0_DURING_21, "");
        assertThat(r.group("c").processed()).isEqualTo(99);
        assertThat(r.group("c").inFlight()).isEqualTo(1);
        assertThat(r.group("c").lost()).isZero();
        assertThat(r.group("c").redelivered()).isZero();
    }

    @Test
    void restartedConsumerReReadsItsOwnPendingEntries() throws Exception {
        // c#0 is back at 3.105 s under the same name: XREADGROUP ... 0 returns entry 21 (delivery count 2) at once
        Runs r = run(
                redis("", 2, ACK), "10.05s", "{at: 2.105s, kind: crash, target: c, instance: 0, restartAfter: 1s}", "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").inFlight()).isZero();
        assertThat(r.trace).contains("{\"kind\":\"redelivered\",\"time\":3105000000,\"element\":\"c#0\"");
    }

    @Test
    void idleEntryIsClaimedByAnotherConsumerAfterExactlyClaimIdle() throws Exception {
        // entry 21 was delivered to c#0 at 2.1 s; idle 1 s at 3.1 s, when c#1 (idle since 3.01 s) runs XAUTOCLAIM.
        // The claim fires before the 3.1 s XADD of entry 31 (its timer was armed earlier), so entry 31 waits for
        // c#1 until 3.11 s. Everything processed, entry 21 once (c#0 never finished it): 1 redelivery, no duplicate
        Runs r = run(redis("", 2, ACK + ", claimIdle: 1s"), "10.05s", CRASH_C0_DURING_21, "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").inFlight()).isZero();
        assertThat(r.trace)
                .contains("{\"kind\":\"redelivered\",\"time\":3100000000,\"element\":\"c#1\",\"group\":\"c\","
                        + "\"partition\":0,\"offset\":20,\"messageId\":20");
    }

    @Test
    void eachClaimAddsADelivery() throws Exception {
        // three consumers: entry k goes to c#((k-1) mod 3), so entry 21 (id 20) to c#2, which dies at 2.105 s.
        // Afterwards even entries go to c#0 and odd ones to c#1. At 3.1 s the claim starts with c#1 (after c#0,
        // which took entry 30): delivery 2. c#1 dies at 3.105 s holding it; at 4.1 s c#0 claims it: delivery 3,
        // processed at 4.11 s. Two redeliveries, no duplicate, nothing left pending
        Runs r = run(
                redis("", 3, ACK + ", claimIdle: 1s"),
                "10.05s",
                "{at: 2.105s, kind: crash, target: c, instance: 2}, {at: 3.105s, kind: crash, target: c, instance: 1}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").redelivered()).isEqualTo(2);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").inFlight()).isZero();
        String prefix = "{\"kind\":\"redelivered\",\"time\":";
        String id20 = "\"group\":\"c\",\"partition\":0,\"offset\":20,\"messageId\":20";
        assertThat(r.trace).contains(prefix + "3100000000,\"element\":\"c#1\"," + id20);
        assertThat(r.trace).contains(prefix + "4100000000,\"element\":\"c#0\"," + id20);
    }

    @Test
    void claimingFromAConsumerStillProcessingGivesADuplicate() throws Exception {
        // c#0 is 200x slower from 2.05 s to 3.05 s: entry 21 (2.1 s) takes 2 s, to 4.1 s, and is not acked before.
        // At 3.1 s it is idle 1 s: c#1 claims it and processes it (3.1..3.11 s, first processing). c#0 finishes at
        // 4.1 s: a second processing of a processed entry, a duplicate; its XACK finds nothing pending.
        Runs r = run(
                redis("", 2, ACK + ", claimIdle: 1s"),
                "10.05s",
                "{at: 2.05s, kind: slow, target: c, instance: 0, factor: 200, for: 1s}",
                "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").duplicates()).isEqualTo(1);
        assertThat(r.group("c").inFlight()).isZero();
    }

    @Test
    void maxLenTrimsUnreadEntriesDuringAnOutage() throws Exception {
        // c (one consumer) is down 2.05..7.05 s, idle when it dies. MAXLEN 5: at 2.05 s the stream holds 16..20
        // (read). Entries 21..70 are added during the outage (50); each XADD trims the oldest: 16..20 (read: no
        // loss), then 21..65 unread: 45 lost (trimmed). At 7.05 s c reads 66..70, then 71..100 as they come.
        // processed = 20 + 5 + 30 = 55; 55 + 45 = 100. Trimmed in all: 100 added - 5 kept = 95.
        Runs r = run(
                redis(", maxLen: 5", 1, ACK), "10.05s", "{at: 2.05s, kind: crash, target: c, restartAfter: 5s}", "");
        assertThat(r.lost("c", "trimmed")).isEqualTo(45);
        assertThat(r.group("c").processed()).isEqualTo(55);
        assertThat(r.group("c").inFlight()).isZero();
        assertThat(r.report.channels().get("orders").evicted()).isEqualTo(95);
        assertThat(r.report.lostByCause().get("trimmed")).isEqualTo(45);
    }

    @Test
    void pendingEntryTrimmedBeforeItsClaimIsLost() throws Exception {
        // entry 21 pending under the dead c#0; MAXLEN 5 trims it when entry 26 is added (2.6 s). At 3.1 s c#1's
        // XAUTOCLAIM meets a deleted entry: removed from the PEL, nothing delivered: lost (trimmed) = 1.
        // processed = 99, and nothing stays pending
        Runs r = run(redis(", maxLen: 5", 2, ACK + ", claimIdle: 1s"), "10.05s", CRASH_C0_DURING_21, "");
        assertThat(r.lost("c", "trimmed")).isEqualTo(1);
        assertThat(r.group("c").processed()).isEqualTo(99);
        assertThat(r.group("c").redelivered()).isZero();
        assertThat(r.group("c").inFlight()).isZero();
    }

    @Test
    void trimmedPendingEntryStaysPendingWithoutClaimAndIsLostOnOwnReRead() throws Exception {
        // without claimIdle the trimmed entry 21 stays in the PEL: in flight (XPENDING lists it) although its data is
        // gone; when c#0 returns at 3.105 s, its XREADGROUP ... 0 gets the id without fields: acked, lost (trimmed)
        Runs stuck = run(redis(", maxLen: 5", 2, ACK), "10.05s", CRASH_C0_DURING_21, "");
        assertThat(stuck.group("c").inFlight()).isEqualTo(1);
        assertThat(stuck.lost("c", "trimmed")).isZero();
        Runs back = run(
                redis(", maxLen: 5", 2, ACK),
                "10.05s",
                "{at: 2.105s, kind: crash, target: c, instance: 0, restartAfter: 1s}",
                "");
        assertThat(back.lost("c", "trimmed")).isEqualTo(1);
        assertThat(back.group("c").processed()).isEqualTo(99);
        assertThat(back.group("c").inFlight()).isZero();
    }

    @Test
    void entryTrimmedWhileItsOwnerStillProcessesItIsNotLostByTheClaim() throws Exception {
        // c#0 takes entry 21 at 2.1 s and, 200x slower, needs to 4.1 s. MAXLEN 5 trims it at 2.6 s (entry 26 added).
        // At 3.1 s c#1's XAUTOCLAIM drops the deleted entry from the PEL, but c#0 still has its copy: it finishes at
        // 4.1 s (its XACK finds nothing). processed = 100, nothing lost, nothing redelivered
        String slow = "{at: 2.05s, kind: slow, target: c, instance: 0, factor: 200, for: 1s}";
        Runs r = run(redis(", maxLen: 5", 2, ACK + ", claimIdle: 1s"), "10.05s", slow, "");
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").lost()).isZero();
        assertThat(r.group("c").redelivered()).isZero();
        assertThat(r.trace).doesNotContain("\"cause\":\"trimmed\"");
        // if c#0 dies at 3.5 s instead, its copy was the last one anywhere: lost (trimmed) = 1, processed = 99
        Runs dies = run(
                redis(", maxLen: 5", 2, ACK + ", claimIdle: 1s"),
                "10.05s",
                slow + ", {at: 3.5s, kind: crash, target: c, instance: 0}",
                "");
        assertThat(dies.lost("c", "trimmed")).isEqualTo(1);
        assertThat(dies.group("c").processed()).isEqualTo(99);
        assertThat(dies.group("c").inFlight()).isZero();
    }

    @Test
    void noAckLosesWhatTheConsumerHeldOnACrash() throws Exception {
        // at-most-once reads with NOACK: entry 20 (2.0..2.01 s) is in no PEL when c dies at 2.005 s: lost (crash).
        // c is back at 3.005 s and reads 21..30 (added meanwhile), then the rest: processed = 99
        Runs r = run(
                redis("", 1, "delivery: at-most-once"),
                "10.05s",
                "{at: 2.005s, kind: crash, target: c, restartAfter: 1s}",
                "");
        assertThat(r.lost("c", "crash")).isEqualTo(1);
        assertThat(r.group("c").processed()).isEqualTo(99);
        assertThat(r.group("c").redelivered()).isZero();
        assertThat(r.group("c").inFlight()).isZero();
    }

    @Test
    void failedEntriesAreReReadFromThePelThenDeadLettered() throws Exception {
        // entries 31..40 (3.1..4.0 s) are poison. Each: attempt 1 fails, no XACK; after the 100 ms backoff c reads
        // it again from its PEL (delivery count 2), fails, again (3), fails: XADD to dlq + XACK.
        // retries = 2 × 10 = 20, redeliveries = 20, dead-lettered = 10; each takes 3 × 10 ms + 2 × 100 ms = 230 ms,
        // so the backlog is gone long before 10.05 s: processed = 90
        Runs r = run(
                redis("", 1, ACK + ", retry: {maxAttempts: 3, backoff: fixed, initial: 100ms}, deadLetter: dlq"),
                "10.05s",
                "{at: 3.05s, kind: poison, target: orders, percent: 100, for: 1s}",
                "");
        assertThat(r.group("c").retries()).isEqualTo(20);
        assertThat(r.group("c").redelivered()).isEqualTo(20);
        assertThat(r.group("c").deadLettered()).isEqualTo(10);
        assertThat(r.group("c").processed()).isEqualTo(90);
        assertThat(r.group("c").inFlight()).isZero();
        assertThat(r.report.channels().get("dlq").published()).isEqualTo(10);
    }

    @Test
    void replayToEarliestReadsTheStreamAgain() throws Exception {
        // XGROUP SETID c 0 at 5.05 s: entries 1..50 are read again (reprocessed, not duplicates); the new entries
        // 51..100 follow. The 50 re-reads take 0.5 s, far less than the time left
        Runs r = run(
                redis("", 1, ACK), "10.05s", "", "{at: 5.05s, kind: replay, group: c, channel: orders, to: earliest}");
        assertThat(r.group("c").reprocessed()).isEqualTo(50);
        assertThat(r.group("c").duplicates()).isZero();
        assertThat(r.group("c").processed()).isEqualTo(100);
        assertThat(r.group("c").inFlight()).isZero();
    }

    @Test
    void replayToATimeStartsAtTheFirstEntryAddedThen() throws Exception {
        // SETID to the first entry added at or after 3 s: entry 30; 30..50 are read again: 21 reprocessed
        Runs r = run(
                redis("", 1, ACK),
                "10.05s",
                "",
                "{at: 5.05s, kind: replay, group: c, channel: orders, to: time, time: 3s}");
        assertThat(r.group("c").reprocessed()).isEqualTo(21);
        assertThat(r.group("c").processed()).isEqualTo(100);
    }

    @Test
    void brokerCrashLosesTheWritesOfTheLastFsyncSecond() throws Exception {
        // c is down 2.55..5.0 s, so entries 26.. wait unread. The broker dies at 3.05 s (AOF, appendfsync everysec):
        // entries added after 2.05 s are not on disk; of them 26..30 were unread: lost (crash) = 5 (21..25 were
        // already processed). While it is down (to 4.05 s) the 10 XADDs of 3.1..4.0 s fail (no producer retries):
        // lost (crash) = 10. processed = 100 - 15 = 85
        String crashes = "{at: 2.55s, kind: crash, target: c, restartAfter: 2.45s},"
                + " {at: 3.05s, kind: broker-crash, target: redis, node: 0, restartAfter: 1s}";
        Runs r = run(redis("", 1, ACK), "10.05s", crashes, "");
        assertThat(r.lost("c", "crash")).isEqualTo(15);
        assertThat(r.group("c").processed()).isEqualTo(85);
        assertThat(r.group("c").inFlight()).isZero();
        // appendfsync always: only the refused XADDs are lost
        Runs always = run(redis(", x-appendfsync: always", "", 1, "10ms", ACK), "10.05s", crashes, "");
        assertThat(always.lost("c", "crash")).isEqualTo(10);
        assertThat(always.group("c").processed()).isEqualTo(90);
    }

    @Test
    void anXackLostWhileTheBrokerIsDownLeavesTheEntryPendingForAClaim() throws Exception {
        // appendfsync always (nothing added is lost). The broker is down 2.105..2.605 s: c#0 finishes entry 21 at
        // 2.11 s but its XACK fails, so entry 21 stays pending under c#0. The XADDs of 2.2..2.6 s fail (no producer
        // retries): lost (crash) = 5. At 3.1 s entry 21 is idle 1 s: c#1 claims it and processes it again, a
        // duplicate. processed = 100 - 5 = 95
        Runs r = run(
                redis(", x-appendfsync: always", "", 2, "10ms", ACK + ", claimIdle: 1s"),
                "10.05s",
                "{at: 2.105s, kind: broker-crash, target: redis, node: 0, restartAfter: 500ms}",
                "");
        assertThat(r.lost("c", "crash")).isEqualTo(5);
        assertThat(r.group("c").processed()).isEqualTo(95);
        assertThat(r.group("c").duplicates()).isEqualTo(1);
        assertThat(r.group("c").redelivered()).isEqualTo(1);
        assertThat(r.group("c").inFlight()).isZero();
    }

    @Test
    void unknownAppendfsyncIsRefusedNamingTheBroker() throws Exception {
        var d = Runs.design(redis(", x-appendfsync: sometimes", "", 1, "10ms", ACK));
        assertThatThrownBy(() -> Simulation.builder(d).build())
                .isInstanceOf(UnsupportedDesignException.class)
                .hasMessageContaining("broker 'redis'")
                .hasMessageContaining("sometimes");
    }

    @Test
    void retentionFaultIsRefusedOnAStreamNamingIt() throws Exception {
        var d = Runs.design(redis("", 1, ACK));
        String scenario =
                Runs.SCENARIO.formatted("5s", "{at: 1s, kind: retention, target: orders, maxBytes: 10KiB}", "");
        assertThatThrownBy(() -> ScenarioReader.parse("t.scenario.yaml", scenario, d))
                .hasMessageContaining("'orders' is a redis stream")
                .hasMessageContaining("maxLen");
    }
}
