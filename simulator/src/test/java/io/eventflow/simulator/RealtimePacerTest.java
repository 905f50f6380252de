package io.eventflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RealtimePacerTest {
    static Design design() throws Exception {
        return DesignFiles.open(SampleRunTest.samples().resolve("order-pipeline.eventflow.yaml"));
    }

    @Test
    void followsAnInjectedWallClockAtTheFactor() throws Exception {
        Simulation sim = Simulation.builder(design()).build();
        AtomicLong wall = new AtomicLong(1_000);
        RealtimePacer pacer = new RealtimePacer(sim, 10, wall::get);
        pacer.tick();
        wall.addAndGet(100_000_000L); // 0.1 s of wall time at 10x = 1 s simulated
        assertThat(pacer.tick()).isEqualTo(1_000_000_000L);
        pacer.pause();
        wall.addAndGet(500_000_000L);
        assertThat(pacer.tick()).isEqualTo(1_000_000_000L);
        pacer.resume();
        pacer.tick();
        wall.addAndGet(10_000_000L);
        pacer.setFactor(0.5);
        pacer.tick();
        wall.addAndGet(2_000_000_000L); // 2 s at 0.5x = 1 s
        assertThat(pacer.tick()).isEqualTo(2_000_000_000L + 0);
        assertThatThrownBy(() -> pacer.setFactor(20_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTickStopsAtItsLimitAndTheNextCatchesUp() throws Exception {
        Simulation sim = Simulation.builder(design()).build();
        AtomicLong wall = new AtomicLong(1_000);
        RealtimePacer pacer = new RealtimePacer(sim, 10, wall::get);
        pacer.tick();
        wall.addAndGet(100_000_000L); // 0.1 s of wall time at 10x = 1 s simulated, but a stop at 0.4 s
        assertThat(pacer.tick(400_000_000L)).isEqualTo(400_000_000L);
        assertThat(pacer.tick(700_000_000L)).isEqualTo(700_000_000L);
        assertThat(pacer.tick()).isEqualTo(1_000_000_000L); // no pace lost
    }

    @Test
    void snapshotsCanBeReadFromAnotherThreadWhileRunning() throws Exception {
        Simulation sim = Simulation.builder(design()).duration(30_000_000_000L).build();
        Thread runner = new Thread(sim::runToEnd, "sim");
        runner.start();
        long lastTime = -1;
        int reads = 0;
        while (runner.isAlive() || reads == 0) {
            SimulationSnapshot s = sim.snapshot();
            assertThat(s.time()).isGreaterThanOrEqualTo(lastTime);
            lastTime = s.time();
            assertThat(s.channels()).hasSize(design().channels().size());
            reads++;
        }
        runner.join();
        SimulationSnapshot end = sim.snapshot();
        assertThat(end.time()).isEqualTo(30_000_000_000L);
        assertThat(end.instances())
                .extracting(SimulationSnapshot.InstanceState::id)
                .contains("billing#2");
        assertThat(end.channels().get(0).depths()).hasSize(6);
        assertThat(sim.trace().since(0)).isNotEmpty();
    }

    @Test
    void injectedFaultsApplyAtTheCurrentTime() throws Exception {
        Simulation sim = Simulation.builder(design()).build();
        sim.runUntil(1_000_000_000L);
        sim.inject(new io.eventflow.simulator.scenario.Fault.Crash(0, "billing", 0, 500_000_000L));
        sim.runUntil(1_200_000_000L);
        assertThat(sim.snapshot().instances())
                .filteredOn(i -> i.id().equals("billing#0"))
                .singleElement()
                .satisfies(i -> assertThat(i.alive()).isFalse());
        sim.runUntil(1_600_000_000L);
        assertThat(sim.snapshot().instances())
                .filteredOn(i -> i.id().equals("billing#0"))
                .singleElement()
                .satisfies(i -> assertThat(i.alive()).isTrue());
        assertThat(sim.trace().since(0)).anySatisfy(e -> assertThat(e)
                .isInstanceOf(io.eventflow.simulator.trace.TraceEvent.FaultStarted.class)
                .extracting(io.eventflow.simulator.trace.TraceEvent::time)
                .isEqualTo(1_000_000_000L));
    }
}
