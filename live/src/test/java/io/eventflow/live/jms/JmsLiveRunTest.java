package io.eventflow.live.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import org.junit.jupiter.api.Test;

/** The trading sample live on the embedded ActiveMQ. */
class JmsLiveRunTest {

    @Test
    void tradingSampleConservesEveryMessageThroughCrashes() throws Exception {
        // The sample's own scenario also has a broker crash and a latency fault, which live mode refuses until
        // calibration: its crashes only.
        String scenario =
                """
                eventflow-scenario: 1
                design: trading-jms.eventflow.yaml
                faults:
                  - {at: 1s, kind: crash, target: dashboard, restartAfter: 1s}
                  - {at: 1s, kind: crash, target: risk, restartAfter: 1s}
                  - {at: 2s, kind: crash, target: matching-engine, instance: 0, restartAfter: 1s}
                """;
        LiveResult r = SampleRuns.run(LocalServerTests.sample("trading-jms"), scenario, 4, 5);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        assertThat(rep.groups().get("matching-engine").processed()).isPositive();
        assertThat(rep.groups().get("risk").processed()).isPositive();
        assertThat(r.notes()).anyMatch(n -> n.contains("ActiveMQ"));
    }

    @Test
    void atMostOnceDeliveriesInAWorkersHandsAtTheEndAreInFlightNotLost() throws Exception {
        // The dashboard reads at-most-once (acknowledged on receipt, so off the broker once received) and here takes
        // 30 s per message: when the 2 s run and its 1 s drain end, each of its instances holds a delivery it has not
        // finished. Those are in flight (as a simulated message in processing is), neither lost nor unexplained.
        Design slow = SampleRuns.withProcessing(
                LocalServerTests.sample("trading-jms"), "dashboard", Distribution.constant(TimeSpan.parse("30s")));
        LiveResult r = SampleRuns.run(slow, null, 2, 1);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        // prices keeps what the closed dashboard had not received for it (in flight); trades is a non-durable topic
        // subscription, whose undelivered messages the broker drops when the consumer leaves (lost, with that cause)
        GroupReport prices = rep.groups().get("dashboard@prices");
        assertThat(prices.owed()).isPositive();
        assertThat(prices.lost()).isZero();
        assertThat(prices.inFlight()).isEqualTo(prices.owed() - prices.processed());
    }

    @Test
    void deadLetterCopiesAConsumerTookOffTheDeadLetterQueueAreDeadLetteredNotLost() throws Exception {
        // Every poison order fails once (no retry) and its copy goes to work-dlq, which ops reads and acks at once:
        // at the end the queue is empty, yet each of those orders was dead-lettered for 'worker', and processed by ops.
        Design d = SampleRuns.design(
                """
                eventflow: 1
                name: Dead letters read by a consumer
                brokers:
                  - {id: amq, kind: jms}
                messages:
                  - id: Order
                    payload: {type: object, properties: {orderId: {type: string}}}
                channels:
                  - {id: work, broker: amq, address: work, messages: [Order], destination: queue}
                  - {id: work-dlq, broker: amq, address: work.dlq, messages: [Order], destination: queue}
                services:
                  - id: client
                    publishes:
                      - {channel: work, message: Order, rate: 100/s}
                  - id: worker
                    subscribes:
                      - {channel: work, group: worker, processing: 1ms, delivery: at-least-once, deadLetter: work-dlq}
                  - id: ops
                    subscribes:
                      - {channel: work-dlq, group: ops, processing: 1ms, delivery: at-least-once}
                """);
        String scenario =
                """
                eventflow-scenario: 1
                design: d.eventflow.yaml
                faults:
                  - {at: 0s, kind: poison, target: work, percent: 20}
                """;
        LiveResult r = SampleRuns.run(d, scenario, 2, 5);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        GroupReport worker = rep.groups().get("worker");
        GroupReport ops = rep.groups().get("ops");
        // about 20% of 2 s x 100/s = 40 orders
        assertThat(worker.deadLettered()).isGreaterThan(10);
        assertThat(worker.lost()).isZero();
        assertThat(worker.processed() + worker.deadLettered()).isEqualTo(worker.owed());
        assertThat(ops.processed()).isEqualTo(worker.deadLettered());
    }
}
