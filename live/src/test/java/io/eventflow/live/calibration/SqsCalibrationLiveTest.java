package io.eventflow.live.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQS cases of the calibration suite (embedded ElasticMQ: never skipped), one live and one simulated run. */
class SqsCalibrationLiveTest {
    @Test
    void simulatedKnownAnswersOfTheSqsOutage() {
        // 2/s constant for 6 s, the first send one interval in: 0.5, 1, ..., 5.5 s = 11; the outage from 1.25 s to
        // 4.25 s takes the sends at 1.5, 2, 2.5, 3, 3.5 and 4 s = 6 (no retry policy: lost, crash); the other
        // 11 - 6 = 5 are processed once
        CalibrationCase c = CalibrationSuite.select("sqs-outage", false).get(0);
        io.eventflow.model.design.Design d = Calibration.design(c);
        io.eventflow.simulator.Simulation sim = io.eventflow.simulator.Simulation.builder(d)
                .scenario(Calibration.scenario(c, d))
                .seed(1)
                .drain(c.drain().toNanos())
                .build();
        sim.runToEnd();
        var billing = sim.report().groups().get("billing");
        assertThat(billing.owed()).isEqualTo(11);
        assertThat(billing.lostByCause().get("crash")).isEqualTo(6);
        assertThat(billing.lost()).isEqualTo(6);
        assertThat(billing.processed()).isEqualTo(5);
        assertThat(billing.duplicates()).isZero();
    }

    @Test
    void sqsOutageAgreesWithTheSimulatorWithinItsTolerances() {
        int runs = Integer.getInteger("eventflow.calibrationRuns", 1);
        List<CalibrationCase> cases = CalibrationSuite.select("sqs-outage", false);
        Calibration calibration = new Calibration(runs, Map.of(), line -> System.err.println("calibrate: " + line));
        List<Row> rows = calibration.run(cases);
        String table = CalibrationTable.text(rows) + calibration.notes();
        System.err.println(table);
        System.err.println(CalibrationTable.markdown(rows));
        assertThat(rows).as(table).hasSize(4).allMatch(r -> r.verdict() == Verdict.OK);
        assertThat(calibration.notes()).as(table).isEmpty();
    }
}
