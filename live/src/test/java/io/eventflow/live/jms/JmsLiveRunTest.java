package io.eventflow.live.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.simulator.report.SimulationReport;
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
}
