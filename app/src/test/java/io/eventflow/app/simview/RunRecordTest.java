package io.eventflow.app.simview;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Action;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults and actions injected by hand are recorded at the times they took effect, so the run can be reproduced. */
class RunRecordTest {
    private static final long S = 1_000_000_000L;
    private final SimulationRunner runner = new SimulationRunner();
    private Design design;

    @BeforeEach
    void load() throws Exception {
        design = DesignFiles.open(SimulationRunnerTest.SAMPLES.resolve("order-pipeline.eventflow.yaml"));
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private void runTo(long t) throws Exception {
        runner.runUntil(t);
        runner.awaitIdle(5000);
        long end = System.currentTimeMillis() + 20_000;
        while (runner.state() != SimulationRunner.State.PAUSED && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        assertThat(runner.snapshot().time()).isEqualTo(t);
    }

    private static SimulationReport replay(Design d, Scenario s) {
        Simulation sim = Simulation.builder(d)
                .scenario(s)
                .seed(s.seed())
                .duration(s.duration())
                .traceCapacity(20_000)
                .build();
        sim.runToEnd();
        return sim.report();
    }

    @Test
    void theRunAsItHappenedReplaysToTheSameReport() throws Exception {
        Scenario planned = new Scenario(
                null,
                null,
                null,
                java.util.List.of(new Fault.Latency(S, "checkout", "orders", 20_000_000L, 0, 2 * S)),
                java.util.List.of());
        runner.reset(new RunConfig(design, planned, 7L, 12 * S, 20_000));
        runner.awaitIdle(5000);
        runTo(2 * S);
        runner.inject(new Fault.Crash(0, "billing", 0, 3 * S));
        runTo(5 * S);
        runner.apply(new Action.Scale(0, "billing", 3));
        runner.setSpeed(SimulationRunner.FLAT_OUT);
        runner.run();
        long end = System.currentTimeMillis() + 30_000;
        // The state turns FINISHED just before the final report is published: wait for the report of the end.
        while ((runner.state() != SimulationRunner.State.FINISHED
                        || runner.report().simulatedSeconds() < 12)
                && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertThat(runner.state()).isEqualTo(SimulationRunner.State.FINISHED);
        SimulationReport live = runner.report();
        assertThat(live.simulatedSeconds()).isEqualTo(12.0);

        // Recorded at the nanosecond after the instant they were sent (2 s and 5 s, when the run was paused there).
        assertThat(runner.record().byHand())
                .containsExactly(
                        new Fault.Crash(2 * S + 1, "billing", 0, 3 * S), new Action.Scale(5 * S + 1, "billing", 3));
        Scenario asRun = runner.record().asRun();
        assertThat(asRun.seed()).isEqualTo(7L);
        assertThat(asRun.duration()).isEqualTo(12 * S);
        assertThat(asRun.faults()).hasSize(2);

        // Written as a scenario file and read back, it re-runs to the same figures.
        String file = ScenarioYaml.write(asRun, "as run");
        Scenario read = ScenarioReader.parse("as-run.scenario.yaml", file, design);
        assertThat(read.faults()).isEqualTo(asRun.faults());
        assertThat(read.actions()).isEqualTo(asRun.actions());
        SimulationReport again = replay(design, read);
        assertThat(again.totals()).isEqualTo(live.totals());
        assertThat(again.lostByCause()).isEqualTo(live.lostByCause());
        assertThat(again.latencyMs()).isEqualTo(live.latencyMs());
        assertThat(again.groups()).isEqualTo(live.groups());
        assertThat(again.channels()).isEqualTo(live.channels());
        assertThat(again.kernelEvents()).isEqualTo(live.kernelEvents());

        // Without the hand-injected faults the figures differ: the record is what makes them reproducible.
        SimulationReport planOnly =
                replay(design, new Scenario(null, 7L, 12 * S, planned.faults(), java.util.List.of()));
        assertThat(planOnly.totals()).isNotEqualTo(live.totals());

        // The exported report names them.
        assertThat(ReportExport.json(live, runner.record().byHand()))
                .contains("injectedByHand")
                .contains("crash");
        assertThat(ReportExport.csv(live, runner.record().byHand())).contains("injectedByHand");
    }
}
