package io.eventflow.live.redis;

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
 * Network faults (through the fault proxy) and a crash of the private redis-server a run starts (with its append-only
 * file, appendfsync everysec). Checks what must hold whatever the machine's speed.
 */
class RedisFaultsLiveTest {
    private static final Path REPO = Path.of(System.getProperty("eventflow.repo", ".."));

    @BeforeEach
    void needsRedis() {
        LocalServerTests.requireProgram("redis-server", LocalRedisServer.program());
    }

    private static Design faults() throws Exception {
        return DesignFiles.open(REPO.resolve("live/src/test/resources/faults/redis-faults.eventflow.yaml"));
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
    void latencyDelaysDeliveriesAndAPartitionHoldsXaddsUntilItEndsLosingNothing() throws Exception {
        Design d = faults();
        // every reply to the receiver's reads crosses redis -> receiver 300 ms late (± 0): each read and each XACK
        // waits for it, so the receiver acks once a second (commit auto) to keep up; bulk-sender's link is cut
        // from 1 s to 3 s: its XADD waits in the proxy (inside the client's 10 s timeout) and is answered at the end
        Scenario s = scenario(
                d,
                "  - {at: 0s, kind: latency, link: [redis, receiver], delay: 300ms, jitter: 0ms}\n"
                        + "  - {at: 1s, kind: partition, between: [bulk-sender, redis], for: 2s}\n");
        LiveResult r = run(d, s, 4, new CopyOnWriteArrayList<>());
        SimulationReport rep = r.report();
        conserved(rep);
        GroupReport receiver = rep.groups().get("receiver");
        assertThat(receiver.owed()).isPositive();
        assertThat(receiver.lost()).isZero();
        assertThat(receiver.processed()).isEqualTo(receiver.owed());
        assertThat(receiver.latencyMs().p50()).isGreaterThanOrEqualTo(300);
        GroupReport bulk = rep.groups().get("bulk-reader");
        // constant 25/s for 4 s: at most 101 sends; the blocked XADD holds back the ones after it (a producer
        // catches up by at most one second), none fails
        assertThat(bulk.owed()).isPositive().isLessThanOrEqualTo(101);
        assertThat(bulk.lost()).isZero();
        assertThat(bulk.processed()).isEqualTo(bulk.owed());
        // the message published as the partition began waited for its end: 2 s, less the 40 ms between sends
        assertThat(bulk.latencyMs().max()).isGreaterThanOrEqualTo(1500);
        assertThat(r.notes()).anyMatch(n -> n.contains("through the fault proxy") && n.contains("bulk-sender"));
    }

    @Test
    void dropResetsConnectionsXaddsFailAsNetworkAndConsumersReReadTheirPendingEntries() throws Exception {
        Design d = faults();
        // 30 % of the chunks bulk-sender writes reset its connection, and 30 % of the replies to the receiver, for
        // 2 s. A reset XADD fails (Redis producers here do not send again): lost 'network'. The receiver's reads are
        // in its pending list (XREADGROUP without NOACK) even when their reply was cut: it reconnects under the same
        // consumer name and re-reads them, so nothing is lost.
        Scenario s = scenario(
                d,
                "  - {at: 500ms, kind: drop, link: [bulk-sender, redis], percent: 30, for: 2s}\n"
                        + "  - {at: 500ms, kind: drop, link: [redis, receiver], percent: 30, for: 2s}\n");
        LiveResult r = run(d, s, 4, new CopyOnWriteArrayList<>());
        SimulationReport rep = r.report();
        conserved(rep);
        GroupReport bulk = rep.groups().get("bulk-reader");
        assertThat(bulk.owed()).isPositive();
        assertThat(bulk.lostByCause().get("network")).isPositive();
        assertThat(bulk.lost()).isEqualTo(bulk.lostByCause().get("network"));
        assertThat(bulk.processed() + bulk.inFlight()).isEqualTo(bulk.owed() - bulk.lost());
        GroupReport receiver = rep.groups().get("receiver");
        assertThat(receiver.owed()).isPositive();
        assertThat(receiver.lost()).isZero();
        assertThat(receiver.processed() + receiver.inFlight()).isEqualTo(receiver.owed());
        assertThat(receiver.redelivered()).isPositive();
    }

    @Test
    void aCrashKeepsEveryAcknowledgedEntryFailsXaddsAsCrashAndTheClientsReconnect() throws Exception {
        Design d = faults();
        // killed (SIGKILL) at 1 s, started again on its append-only file 2 s later. Redis writes the AOF before it
        // answers (appendfsync only says when it is fsynced; a killed process's writes are in the kernel's page
        // cache and survive), so every acknowledged XADD, group and pending list survives: nothing is lost that no
        // client saw fail.
        Scenario s = scenario(d, "  - {at: 1s, kind: broker-crash, target: redis, node: 0, restartAfter: 2s}\n");
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        LiveResult r = run(d, s, 5, events);
        SimulationReport rep = r.report();
        conserved(rep);
        assertThat(r.notes()).noneMatch(n -> n.startsWith("restart of") || n.startsWith("broker-crash of"));
        assertThat(r.notes()).anyMatch(n -> n.contains("appendfsync everysec"));
        long restartAt = events.stream()
                .filter(e -> e instanceof TraceEvent.FaultEnded f && f.fault().equals("broker-crash"))
                .mapToLong(TraceEvent::time)
                .findFirst()
                .orElseThrow();
        for (GroupReport g : rep.groups().values()) {
            // constant rates: 25/s at the least, down for 2 s: XADDs failed while it was down ('crash'); a pooled
            // connection the crash broke fails the first XADD sent on it after the restart ('network')
            assertThat(g.lostByCause().get("crash")).as(g.group()).isPositive();
            assertThat(g.lost())
                    .as(g.group())
                    .isEqualTo(g.lostByCause().get("crash") + g.lostByCause().get("network"));
            assertThat(g.lostByCause().getOrDefault("unknown", 0L))
                    .as(g.group())
                    .isZero();
            assertThat(events.stream()
                            .filter(e -> e instanceof TraceEvent.Processed p
                                    && p.group().equals(g.group())
                                    && p.time() > restartAt))
                    .as(g.group())
                    .isNotEmpty();
        }
        LocalServerTests.assertNoChildNamed("redis-server");
    }
}
