package io.eventflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.report.SimulationReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SampleRunTest {
    static Path samples() {
        return Path.of(System.getProperty("eventflow.repo", "..")).resolve("assets/samples");
    }

    @Test
    void orderPipelineRunsAndConserves() throws Exception {
        Design d = DesignFiles.open(samples().resolve("order-pipeline.eventflow.yaml"));
        Simulation sim =
                Simulation.builder(d).seed(42).duration(10_000_000_000L).build();
        sim.runToEnd();
        SimulationReport r = sim.report();
        assertThat(r.invariants().get("conservation"))
                .as(r.violations().toString())
                .isTrue();
        assertThat(r.totals().published()).isGreaterThan(1000);
    }
}
