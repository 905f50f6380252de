package io.eventflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.Service;
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
    void iotScenarioConservesAndShowsTheMqttConsequences() throws Exception {
        Design d = DesignFiles.open(SampleRunTest.samples().resolve("iot-telemetry.eventflow.yaml"));
        Scenario s = ScenarioReader.read(SampleRunTest.samples().resolve("iot-telemetry.scenario.yaml"), d);
        Simulation sim = Simulation.builder(d).scenario(s).build();
        sim.runToEnd();
        SimulationReport r = sim.report();
        assertThat(r.invariants().get("conservation"))
                .as(r.violations().toString())
                .isTrue();
        // the gateway's persistent session keeps its QoS 2 commands while it is down
        assertThat(r.groups().get("edge-gateway").lost()).isZero();
        // the partition loses QoS 1 acknowledgements: re-sent with DUP after the reconnect
        assertThat(r.groups().get("telemetry-ingest").duplicates()).isPositive();
        // QoS 0 samples published while the broker is down are lost
        assertThat(r.lostByCause().get("qos0")).isPositive();
    }

    @Test
    void iotGatewayCrashPublishesItsLastWillOnce() throws Exception {
        Design d = DesignFiles.open(SampleRunTest.samples().resolve("iot-telemetry.eventflow.yaml"));
        Scenario s = ScenarioReader.read(SampleRunTest.samples().resolve("iot-telemetry.scenario.yaml"), d);
        Service gw = d.service("edge-gateway").orElseThrow();
        assertThat(gw.publishes()).anyMatch(p -> p.isWill() && p.channel().equals("device-status"));
        Design noWill = d.withServices(d.services().stream()
                .map(x -> x == gw
                        ? x.withPublishes(
                                x.publishes().stream().filter(p -> !p.isWill()).toList())
                        : x)
                .toList());
        // 30 s: the crash of gateway instance 3 at 10 s is the only unclean disconnect of a service with a will
        // (the anomaly detector's crash at 55 s has none, and a broker crash is no client's will): 1 more status.
        long[] published = new long[2];
        int i = 0;
        for (Design x : new Design[] {d, noWill}) {
            Simulation sim =
                    Simulation.builder(x).scenario(s).duration(30_000_000_000L).build();
            sim.runToEnd();
            SimulationReport r = sim.report();
            assertThat(r.invariants().get("conservation"))
                    .as(r.violations().toString())
                    .isTrue();
            published[i++] = r.channels().get("device-status").published();
        }
        assertThat(published[0]).isEqualTo(published[1] + 1);
    }

    @Test
    void iotScenarioIsDeterministic() throws Exception {
        Design d = DesignFiles.open(SampleRunTest.samples().resolve("iot-telemetry.eventflow.yaml"));
        Scenario s = ScenarioReader.read(SampleRunTest.samples().resolve("iot-telemetry.scenario.yaml"), d);
        SimulationReport[] r = new SimulationReport[2];
        for (int i = 0; i < 2; i++) {
            // 55 s: the gateway crash, the slow-down and the partition
            Simulation sim =
                    Simulation.builder(d).scenario(s).duration(55_000_000_000L).build();
            sim.runToEnd();
            r[i] = sim.report();
        }
        assertThat(r[1].totals()).isEqualTo(r[0].totals());
        assertThat(r[1].groups()).isEqualTo(r[0].groups());
        assertThat(r[1].channels()).isEqualTo(r[0].channels());
    }
}
