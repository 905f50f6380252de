package io.eventflow.live.redis;

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
 * Network faults (through the fault proxy) and a crash of the private redis-server a run starts (with its append-only
 * file, appendfsync everysec). Checks what must hold whatever the machine's speed.
 */
class RedisFaultsLiveTest {
    @BeforeEach
    void needsRedis() {
        LocalServerTests.requireProgram("redis-server", LocalRedisServer.program());
    }

    private static LiveResult run(String faults, int seconds, List<TraceEvent> events) throws Exception {
        return FaultRun.of(FaultRun.design("redis-faults"))
                .faults(faults)
                .seconds(seconds)
                .drainSeconds(15)
                .trace(events)
                .run();
    }

    @Test
    void latencyDelaysDeliveriesAndAPartitionHoldsXaddsUntilItEndsLosingNothing() throws Exception {
        // every reply to the receiver's reads crosses redis -> receiver 300 ms late (± 0): each read and each XACK
        // waits for it, so the receiver acks once a second (commit auto) to keep up; bulk-sender's link is cut
        // from 1 s to 3 s: its XADD waits in the proxy (inside the client's 10 s timeout) and is answered at the end
        LiveResult r = run(
                "  - {at: 0s, kind: latency, link: [redis, receiver], delay: 300ms, jitter: 0ms}\n"
                        + "  - {at: 1s, kind: partition, between: [bulk-sender, redis], for: 2s}\n",
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
        // 30 % of the chunks bulk-sender writes reset its connection, and 30 % of the replies to the receiver, for
        // 2 s. A reset XADD fails (Redis producers here do not send again): lost 'network'. The receiver's reads are
        // in its pending list (XREADGROUP without NOACK) even when their reply was cut: it reconnects under the same
        // consumer name and re-reads them, so nothing is lost.
        LiveResult r = run(
                "  - {at: 500ms, kind: drop, link: [bulk-sender, redis], percent: 30, for: 2s}\n"
                        + "  - {at: 500ms, kind: drop, link: [redis, receiver], percent: 30, for: 2s}\n",
                4,
                new CopyOnWriteArrayList<>());
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
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
        // killed (SIGKILL) at 1 s, started again on its append-only file 2 s later. Redis writes the AOF before it
        // answers (appendfsync only says when it is fsynced; a killed process's writes are in the kernel's page
        // cache and survive), so every acknowledged XADD, group and pending list survives: nothing is lost that no
        // client saw fail.
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        LiveResult r = run("  - {at: 1s, kind: broker-crash, target: redis, node: 0, restartAfter: 2s}\n", 5, events);
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
        assertThat(r.notes()).noneMatch(n -> n.startsWith("restart of") || n.startsWith("broker-crash of"));
        assertThat(r.notes()).anyMatch(n -> n.contains("appendfsync everysec"));
        long restartAt = FaultRun.faultEnded(events, "broker-crash").orElseThrow();
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
            assertThat(FaultRun.processedAfter(events, g.group(), restartAt))
                    .as(g.group())
                    .isNotEmpty();
        }
        LocalServerTests.assertNoChildNamed("redis-server");
    }
}
