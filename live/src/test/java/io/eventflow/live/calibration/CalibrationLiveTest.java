package io.eventflow.live.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.mqtt.LocalMosquittoServer;
import io.eventflow.live.server.LocalServerTests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The short form of the calibration suite ({@code eventflow calibrate --quick}): the quick cases, one live run and one
 * simulated run each, on embedded brokers (Kafka, ActiveMQ: never skipped). Every figure must be within its
 * tolerance; the table is printed so that a failure shows every figure. Two more cases on a local server, the
 * quickest of the full suite's others (about 10 s live each).
 */
class CalibrationLiveTest {
    @Test
    void quickCasesAgreeWithTheSimulatorWithinTheirTolerances() throws Exception {
        List<CalibrationCase> quick = CalibrationSuite.select(null, true);
        assertThat(quick)
                .extracting(CalibrationCase::id)
                .contains("kafka-auto-commit-crash", "kafka-replay-from-time", "jms-poison-dead-letter");
        Calibration calibration = new Calibration(1, Map.of(), line -> System.err.println("calibrate: " + line));
        List<Row> rows = calibration.run(quick);
        String table = CalibrationTable.text(rows) + calibration.notes();
        System.err.println(table);
        assertThat(rows).as(table).isNotEmpty().allMatch(r -> r.verdict() == Verdict.OK);
        assertThat(calibration.notes()).as(table).isEmpty();
    }

    @Test
    void mqttQos1CrashAgreesWithTheSimulator() {
        LocalServerTests.requireProgram("mosquitto", LocalMosquittoServer.program());
        List<CalibrationCase> cases = CalibrationSuite.select("mqtt-qos1-crash", false);
        Calibration calibration = new Calibration(1, Map.of(), line -> System.err.println("calibrate: " + line));
        List<Row> rows = calibration.run(cases);
        String table = CalibrationTable.text(rows) + calibration.notes();
        System.err.println(table);
        assertThat(rows).as(table).hasSize(4).allMatch(r -> r.verdict() == Verdict.OK);
        assertThat(calibration.notes()).as(table).isEmpty();
    }

    /** QoS 1 duplicates after a connection reset (a drop): about 10 s live, 25 duplicates in both. */
    @Test
    void mqttQos1DropAgreesWithTheSimulator() {
        LocalServerTests.requireProgram("mosquitto", LocalMosquittoServer.program());
        List<CalibrationCase> cases = CalibrationSuite.select("mqtt-qos1-drop", false);
        Calibration calibration = new Calibration(1, Map.of(), line -> System.err.println("calibrate: " + line));
        List<Row> rows = calibration.run(cases);
        String table = CalibrationTable.text(rows) + calibration.notes();
        System.err.println(table);
        assertThat(rows).as(table).hasSize(4).allMatch(r -> r.verdict() == Verdict.OK);
        assertThat(calibration.notes()).as(table).isEmpty();
    }
}
