package io.eventflow.simulator.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A producer's retries live in its memory: a crash of the producing instance loses the messages waiting for a retry
 * (before, they were sent again after the crash, by an instance that was no longer running).
 */
class ProducerRetryKnownAnswerTest {
    /** p at 10/s (0.1 s, 0.2 s, ...), retrying every 1 s up to 10 attempts. */
    private static final String DESIGN =
            Runs.amqp("", "all, retry: {maxAttempts: 10, backoff: fixed, initial: 1s}", "delivery: at-least-once");

    /** The broker is down from 0.95 s to 3 s. */
    private static final String BROKER_DOWN = "{at: 0.95s, kind: broker-crash, target: rabbit, restartAfter: 2.05s}";

    @Test
    void aCrashOfTheProducerLosesWhatWaitedForARetry() throws Exception {
        // published 0.1 .. 2.0 s: 20. The 9 of 0.1 .. 0.9 s are stored and processed; the 11 of 1.0 .. 2.0 s fail
        // (the broker is down) and wait 1 s for their retry (1.0 s's retry at 2.0 s fails again). p crashes at
        // 2.05 s (no restart): the 11 waiting are lost by the crash, none is sent again
        Runs r = Runs.run(DESIGN, "5s", BROKER_DOWN + ", {at: 2.05s, kind: crash, target: p, instance: 0}", "");
        assertThat(r.group("c").owed()).isEqualTo(20);
        assertThat(r.group("c").processed()).isEqualTo(9);
        assertThat(r.lost("c", "crash")).isEqualTo(11);
        assertThat(r.group("c").inFlight()).isZero();
    }

    @Test
    void withoutTheProducerCrashTheRetriesSpanTheOutage() throws Exception {
        // the same outage, p running: 0.1 .. 5.0 s = 50 published; each of the 11 of 1.0 .. 2.0 s is sent again
        // every second until the broker is back (the last at 3.0 .. 4.0 s), and the later ones as well: all 50
        // processed, none lost
        Runs r = Runs.run(DESIGN, "5.05s", BROKER_DOWN, "");
        assertThat(r.group("c").owed()).isEqualTo(50);
        assertThat(r.group("c").processed()).isEqualTo(50);
        assertThat(r.group("c").lost()).isZero();
    }
}
