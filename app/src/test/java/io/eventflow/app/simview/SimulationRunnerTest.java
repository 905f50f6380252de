package io.eventflow.app.simview;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.scenario.Fault;
import io.eventflow.simulator.trace.TraceEvent;
import java.nio.file.Path;
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
        runner.run();
        Thread.sleep(300);
        runner.pause();
        runner.awaitIdle(5000);
        long t = runner.snapshot().time();
        assertThat(runner.state()).isEqualTo(SimulationRunner.State.PAUSED);
        assertThat(t).isBetween(100_000_000L, 2_000_000_000L);
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
}
