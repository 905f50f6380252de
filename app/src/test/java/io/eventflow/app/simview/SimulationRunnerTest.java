package io.eventflow.app.simview;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.trace.TraceEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulationRunnerTest {
    static final Path SAMPLES =
            Path.of("..", "assets", "samples").toAbsolutePath().normalize();
    private final SimulationRunner runner = new SimulationRunner();
    private Design design;

    @BeforeEach
    void load() throws Exception {
        design = DesignFiles.open(SAMPLES.resolve("order-pipeline.eventflow.yaml"));
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private RunConfig config(long seconds) {
        return new RunConfig(design, null, 7L, seconds * 1_000_000_000L, 20_000);
    }

    @Test
    void resetMakesAPausedRunAtTimeZero() throws Exception {
        runner.reset(config(5));
        assertThat(runner.awaitIdle(5000)).isTrue();
        assertThat(runner.state()).isEqualTo(SimulationRunner.State.READY);
        assertThat(runner.snapshot().time()).isZero();
        assertThat(runner.report()).isNotNull();
        assertThat(runner.seed()).isEqualTo(7L);
    }

    @Test
    void flatOutRunsToTheEndAndReports() throws Exception {
        runner.reset(config(3));
        runner.setSpeed(SimulationRunner.FLAT_OUT);
        runner.run();
        long end = System.currentTimeMillis() + 20_000;
        while (runner.state() != SimulationRunner.State.FINISHED && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertThat(runner.state()).isEqualTo(SimulationRunner.State.FINISHED);
        assertThat(runner.report().totals().published()).isGreaterThan(400);
        assertThat(runner.report().ok()).isTrue();
    }

    @Test
    void stepRunUntilAndPausedInjection() throws Exception {
        runner.reset(config(10));
        runner.step();
        runner.awaitIdle(5000);
        assertThat(runner.snapshot().kernelEvents()).isEqualTo(1);
        runner.runUntil(2_000_000_000L);
        runner.awaitIdle(5000);
        long end = System.currentTimeMillis() + 10_000;
        while (runner.state() != SimulationRunner.State.PAUSED && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        assertThat(runner.snapshot().time()).isEqualTo(2_000_000_000L);
        long before = runner.snapshot().traceWritten();
        runner.inject(new Fault.Crash(0, "billing", 0, -1));
        runner.awaitIdle(5000);
        assertThat(runner.traceSince(before))
                .anySatisfy(e -> assertThat(e).isInstanceOf(TraceEvent.FaultStarted.class));
        assertThat(runner.snapshot().instances())
                .anySatisfy(i -> assertThat(i.id()).isEqualTo("billing#0"))
                .filteredOn(i -> i.id().equals("billing#0"))
                .allSatisfy(i -> assertThat(i.alive()).isFalse());
    }

    @Test
    void pacedRunAdvancesWithTheWallClockAndPauses() throws Exception {
        runner.reset(config(60));
        runner.setSpeed(1.0);
        // building the simulation may take a while on a cold machine: the wall clock starts once it is built
        assertThat(runner.awaitIdle(10_000)).isTrue();
        long started = System.nanoTime();
        runner.run();
        Thread.sleep(300);
        // a loaded machine may give the simulation thread little of those 300 ms: up to 10 s to reach 100 ms
        long deadline = System.currentTimeMillis() + 10_000;
        while (runner.snapshot().time() < 100_000_000L && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        runner.pause();
        assertThat(runner.awaitIdle(5000)).isTrue();
        long wall = System.nanoTime() - started;
        long t = runner.snapshot().time();
        assertThat(runner.state()).isEqualTo(SimulationRunner.State.PAUSED);
        assertThat(t).isBetween(100_000_000L, 2_000_000_000L);
        // paced at 1x: simulated time never ran ahead of the wall time since Run
        assertThat(t).isLessThanOrEqualTo(wall);
        Thread.sleep(100);
        assertThat(runner.snapshot().time()).isEqualTo(t);
    }

    @Test
    void everyCorrelationIdInTheTraceCanBeTracedFromItsPublisher() throws Exception {
        runner.reset(config(3));
        runner.setSpeed(SimulationRunner.FLAT_OUT);
        runner.run();
        long end = System.currentTimeMillis() + 20_000;
        while (runner.state() != SimulationRunner.State.FINISHED && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        var events = runner.traceBatch(0, 20_000).events();
        var ids = events.stream()
                .mapToLong(TraceEvent::correlationId)
                .filter(c -> c >= 0)
                .distinct()
                .sorted()
                .toArray();
        assertThat(ids).contains(0L);
        for (long id : new long[] {ids[0], ids[ids.length / 2], ids[ids.length - 1]}) {
            TracePath p = TracePath.of(id, runner.traceOf(id));
            assertThat(p.hops()).as("id " + id).isNotEmpty();
            assertThat(p.hops().get(0).kind()).as("id " + id).isEqualTo("published");
        }
    }

    @Test
    void chartsSampleOnSimulatedTimeWhateverTheSpeed() throws Exception {
        // 4 s of simulated time: 4e9 / 300 = 13.3 ms, rounded up to the next 1-2-5 step, 20 ms: 201 samples, 0 to 4 s
        assertThat(RunSeries.stepFor(4_000_000_000L)).isEqualTo(20_000_000L);
        List<Metrics.Sample> flatOut = runAt(SimulationRunner.FLAT_OUT);
        assertThat(flatOut).hasSize(201);
        for (int k = 0; k < flatOut.size(); k++) {
            assertThat(flatOut.get(k).t()).isCloseTo(k * 0.02, org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(flatOut).anySatisfy(x -> assertThat(x.throughput()).isPositive());
        List<Metrics.Sample> flatOutBilling = runner.series().samples("billing");
        assertThat(flatOutBilling).hasSize(201); // per element too: a service's own series
        // paced at 8x (half a second of wall time, many small pacer ticks): the very same points
        assertThat(runAt(8.0)).isEqualTo(flatOut);
        assertThat(runner.series().samples("billing")).isEqualTo(flatOutBilling);
    }

    private List<Metrics.Sample> runAt(double speed) throws Exception {
        runner.reset(config(4));
        // the previous run's FINISHED must not count: wait until the reset is carried out
        assertThat(runner.awaitIdle(10_000)).isTrue();
        assertThat(runner.state()).isEqualTo(SimulationRunner.State.READY);
        assertThat(runner.series().samples(null)).hasSize(1); // the new run's point at 0 s
        runner.setSpeed(speed);
        runner.run();
        long end = System.currentTimeMillis() + 30_000;
        while (runner.state() != SimulationRunner.State.FINISHED && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertThat(runner.state()).isEqualTo(SimulationRunner.State.FINISHED);
        return runner.series().samples(null);
    }
}
