package io.eventflow.live.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.design.Design;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Every case of the suite reads, simulates, and has the figures it compares; selection by name. */
class CalibrationSuiteTest {
    @Test
    void everyCaseSimulatesAndEveryFigureIsInItsReport() {
        assertThat(CalibrationSuite.cases()).isNotEmpty();
        for (CalibrationCase c : CalibrationSuite.cases()) {
            Design d = Calibration.design(c);
            Scenario s = Calibration.scenario(c, d);
            assertThat(d.brokers()).anyMatch(b -> b.id().equals(c.broker()));
            Simulation sim = Simulation.builder(d)
                    .scenario(s)
                    .seed(1)
                    .drain(c.drain().toNanos())
                    .build();
            sim.runToEnd();
            SimulationReport r = sim.report();
            assertThat(r.ok()).as(c.id() + ": " + r.violations()).isTrue();
            for (Figure f : c.figures()) {
                assertThat(f.of().applyAsDouble(r)).as(c.id() + " " + f.name()).isNotNaN();
            }
            assertThat(c.figures()).allMatch(f -> !f.tolerance().reason().isBlank());
        }
    }

    @Test
    void simulatedKnownAnswersOfTheCases() {
        // auto-commit: 100/s for 2 s, the first one gap (10 ms) after the start: 10 ms .. 1990 ms = 199 orders (the
        // one due at 2 s finds the rate 0), all processed before the crash at 4 s, no commit before 30 s: all 199
        // come again
        SimulationReport crash = simulate("kafka-auto-commit-crash");
        assertThat(crash.groups().get("billing").owed()).isEqualTo(199);
        assertThat(crash.groups().get("billing").duplicates()).isEqualTo(199);
        // poison: 50/s for 4 s, 20 ms .. 3980 ms = 199 orders; 3 attempts = 2 retries per dead-lettered one
        SimulationReport poison = simulate("jms-poison-dead-letter");
        assertThat(poison.groups().get("billing").owed()).isEqualTo(199);
        assertThat(poison.groups().get("billing").retries())
                .isEqualTo(2 * poison.groups().get("billing").deadLettered());
        // at-most-once: a batch of 100 committed at 3 s, 50 ms each, second crash at 5 s: 2 s / 50 ms = 40
        // processed, 100 - 40 = 60 lost
        SimulationReport amo = simulate("kafka-at-most-once-crash");
        assertThat(amo.groups().get("billing").lostByCause().get("crash")).isBetween(59L, 61L);
        assertThat(amo.groups().get("billing").processed()).isBetween(39L, 41L);
        // replay at 5 s to 1 s: the orders published at 1000 ms .. 1990 ms, 100 of the 199, are processed again
        SimulationReport replay = simulate("kafka-replay-from-time");
        assertThat(replay.groups().get("billing").owed()).isEqualTo(199);
        assertThat(replay.groups().get("billing").reprocessed()).isEqualTo(100);
        assertThat(replay.groups().get("billing").duplicates()).isZero();
        // SQS redrive: with the drain, every poison order has had its 3 receives and moved to the dead-letter queue
        SimulationReport sqs = simulate("sqs-poison-redrive");
        assertThat(sqs.groups().get("billing").inFlight()).isZero();
        assertThat(sqs.groups().get("billing").deadLettered()
                        + sqs.groups().get("billing").processed())
                .isEqualTo(sqs.groups().get("billing").owed());
    }

