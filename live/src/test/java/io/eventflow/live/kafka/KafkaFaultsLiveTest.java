package io.eventflow.live.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.server.FaultRun;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Network faults and node crashes on embedded Kafka, through the fault proxy the run puts between each service and
 * the brokers. Each run starts its own cluster (the proxy's listeners are part of the brokers' configuration), so the
 * tests are few and short; they check what must hold whatever the machine's speed.
 */
class KafkaFaultsLiveTest {
    private static LiveResult run(String faults, int seconds) throws Exception {
        return FaultRun.of(FaultRun.design("faults"))
                .faults(faults)
                .seconds(seconds)
                .run();
    }

    @Test
    void latencyOnTheBrokerToReceiverLinkShowsInTheLiveLatency() throws Exception {
        // every delivery to the receiver crosses kafka -> receiver 400 ms late (± 0): none is faster than that
        LiveResult r = run("  - {at: 0s, kind: latency, link: [kafka, receiver], delay: 400ms, jitter: 0ms}\n", 3);
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
        GroupReport g = rep.groups().get("receiver");
        assertThat(g.owed()).isPositive();
        assertThat(g.lost()).isZero();
        assertThat(g.processed()).isEqualTo(g.owed());
        assertThat(g.latencyMs().p50()).isGreaterThanOrEqualTo(400);
        assertThat(rep.latencyMs().mean()).isGreaterThanOrEqualTo(400);
        assertThat(r.notes()).anyMatch(n -> n.contains("receiver through the fault proxy"));
    }

    @Test
    void partitionBetweenSenderAndBrokerHoldsItsSendsUntilItEndsAndLosesNothing() throws Exception {
        // acks all with 5 attempts and a 30 s delivery timeout: a 2 s partition buffers the sends, none fails
        LiveResult r = run("  - {at: 1s, kind: partition, between: [sender, kafka], for: 2s}\n", 4);
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
        GroupReport g = rep.groups().get("receiver");
        // constant 50/s for 4 s: sends at 0, 20 ms, ..., 4 s = at most 201 (fewer on a loaded machine, never none),
        // each acknowledged once it crossed
        assertThat(g.owed()).isPositive().isLessThanOrEqualTo(201);
        assertThat(g.lost()).isZero();
        assertThat(g.processed()).isEqualTo(g.owed());
        // a message published as the partition began waited for its end: 2 s, less the 20 ms between sends
        assertThat(g.latencyMs().max()).isGreaterThanOrEqualTo(1500);
    }

    @Test
    void dropResetsConnectionsAndSendsAreRetriedOrLostAsTheProducersRetriesSay() throws Exception {
        // 30 % of the chunks each sender writes reset its connection for 2 s: sender retries (5 attempts),
        // bulk-sender has no retry policy (retries 0), so a produce request on a reset connection fails for good
        LiveResult r = run(
                "  - {at: 500ms, kind: drop, link: [sender, kafka], percent: 30, for: 2s}\n"
                        + "  - {at: 500ms, kind: drop, link: [bulk-sender, kafka], percent: 30, for: 2s}\n",
                3);
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
        GroupReport retried = rep.groups().get("receiver");
        assertThat(retried.owed()).isPositive();
        assertThat(retried.lost()).isZero();
        GroupReport bulk = rep.groups().get("bulk-reader");
        // every loss is a send the producer saw fail: cause network, none unknown
        assertThat(bulk.lostByCause().get("network")).isPositive();
        assertThat(bulk.lost()).isEqualTo(bulk.lostByCause().get("network"));
        assertThat(bulk.processed() + bulk.inFlight()).isEqualTo(bulk.owed() - bulk.lost());
        // the channel counts what the broker acknowledged, all of it processed; a send that failed may still have
        // been stored (the reset came after its request crossed, before its answer): then it is processed, not lost
        long acked = rep.channels().get("bulk").published();
        assertThat(acked).isLessThan(bulk.owed());
        assertThat(bulk.processed()).isGreaterThanOrEqualTo(acked);
        assertThat(bulk.lost()).isLessThanOrEqualTo(bulk.owed() - acked);
    }

    @Test
    void aNodeCrashUnderAcksAllOnThreeNodesLosesNothingAndTheGroupKeepsConsuming() throws Exception {
        // the order pipeline: 3 nodes, every topic replicated 3 times with min.insync 2, checkout acks all
        // (idempotent, 5 attempts); node 0 crashes at 1 s and comes back at 5 s
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        LiveResult r = FaultRun.of(LocalServerTests.sample("order-pipeline"))
                .faults("  - {at: 1s, kind: broker-crash, target: kafka, node: 0, restartAfter: 4s}\n")
                .seed(11)
                .seconds(7)
                .drainSeconds(20)
                .trace(events)
                .run();
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
        assertThat(r.notes()).noneMatch(n -> n.startsWith("restart of") || n.startsWith("broker-crash of"));
        GroupReport billing = rep.groups().get("billing");
        assertThat(billing.owed()).isPositive();
        assertThat(billing.lost()).isZero();
        // billing publishes invoices with the default acks 1 and no retries: a send that fails while the node is
        // down is lost by 'crash' (billing saw it fail); a leader's acknowledged writes that no follower had yet are
        // gone with it and no client sees it: 'unknown', with a note, never a guessed cause
        rep.groups().values().forEach(g -> assertThat(g.lost())
                .as(g.group())
                .isEqualTo(g.lostByCause().get("crash") + g.lostByCause().getOrDefault("unknown", 0L)));
        if (rep.lostByCause().getOrDefault("unknown", 0L) > 0) {
            assertThat(r.notes()).anyMatch(n -> n.contains("the crash of 'kafka' node 0 may explain them"));
        }
        assertThat(billing.processed() + billing.inFlight()).isEqualTo(billing.owed());
        long crashAt = FaultRun.faultStarted(events, "broker-crash").orElseThrow();
        long restartAt = FaultRun.faultEnded(events, "broker-crash")
                .orElse(Long.MAX_VALUE); // a loaded machine may take longer to start the node again
        // after failover, before the node is back, billing processed orders published after the crash
        long idsBefore = events.stream()
                .filter(e -> e instanceof TraceEvent.Published p && p.time() < crashAt)
                .mapToLong(e -> ((TraceEvent.Published) e).messageId())
                .max()
                .orElse(-1);
        assertThat(events.stream()
                        .filter(e -> e instanceof TraceEvent.Processed p
                                && p.group().equals("billing")
                                && p.time() > crashAt
                                && p.time() < restartAt
                                && p.messageId() > idsBefore))
                .isNotEmpty();
    }
}
