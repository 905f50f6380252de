package io.eventflow.live.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import org.junit.jupiter.api.Test;

/** The trading sample live on the embedded ActiveMQ. */
class JmsLiveRunTest {

    @Test
    void tradingSampleConservesEveryMessageThroughCrashes() throws Exception {
        // The sample's own scenario also has a broker crash and a latency fault, which live mode refuses until
        // calibration: its crashes only.
        String scenario =
                """
                eventflow-scenario: 1
                design: trading-jms.eventflow.yaml
                faults:
                  - {at: 1s, kind: crash, target: dashboard, restartAfter: 1s}
                  - {at: 1s, kind: crash, target: risk, restartAfter: 1s}
                  - {at: 2s, kind: crash, target: matching-engine, instance: 0, restartAfter: 1s}
                """;
        LiveResult r = SampleRuns.run(LocalServerTests.sample("trading-jms"), scenario, 4, 5);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        assertThat(rep.groups().get("matching-engine").processed()).isPositive();
        assertThat(rep.groups().get("risk").processed()).isPositive();
        assertThat(r.notes()).anyMatch(n -> n.contains("ActiveMQ"));
    }

    @Test
    void atMostOnceDeliveriesInAWorkersHandsAtTheEndAreInFlightNotLost() throws Exception {
        // The dashboard reads at-most-once (acknowledged on receipt, so off the broker once received) and here takes
        // 30 s per message: when the 2 s run and its 1 s drain end, each of its instances holds a delivery it has not
        // finished. Those are in flight (as a simulated message in processing is), neither lost nor unexplained.
        Design slow = SampleRuns.withProcessing(
                LocalServerTests.sample("trading-jms"), "dashboard", Distribution.constant(TimeSpan.parse("30s")));
        LiveResult r = SampleRuns.run(slow, null, 2, 1);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        // prices keeps what the closed dashboard had not received for it (in flight); trades is a non-durable topic
        // subscription, whose undelivered messages the broker drops when the consumer leaves (lost, with that cause)
        GroupReport prices = rep.groups().get("dashboard@prices");
        assertThat(prices.owed()).isPositive();
        assertThat(prices.lost()).isZero();
        assertThat(prices.inFlight()).isEqualTo(prices.owed() - prices.processed());
    }
}
