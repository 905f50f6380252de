package io.eventflow.live.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.server.FaultRun;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Network faults and a crash of the embedded PostgreSQL (kill -9 of the postmaster and its processes, then a start
 * on the same port and data folder). LISTEN/NOTIFY stores nothing: what a listener's session does not get is lost.
 * The runs are short; the checks hold whatever the machine's speed.
 */
class PostgresFaultsLiveTest {
    private static final String DESIGN =
            """
            eventflow: 1
            name: Postgres faults
            brokers:
              - {id: pg, kind: postgres}
            messages:
              - id: Ping
                payload: {type: object, required: [id], properties: {id: {type: string}}}
            channels:
              - {id: pings, broker: pg, address: pings, messages: [Ping]}
              - {id: bulk, broker: pg, address: bulk, messages: [Ping]}
            services:
              - id: sender
                publishes:
                  - {channel: pings, message: Ping, rate: 50/s, arrival: constant}
              - id: bulk-sender
                publishes:
                  - {channel: bulk, message: Ping, rate: 25/s, arrival: constant}
              - id: receiver
                subscribes:
                  - {channel: pings, group: receiver, processing: 1ms, delivery: at-least-once}
              - id: bulk-reader
                subscribes:
                  - {channel: bulk, group: bulk-reader, processing: 1ms, delivery: at-least-once}
            """;

    private static LiveResult run(String faults, int seconds, List<TraceEvent> events) throws Exception {
        return FaultRun.of(SampleRuns.design(DESIGN))
                .faults(faults)
                .seconds(seconds)
                .drainSeconds(10)
                .trace(events)
                .run();
    }

    @Test
    void latencyAndAPartitionDelayAndDropsLoseWhatWasOnTheWire() throws Exception {
        // receiver's notifications cross pg -> receiver 400 ms late; sender is cut off for 1.5 s: its NOTIFYs wait
        // and go on at the end (TCP bridges a short partition: nothing lost); 30 % of what bulk-reader receives for
        // 2 s resets its session: what was on the wire to it is lost (network), it LISTENs again, and what is sent
        // before it does is lost too (notListening)
        LiveResult r = run(
                "  - {at: 0s, kind: latency, link: [pg, receiver], delay: 400ms, jitter: 0ms}\n"
                        + "  - {at: 1s, kind: partition, between: [sender, pg], for: 1500ms}\n"
                        + "  - {at: 500ms, kind: drop, link: [pg, bulk-reader], percent: 30, for: 2s}\n",
                4,
                null);
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
        assertThat(r.notes()).anyMatch(n -> n.contains("through the fault proxy"));
        GroupReport g = rep.groups().get("receiver");
        assertThat(g.owed()).isPositive();
        assertThat(g.lost()).isZero();
        assertThat(g.processed()).isEqualTo(g.owed());
        assertThat(g.latencyMs().p50()).isGreaterThanOrEqualTo(400);
        // a NOTIFY sent as the partition began waited for its end (plus the 400 ms latency)
        assertThat(g.latencyMs().max()).isGreaterThanOrEqualTo(1500);
        GroupReport bulk = rep.groups().get("bulk-reader");
        assertThat(bulk.lost()).isPositive();
        // every loss has the cause the listener saw: its session reset (network) or no session (notListening)
        assertThat(bulk.lost())
                .isEqualTo(
                        bulk.lostByCause().get("network") + bulk.lostByCause().get("notListening"));
        assertThat(bulk.lostByCause().get("network")).isPositive();
    }

    @Test
    void aCrashFailsNotifiesWhileDownAndListenersListenAgain() throws Exception {
        // the server is killed at 1 s and started again 2 s later
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        LiveResult r = run("  - {at: 1s, kind: broker-crash, target: pg, restartAfter: 2s}\n", 5, events);
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
        assertThat(r.notes()).noneMatch(n -> n.startsWith("restart of") || n.startsWith("broker-crash of"));
        long restartAt = FaultRun.faultEnded(events, "broker-crash").orElseThrow();
        for (String group : List.of("receiver", "bulk-reader")) {
            GroupReport g = rep.groups().get(group);
            // NOTIFYs while the server was down failed (crash); what was on the wire when it died is lost by the
            // crash; what was sent after the restart before the listener was back found nobody (notListening)
            assertThat(g.lostByCause().get("crash")).as(group).isPositive();
            assertThat(g.lost())
                    .as(group)
                    .isEqualTo(g.lostByCause().get("crash") + g.lostByCause().get("notListening"));
            assertThat(FaultRun.processedAfter(events, group, restartAt))
                    .as(group)
                    .isNotEmpty();
        }
        io.eventflow.live.server.LocalServerTests.assertNoChildNamed("bin/postgres");
    }
}
