package io.eventflow.live.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.server.FaultRun;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Network faults (through the fault proxy) and a node crash on the private RabbitMQ node a run starts. Each run
 * starts its own node (about 5 s), so the tests are few and short; they check what must hold whatever the machine's
 * speed.
 */
class AmqpFaultsLiveTest {
    @BeforeEach
    void needsRabbitMq() {
        LocalServerTests.requireProgram("rabbitmq-server", LocalRabbitMqServer.program());
    }

    private static LiveResult run(String faults, int seconds, List<TraceEvent> events) throws Exception {
        return FaultRun.of(FaultRun.design("amqp-faults"))
                .faults(faults)
                .seconds(seconds)
                .drainSeconds(15)
                .trace(events)
                .run();
    }

    @Test
    void latencyDelaysDeliveriesAndAPartitionHoldsPublishesUntilItEndsLosingNothing() throws Exception {
        // every delivery to the receiver crosses rabbit -> receiver 300 ms late (± 0); bulk-sender's link is cut
        // from 1 s to 3 s: its publishes wait in the proxy (TCP back-pressure) and are confirmed when it ends
        LiveResult r = run(
                "  - {at: 0s, kind: latency, link: [rabbit, receiver], delay: 300ms, jitter: 0ms}\n"
                        + "  - {at: 1s, kind: partition, between: [bulk-sender, rabbit], for: 2s}\n",
                4,
                new CopyOnWriteArrayList<>());
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
        GroupReport receiver = rep.groups().get("receiver");
        assertThat(receiver.owed()).isPositive();
        assertThat(receiver.lost()).isZero();
        assertThat(receiver.processed()).isEqualTo(receiver.owed());
        assertThat(receiver.latencyMs().p50()).isGreaterThanOrEqualTo(300);
        GroupReport bulk = rep.groups().get("bulk-reader");
        // constant 25/s for 4 s: at most 101 sends, none failed (a 2 s stall is far inside every timeout: the
        // negotiated heartbeat is 60 s)
        assertThat(bulk.owed()).isPositive().isLessThanOrEqualTo(101);
        assertThat(bulk.lost()).isZero();
        assertThat(bulk.processed()).isEqualTo(bulk.owed());
        // a message published as the partition began waited for its end: 2 s, less the 40 ms between sends
        assertThat(bulk.latencyMs().max()).isGreaterThanOrEqualTo(1500);
        assertThat(r.notes())
                .anyMatch(n -> n.contains("receiver, bulk-sender through the fault proxy")
                        || n.contains("bulk-sender, receiver through the fault proxy"));
    }

    @Test
    void dropResetsConnectionsPublishesFailAsNetworkAndConsumersComeBackLosingNothing() throws Exception {
        // 30 % of the chunks bulk-sender writes reset its connection, and 30 % of the chunks the broker sends to the
        // receiver, for 2 s. Unconfirmed publishes of a reset connection fail (RabbitMQ producers here do not send
        // again): lost 'network', unless the broker had stored them. The receiver's unacked deliveries are requeued
        // with its connection and delivered again when it connects again: nothing is lost.
        LiveResult r = run(
                "  - {at: 500ms, kind: drop, link: [bulk-sender, rabbit], percent: 30, for: 2s}\n"
                        + "  - {at: 500ms, kind: drop, link: [rabbit, receiver], percent: 30, for: 2s}\n",
                4,
                new CopyOnWriteArrayList<>());
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
        GroupReport bulk = rep.groups().get("bulk-reader");
        assertThat(bulk.owed()).isPositive();
        // every loss is a send the producer saw fail: cause network, none unknown
        assertThat(bulk.lostByCause().get("network")).isPositive();
        assertThat(bulk.lost()).isEqualTo(bulk.lostByCause().get("network"));
        assertThat(bulk.processed() + bulk.inFlight()).isEqualTo(bulk.owed() - bulk.lost());
        // the channel counts what the broker confirmed, all of it processed; a failed send may still have been
        // stored (the reset came after the publish crossed, before its confirm): then it is processed, not lost
        long confirmed = rep.channels().get("bulk").published();
        assertThat(confirmed).isLessThan(bulk.owed());
        assertThat(bulk.processed()).isGreaterThanOrEqualTo(confirmed);
        GroupReport receiver = rep.groups().get("receiver");
        assertThat(receiver.owed()).isPositive();
        assertThat(receiver.lost()).isZero();
        assertThat(receiver.processed() + receiver.inFlight()).isEqualTo(receiver.owed());
    }

    @Test
    void aNodeCrashKeepsWhatItStoredFailsPublishesAsCrashAndTheClientsReconnect() throws Exception {
        // the node is killed (SIGKILL) at 2.5 s and started again 2 s later on its data (about 5 s to start). Not
        // earlier: a queue declared within about 2 s of a SIGKILL was once gone after the restart (RabbitMQ writes its
        // definitions lazily), and the run declares its queues just before publishing starts
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        LiveResult r =
                run("  - {at: 2500ms, kind: broker-crash, target: rabbit, node: 0, restartAfter: 2s}\n", 13, events);
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
        assertThat(r.notes()).noneMatch(n -> n.startsWith("restart of") || n.startsWith("broker-crash of"));
        long restartAt = FaultRun.faultEnded(events, "broker-crash").orElseThrow();
        for (GroupReport g : rep.groups().values()) {
            // publishes that failed while the node was down are 'crash'; a confirmed message is durable and
            // persistent, so it survives the kill: nothing is lost that no client saw fail
            assertThat(g.lostByCause().get("crash")).as(g.group()).isPositive();
            assertThat(g.lost()).as(g.group()).isEqualTo(g.lostByCause().get("crash"));
            assertThat(g.lostByCause().getOrDefault("unknown", 0L))
                    .as(g.group())
                    .isZero();
            // producers and consumers came back: messages published after the restart were processed
            assertThat(FaultRun.processedAfter(events, g.group(), restartAt))
                    .as(g.group())
                    .isNotEmpty();
        }
        // the backlog queue held stored and unacked messages at the crash: they came back after the restart,
        // the unacked ones redelivered
        GroupReport backlog = rep.groups().get("backlog-reader");
        assertThat(backlog.processed() + backlog.inFlight()).isEqualTo(backlog.owed() - backlog.lost());
        LocalServerTests.assertNoChildNamed("beam.smp");
    }
}