    @Test
    void simulatedKnownAnswersOfTheFaultCases() {
        // leader failure: 90/s per producer for 5 s, 11,111,111 ns apart: the 450th at 4,999,999,950 ns comes just
        // before the rate stops at 5 s, so 450 orders each; acks all loses nothing, and
        // acks 1 only records above the high watermark (10 ms of replication lag at 30/s per partition: 0.3, so 0
        // with constant spacing of 33 ms)
        SimulationReport leader = simulate("kafka-leader-failure");
        assertThat(leader.groups().get("audit-all").owed()).isEqualTo(450);
        assertThat(leader.groups().get("audit-all").lost()).isZero();
        assertThat(leader.groups().get("audit-one").owed()).isEqualTo(450);
        assertThat(leader.groups().get("audit-one").lost()).isZero();
        assertThat(leader.groups().get("audit-one").processed()).isEqualTo(450);
        // visibility timeout 1 s < processing 1.5 s: 2/s for 5 s, 500 ms .. 4500 ms = 9 orders, each received 3 times
        // (0, 1, 2 s) and processed 3 times (2 duplicates), the 4th receive moves it to the dead-letter queue:
        // 9 * 3 = 27 deliveries, 9 * 2 = 18 duplicates
        SimulationReport sqs = simulate("sqs-visibility-timeout");
        assertThat(sqs.groups().get("billing").owed()).isEqualTo(9);
        assertThat(sqs.groups().get("billing").delivered()).isEqualTo(27);
        assertThat(sqs.groups().get("billing").duplicates()).isEqualTo(18);
        assertThat(sqs.groups().get("billing").lost()).isZero();
        // QoS 1, session expiry 60 s: 50/s for 5 s, 20 ms .. 4980 ms = 249 readings; the session keeps the 100 of the
        // downtime (2 .. 4 s) and the broker sends them at the restart: 249 processed, none lost, none twice
        SimulationReport mqtt = simulate("mqtt-qos1-crash");
        assertThat(mqtt.groups().get("ingest").owed()).isEqualTo(249);
        assertThat(mqtt.groups().get("ingest").processed()).isEqualTo(249);
        assertThat(mqtt.groups().get("ingest").lost()).isZero();
        assertThat(mqtt.groups().get("ingest").duplicates()).isZero();
        // QoS 1, PUBACKs 500 ms late, a drop resets the connection on the 2.02 s reading: 50/s for 3 s, 20 ms ..
        // 2980 ms = 149 readings. Unacknowledged then: the 25 of 1520 .. 2000 ms (processed at t + 2 ms, PUBACK due at
        // t + 502 ms > 2020 ms) and the dropped one; the session re-sends the 26 (redelivered 26), 25 are processed
        // twice; nothing lost
        SimulationReport drop = simulate("mqtt-qos1-drop");
        assertThat(drop.groups().get("ingest").owed()).isEqualTo(149);
        assertThat(drop.groups().get("ingest").processed()).isEqualTo(149);
        assertThat(drop.groups().get("ingest").duplicates()).isEqualTo(25);
        assertThat(drop.groups().get("ingest").redelivered()).isEqualTo(26);
        assertThat(drop.groups().get("ingest").lost()).isZero();
        // the same reset with a clean session: the session ends at 2.02 s with the dropped reading; the client is back
        // 250 ms later (2.27 s, after the window): the 13 readings of 2.02 .. 2.26 s are lost, 136 processed once
        SimulationReport clean = simulate("mqtt-qos1-drop-clean");
        assertThat(clean.groups().get("ingest").owed()).isEqualTo(149);
        assertThat(clean.groups().get("ingest").lostByCause().get("cleanSession"))
                .isEqualTo(13);
        assertThat(clean.groups().get("ingest").lost()).isEqualTo(13);
        assertThat(clean.groups().get("ingest").processed()).isEqualTo(136);
        assertThat(clean.groups().get("ingest").duplicates()).isZero();
        // QoS 0, the broker down from 2 s to 4 s: 50/s for 5 s, 20 ms .. 4980 ms = 249 readings; those published at
        // 2000 .. 3980 ms (100) are lost as qos0 (the simulator's publisher never learns); the 149 others processed
        SimulationReport brokerCrash = simulate("mqtt-qos0-broker-crash");
        assertThat(brokerCrash.groups().get("ingest").owed()).isEqualTo(249);
        assertThat(brokerCrash.groups().get("ingest").lostByCause().get("qos0")).isEqualTo(100);
        assertThat(brokerCrash.groups().get("ingest").lost()).isEqualTo(100);
        assertThat(brokerCrash.groups().get("ingest").processed()).isEqualTo(149);
        // retention 3 s, billing away from 1.5 s to 7.51 s: the second phase (2020 ms .. 3980 ms, 99 orders) is
        // deleted at 5.02 .. 6.98 s, before billing is back; the first (20 .. 980 ms, 49) was processed before the
        // crash and the third (6020 .. 8980 ms, 149) is processed after the restart: 49 + 149 = 198 of 297
        SimulationReport retention = simulate("kafka-retention-away");
        assertThat(retention.groups().get("billing").owed()).isEqualTo(297);
        assertThat(retention.groups().get("billing").lostByCause().get("retention"))
                .isEqualTo(99);
        assertThat(retention.groups().get("billing").processed()).isEqualTo(198);
    }

    private static SimulationReport simulate(String id) {
        CalibrationCase c = CalibrationSuite.select(id, false).get(0);
        Design d = Calibration.design(c);
        Simulation sim = Simulation.builder(d)
                .scenario(Calibration.scenario(c, d))
                .seed(1)
                .drain(c.drain().toNanos())
                .build();
        sim.runToEnd();
        return sim.report();
    }

    @Test
    void selectsByNameInSuiteOrderAndNamesUnknownCases() {
        assertThat(CalibrationSuite.select("jms-poison-dead-letter,kafka-auto-commit-crash", false))
                .extracting(CalibrationCase::id)
                .containsExactly("kafka-auto-commit-crash", "jms-poison-dead-letter");
        assertThat(CalibrationSuite.select(null, true)).allMatch(CalibrationCase::quick);
        assertThat(CalibrationSuite.select("", false))
                .hasSize(CalibrationSuite.cases().size());
        assertThatThrownBy(() -> CalibrationSuite.select("nope,kafka-auto-commit-crash", false))
                .hasMessageContaining("no calibration case nope")
                .hasMessageContaining("kafka-auto-commit-crash");
    }
}
