package io.eventflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SampleScenarioTest {
    @Test
    void orderPipelineScenarioConservesAndIsDeterministic() throws Exception {
        Design d = DesignFiles.open(SampleRunTest.samples().resolve("order-pipeline.eventflow.yaml"));
        Scenario s = ScenarioReader.read(SampleRunTest.samples().resolve("order-pipeline.scenario.yaml"), d);
        StringWriter t1 = new StringWriter();
        Simulation sim = Simulation.builder(d).scenario(s).traceWriter(t1).build();
        sim.runToEnd();
        SimulationReport r = sim.report();
        assertThat(r.invariants().get("conservation"))
                .as(r.violations().toString())
                .isTrue();
        StringWriter t2 = new StringWriter();
        Simulation again = Simulation.builder(d).scenario(s).traceWriter(t2).build();
        again.runToEnd();
        again.report();
        assertThat(t2.toString()).isEqualTo(t1.toString());
    }

    @Test
    void paymentsScenarioConserves() throws Exception {
        Design d = DesignFiles.open(SampleRunTest.samples().resolve("payments-rabbitmq.eventflow.yaml"));
        Scenario s = ScenarioReader.read(SampleRunTest.samples().resolve("payments-rabbitmq.scenario.yaml"), d);
        Simulation sim = Simulation.builder(d).scenario(s).build();
        sim.runToEnd();
        SimulationReport r = sim.report();
        assertThat(r.invariants().get("conservation"))
                .as(r.violations().toString())
                .isTrue();
        assertThat(r.groups().get("payments").processed()).isGreaterThan(1000);
        assertThat(r.channels().get("payment-requests-dlq").published()).isPositive();
    }

    @Test
    void iotDesignIsRefusedWithAClearMessage() throws Exception {
        Design d = DesignFiles.open(SampleRunTest.samples().resolve("iot-telemetry.eventflow.yaml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Simulation.builder(d).build())
                .isInstanceOf(UnsupportedDesignException.class)
                .hasMessageContaining("mqtt");
    }
}
