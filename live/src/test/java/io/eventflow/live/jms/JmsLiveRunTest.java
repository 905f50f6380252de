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

    @Test
    void requestsAreAnsweredOnTheReplyChannelAndUnansweredOnesAreRetriedThenFail() throws Exception {
        // web asks for quotes (pricer answers each on quote-replies with the request's correlation id) and for
        // stock on a queue nobody answers: each of those is sent, retried once after 200 ms + 100 ms, then fails.
        Design d = SampleRuns.design(
                """
                eventflow: 1
                name: Request and reply
                brokers:
                  - {id: amq, kind: jms}
                messages:
                  - id: Ask
                    payload: {type: object, properties: {item: {type: string}}}
                  - id: Answer
                    payload: {type: object, properties: {price: {type: number}}}
                channels:
                  - {id: quotes, broker: amq, address: quotes, messages: [Ask], destination: queue}
                  - {id: quote-replies, broker: amq, address: quotes.replies, messages: [Answer], destination: queue}
                  - {id: stock, broker: amq, address: stock, messages: [Ask], destination: queue}
                  - {id: stock-replies, broker: amq, address: stock.replies, messages: [Answer], destination: queue}
                services:
                  - id: web
                    requests:
                      - {channel: quotes, message: Ask, replyChannel: quote-replies, replyMessage: Answer,
                         rate: 50/s, timeout: 2s}
                      - {channel: stock, message: Ask, replyChannel: stock-replies, replyMessage: Answer, rate: 10/s,
                         timeout: 200ms, retry: {maxAttempts: 2, backoff: fixed, initial: 100ms}}
                  - id: pricer
                    subscribes:
                      - {channel: quotes, group: pricer, processing: 2ms, reply: {channel: quote-replies,
                         message: Answer}}
                """);
        LiveResult r = SampleRuns.run(d, null, 2, 3);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        var q = rep.requests();
        // about 2 s x 50/s quotes, all answered within their 2 s timeout
        assertThat(q.answered()).isGreaterThan(60);
        assertThat(rep.groups().get("pricer").processed()).isEqualTo(q.answered());
        // the reply group, named after the requester, processed every answer
        assertThat(rep.groups().get("web@quote-replies").processed()).isEqualTo(q.answered());
        // about 2 s x 10/s stock requests: 200 ms, a retry 100 ms later, 200 ms more, failed
        assertThat(q.retried()).isGreaterThan(10);
        assertThat(q.failed()).isGreaterThan(10).isLessThanOrEqualTo(q.retried());
        // every request ends answered, failed or pending; each retry is one more send
        assertThat(q.sent()).isEqualTo(q.answered() + q.failed() + q.pending() + q.retried());
        assertThat(q.meanAnswerMs()).isPositive().isLessThan(2000);
        // requests and replies are published messages
        assertThat(rep.totals().published()).isEqualTo(q.sent() + q.answered());
    }
}
