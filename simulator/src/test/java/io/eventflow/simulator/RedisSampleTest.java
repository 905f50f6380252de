package io.eventflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedisSampleTest {
    @Test
    void activityScenarioConservesShowsTheRedisPitfallsAndIsDeterministic() throws Exception {
        Design d = DesignFiles.open(SampleRunTest.samples().resolve("activity-redis-streams.eventflow.yaml"));
        Scenario s = ScenarioReader.read(SampleRunTest.samples().resolve("activity-redis-streams.scenario.yaml"), d);
        StringWriter t1 = new StringWriter();
        Simulation sim = Simulation.builder(d).scenario(s).traceWriter(t1).build();
        sim.runToEnd();
        SimulationReport r = sim.report();
        assertThat(r.invariants().get("conservation"))
                .as(r.violations().toString())
                .isTrue();
        // the indexers' outage outlasts what MAXLEN keeps; the stalled sessionizer's entries are claimed twice;
        // the analytics instance that never returns leaves pending entries; poison entries are parked
        assertThat(r.groups().get("indexer").lostByCause().get("trimmed")).isPositive();
        assertThat(r.groups().get("sessionizer").duplicates()).isPositive();
        assertThat(r.groups().get("analytics").inFlight()).isPositive();
        assertThat(r.groups().get("analytics").reprocessed()).isPositive();
        assertThat(r.channels().get("activity-dlq").published()).isPositive();
        StringWriter t2 = new StringWriter();
        Simulation again = Simulation.builder(d).scenario(s).traceWriter(t2).build();
        again.runToEnd();
        again.report();
        assertThat(t2.toString()).isEqualTo(t1.toString());
    }
}
