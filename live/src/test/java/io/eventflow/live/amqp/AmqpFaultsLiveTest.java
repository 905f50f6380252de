package io.eventflow.live.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.run.LiveRun;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import io.eventflow.simulator.trace.TraceEvent;
import java.nio.file.Path;
import java.time.Duration;
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
    private static final Path REPO = Path.of(System.getProperty("eventflow.repo", ".."));

    @BeforeEach
    void needsRabbitMq() {
        LocalServerTests.requireProgram("rabbitmq-server", LocalRabbitMqServer.program());
    }

    private static Design faults() throws Exception {
        return DesignFiles.open(REPO.resolve("live/src/test/resources/faults/amqp-faults.eventflow.yaml"));
    }

    private static Scenario scenario(Design d, String faults) throws Exception {
        return ScenarioReader.parse("test.scenario.yaml", "eventflow-scenario: 1\nfaults:\n" + faults, d);
    }

    private static LiveResult run(Design d, Scenario s, int seconds, List<TraceEvent> events) throws Exception {
        LiveResult r = LiveRun.builder(d)
                .scenario(s)
                .seed(5)
                .duration(Duration.ofSeconds(seconds))
                .drain(Duration.ofSeconds(15))
                .trace(events::add)
                .build()
                .run();
        System.err.println(r.report().summaryTable());
        System.err.println(r.notes());
        return r;
    }

    private static void conserved(SimulationReport rep) {
        assertThat(rep.violations()).isEmpty();
        assertThat(rep.ok()).isTrue();
        rep.groups().values().forEach(g -> assertThat(g.owed())
                .as(g.group())
                .isEqualTo(g.processed() + g.lost() + g.deadLettered() + g.expired() + g.inFlight()));
    }

    @Test
    void latencyDelaysDeliveriesAndAPartitionHoldsPublishesUntilItEndsLosingNothing() throws Exception {
        Design d = faults();
        // every delivery to the receiver crosses rabbit -> receiver 300 ms late (± 0); bulk-sender's link is cut
        // from 1 s to 3 s: its publishes wait in the proxy (TCP back-pressure) and are confirmed when it ends
        Scenario s = scenario(
                d,
                "  - {at: 0s, kind: latency, link: [rabbit, receiver], delay: 300ms, jitter: 0ms}\n"
                        + "  - {at: 1s, kind: partition, between: [bulk-sender, rabbit], for: 2s}\n");
        LiveResult r = run(d, s, 4, new CopyOnWriteArrayList<>());
        SimulationReport rep = r.report();
        conserved(rep);
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
        Design d = faults();
        // 30 % of the chunks bulk-sender writes reset its connection, and 30 % of the chunks the broker sends to the
        // receiver, for 2 s. Unconfirmed publishes of a reset connection fail (RabbitMQ producers here do not send
        // again): lost 'network', unless the broker had stored them. The receiver's unacked deliveries are requeued
        // with its connection and delivered again when it connects again: nothing is lost.
        Scenario s = scenario(
                d,
                "  - {at: 500ms, kind: drop, link: [bulk-sender, rabbit], percent: 30, for: 2s}\n"
                        + "  - {at: 500ms, kind: drop, link: [rabbit, receiver], percent: 30, for: 2s}\n");
        LiveResult r = run(d, s, 4, new CopyOnWriteArrayList<>());
        SimulationReport rep = r.report();
        conserved(rep);
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
        Design d = faults();
        // the node is killed (SIGKILL) at 2.5 s and started again 2 s later on its data (about 5 s to start). Not
        // earlier: a queue declared within about 2 s of a SIGKILL was once gone after the restart (RabbitMQ writes its
        // definitions lazily), and the run declares its queues just before publishing starts
        Scenario s = scenario(d, "  - {at: 2500ms, kind: broker-crash, target: rabbit, node: 0, restartAfter: 2s}\n");
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        LiveResult r = run(d, s, 13, events);
        SimulationReport rep = r.report();
        conserved(rep);
        assertThat(r.notes()).noneMatch(n -> n.startsWith("restart of") || n.startsWith("broker-crash of"));
        long restartAt = events.stream()
                .filter(e -> e instanceof TraceEvent.FaultEnded f && f.fault().equals("broker-crash"))
                .mapToLong(TraceEvent::time)
                .findFirst()
                .orElseThrow();
        for (GroupReport g : rep.groups().values()) {
            // publishes that failed while the node was down are 'crash'; a confirmed message is durable and
            // persistent, so it survives the kill: nothing is lost that no client saw fail
            assertThat(g.lostByCause().get("crash")).as(g.group()).isPositive();
            assertThat(g.lost()).as(g.group()).isEqualTo(g.lostByCause().get("crash"));
            assertThat(g.lostByCause().getOrDefault("unknown", 0L))
                    .as(g.group())
                    .isZero();
            // producers and consumers came back: messages published after the restart were processed
            assertThat(events.stream()
                            .filter(e -> e instanceof TraceEvent.Processed p
                                    && p.group().equals(g.group())
                                    && p.time() > restartAt))
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
