package io.eventflow.live.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Known answers of the RabbitMQ calibration cases in the simulator. */
class AmqpCalibrationCasesTest {

    @Test
    void brokerCrashLosesNothingAndProcessesEveryOrder() {
        // 50/s for 2 s: 20 ms .. 1980 ms = 99 orders (the one due at 2 s finds the rate 0); billing takes 100 ms
        // each (10/s), so at the crash (4 s) about 40 are processed, 10 prefetched and 49 queued: the queue is
        // durable, so after the restart (6 s) the 59 are delivered again and processed within the drain. The 40th
        // (its processing from 3920 to 4020 ms) is in processing at the crash: it finishes, its ack is cut, and it
        // comes again: 1 duplicate
        SimulationReport r = simulate("amqp-broker-crash");
        var billing = r.groups().get("billing");
        assertThat(billing.owed()).isEqualTo(99);
        assertThat(billing.lost()).isZero();
        assertThat(billing.processed()).isEqualTo(99);
        assertThat(billing.inFlight()).isZero();
        assertThat(billing.duplicates()).isEqualTo(1);
        assertThat(billing.redelivered()).isPositive();
    }

    @Test
    void producerRetrySpansTheCrashAndLosesNothingWhereNoRetryLosesWhatFailed() {
        // 50/s from 20 ms until the rate stops at 5 s: 20 ms .. 4980 ms = 249 orders. The node is down from 3 s to
        // 5 s: the publishes at 3000 .. 4980 ms fail, (4980 - 3000) / 20 + 1 = 100; checkout sends each again every
        // second until the node is back (the last at 5980 ms), so nothing is lost and billing processes all 249
        CalibrationCase c =
                CalibrationSuite.select("amqp-producer-retry", false).get(0);
        Design d = Calibration.design(c);
        var billing = simulate(c, d).groups().get("billing");
        assertThat(billing.owed()).isEqualTo(249);
        assertThat(billing.lost()).isZero();
        assertThat(billing.processed()).isEqualTo(249);
        assertThat(billing.inFlight()).isZero();
        // the same design without the retry loses those 100 by the crash
        Design noRetry = d.withServices(d.services().stream()
                .map(s -> s.id().equals("checkout") ? s.withProducer(null) : s)
                .toList());
        var plain = simulate(c, noRetry).groups().get("billing");
        assertThat(plain.owed()).isEqualTo(249);
        assertThat(plain.lostByCause().get("crash")).isEqualTo(100);
        assertThat(plain.processed()).isEqualTo(249 - 100);
    }

    private static SimulationReport simulate(String id) {
        CalibrationCase c = CalibrationSuite.select(id, false).get(0);
        return simulate(c, Calibration.design(c));
    }

    private static SimulationReport simulate(CalibrationCase c, Design d) {
        Scenario s = Calibration.scenario(c, d);
        Simulation sim = Simulation.builder(d)
                .scenario(s)
                .seed(1)
                .drain(c.drain().toNanos())
                .build();
        sim.runToEnd();
        SimulationReport r = sim.report();
        System.err.println(r.summaryTable());
        return r;
    }
}
