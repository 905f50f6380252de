package io.eventflow.live.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.run.LiveRun;
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
import org.junit.jupiter.api.Test;

/**
 * Network faults and node crashes on embedded Kafka, through the fault proxy the run puts between each service and
 * the brokers. Each run starts its own cluster (the proxy's listeners are part of the brokers' configuration), so the
 * tests are few and short; they check what must hold whatever the machine's speed.
 */
class KafkaFaultsLiveTest {
    private static final Path REPO = Path.of(System.getProperty("eventflow.repo", ".."));

    private static Design faults() throws Exception {
        return DesignFiles.open(REPO.resolve("live/src/test/resources/faults/faults.eventflow.yaml"));
    }

    private static Scenario scenario(Design d, String faults) throws Exception {
        return ScenarioReader.parse("test.scenario.yaml", "eventflow-scenario: 1\nfaults:\n" + faults, d);
    }

    private static void conserved(SimulationReport rep) {
        assertThat(rep.violations()).isEmpty();
        assertThat(rep.ok()).isTrue();
        rep.groups().values().forEach(g -> assertThat(g.owed())
                .isEqualTo(g.processed() + g.lost() + g.deadLettered() + g.expired() + g.inFlight()));
    }

    @Test
    void latencyOnTheBrokerToReceiverLinkShowsInTheLiveLatency() throws Exception {
        Design d = faults();
        // every delivery to the receiver crosses kafka -> receiver 400 ms late (± 0): none is faster than that
        Scenario s = scenario(d, "  - {at: 0s, kind: latency, link: [kafka, receiver], delay: 400ms, jitter: 0ms}\n");
        LiveResult r = LiveRun.builder(d)
                .scenario(s)
                .seed(5)
                .duration(Duration.ofSeconds(3))
                .build()
                .run();
        SimulationReport rep = r.report();
        conserved(rep);
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
        Design d = faults();
        // acks all with 5 attempts and a 30 s delivery timeout: a 2 s partition buffers the sends, none fails
        Scenario s = scenario(d, "  - {at: 1s, kind: partition, between: [sender, kafka], for: 2s}\n");
        LiveResult r = LiveRun.builder(d)
                .scenario(s)
                .seed(5)
                .duration(Duration.ofSeconds(4))
                .build()
                .run();
        SimulationReport rep = r.report();
        conserved(rep);
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
        Design d = faults();
        // 30 % of the chunks each sender writes reset its connection for 2 s: sender retries (5 attempts),
        // bulk-sender has no retry policy (retries 0), so a produce request on a reset connection fails for good
        Scenario s = scenario(
                d,
                "  - {at: 500ms, kind: drop, link: [sender, kafka], percent: 30, for: 2s}\n"
                        + "  - {at: 500ms, kind: drop, link: [bulk-sender, kafka], percent: 30, for: 2s}\n");
        LiveResult r = LiveRun.builder(d)
                .scenario(s)
                .seed(5)
                .duration(Duration.ofSeconds(3))
                .build()
                .run();
        SimulationReport rep = r.report();
        conserved(rep);
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
        Design d = DesignFiles.open(REPO.resolve("assets/samples/order-pipeline.eventflow.yaml"));
        Scenario s = scenario(d, "  - {at: 1s, kind: broker-crash, target: kafka, node: 0, restartAfter: 4s}\n");
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        LiveResult r = LiveRun.builder(d)
                .scenario(s)
                .seed(11)
                .duration(Duration.ofSeconds(7))
                .drain(Duration.ofSeconds(20))
                .trace(events::add)
                .build()
                .run();
        SimulationReport rep = r.report();
        conserved(rep);
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
        long crashAt = events.stream()
                .filter(e -> e instanceof TraceEvent.FaultStarted f && f.fault().equals("broker-crash"))
                .mapToLong(TraceEvent::time)
                .findFirst()
                .orElseThrow();
        long restartAt = events.stream()
                .filter(e -> e instanceof TraceEvent.FaultEnded f && f.fault().equals("broker-crash"))
                .mapToLong(TraceEvent::time)
                .findFirst()
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
