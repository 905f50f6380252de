package io.eventflow.live.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.simulator.report.SimulationReport;
import org.junit.jupiter.api.Test;

/** The payments sample live on a private RabbitMQ node. */
class AmqpLiveRunTest {

    @Test
    void paymentsSampleConservesEveryMessageThroughACrashAndPoison() throws Exception {
        LocalServerTests.requireProgram("rabbitmq-server", LocalRabbitMqServer.program());
        // The sample's own scenario has network and broker faults, which live mode refuses until calibration:
        // a crash of a payments instance and a poison burst on the requests instead.
        String scenario =
                """
                eventflow-scenario: 1
                design: payments-rabbitmq.eventflow.yaml
                faults:
                  - {at: 1s, kind: crash, target: payments, instance: 1, restartAfter: 1s}
                  - {at: 1s, kind: poison, target: payment-requests, percent: 20, for: 2s}
                """;
        // The support desk reads the dead-letter queues at most once with 30 s per message: what it holds when
        // the run ends is acked and unprocessed, which the run does not account for yet (the engine's close
        // hints nothing for held at-most-once messages). 30 ms here, so the short run drains.
        Design sample = LocalServerTests.sample("payments-rabbitmq");
        Design design = sample.withServices(sample.services().stream()
                .map(s -> s.id().equals("support-desk")
                        ? s.withSubscribes(s.subscribes().stream()
                                .map(sub ->
                                        SampleRuns.withProcessing(sub, Distribution.constant(TimeSpan.ofMillis(30))))
                                .toList())
                        : s)
                .toList());
        LiveResult r = SampleRuns.run(design, scenario, 3, 5);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        SimulationReport.GroupReport payments = rep.groups().get("payments");
        assertThat(payments.owed()).isPositive();
        // Poison fails every attempt: after the design's 5 attempts (4 retries) it is dead-lettered to
        // payment-requests-dlq, where the support desk reads it; dead-lettered for payments all the same (a copy
        // sent twice, after the crash, is one id).
        long dead = rep.channels().get("payment-requests-dlq").published();
        assertThat(dead).isPositive();
        assertThat(payments.deadLettered()).isPositive().isLessThanOrEqualTo(dead);
        assertThat(payments.lost()).isZero();
        assertThat(payments.retries()).isGreaterThanOrEqualTo(4 * dead);
        assertThat(rep.groups().get("support@payment-requests-dlq").processed()).isEqualTo(dead);
        assertThat(r.notes()).anyMatch(n -> n.contains("local RabbitMQ node"));
        LocalServerTests.assertNoChildNamed("beam.smp");
    }

    @Test
    void messagesTheBrokerExpiresToTheDeadLetterExchangeAreDeadLetteredForTheirQueue() throws Exception {
        LocalServerTests.requireProgram("rabbitmq-server", LocalRabbitMqServer.program());
        // 50/s into a queue whose one consumer takes 50 ms each (20/s): the queue grows, and what waits longer than
        // the 300 ms TTL is dead-lettered by RabbitMQ (x-death reason 'expired') to work-dlq, where ops reads it.
        Design d = SampleRuns.design(
                """
                eventflow: 1
                name: Expiry to a dead-letter exchange
                brokers:
                  - {id: rabbit, kind: amqp}
                messages:
                  - id: Job
                    payload: {type: object, properties: {jobId: {type: string}}}
                channels:
                  - {id: work, broker: rabbit, address: work, messages: [Job], ttl: 300ms, deadLetter: work-dlq}
                  - {id: work-dlq, broker: rabbit, address: work.dlq, messages: [Job]}
                services:
                  - id: client
                    publishes:
                      - {channel: work, message: Job, rate: 50/s}
                  - id: worker
                    subscribes:
                      - {channel: work, group: worker, processing: 50ms, prefetch: 1, delivery: at-least-once}
                  - id: ops
                    subscribes:
                      - {channel: work-dlq, group: ops, processing: 1ms, delivery: at-least-once}
                """);
        LiveResult r = SampleRuns.run(d, null, 3, 5);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        SimulationReport.GroupReport worker = rep.groups().get("worker");
        // about 3 s x (50 - 20)/s pile up; all but the ~300 ms' worth at the head expire
        assertThat(worker.deadLettered()).isGreaterThan(20);
        assertThat(worker.lost()).isZero();
        assertThat(worker.owed()).isEqualTo(worker.processed() + worker.deadLettered() + worker.inFlight());
        assertThat(rep.groups().get("ops").processed()).isEqualTo(worker.deadLettered());
    }
}
