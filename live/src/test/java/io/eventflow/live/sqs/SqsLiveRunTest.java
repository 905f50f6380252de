package io.eventflow.live.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.live.LiveException;
import io.eventflow.live.LiveResult;
import io.eventflow.live.run.LiveRun;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.simulator.report.SimulationReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The orders-sqs-sns sample live on the embedded ElasticMQ. */
class SqsLiveRunTest {

    @Test
    void theSampleAsDesignedIsRefusedNamingItsSnsTopic() throws Exception {
        Design sample = LocalServerTests.sample("orders-sqs-sns");
        assertThatThrownBy(() -> LiveRun.builder(sample)
                        .duration(Duration.ofSeconds(1))
                        .build()
                        .run())
                .isInstanceOf(LiveException.class)
                .hasMessageContaining("channel 'order-events': an SNS topic, and SNS has no embeddable server")
                .hasMessageContaining("--brokers");
    }

    @Test
    void withoutItsSnsTopicTheSampleConservesEveryMessageThroughACrashAndPoison() throws Exception {
        Design sample = LocalServerTests.sample("orders-sqs-sns");
        // The storefront publishes straight to the billing queue instead of the SNS topic (analytics then gets
        // nothing); operations reads the dead-letter queues in 30 ms instead of 30 s, so that the short run drains.
        Design design = sample.withChannels(sample.channels().stream()
                        .filter(c -> !SqsQueue.of(c).isTopic())
                        .map(c -> c.with(SqsQueue.of(c).withSnsTopics(null)))
                        .toList())
                .withServices(sample.services().stream()
                        .map(s -> s.id().equals("storefront")
                                ? s.withPublishes(List.of(retarget(s.publishes().get(0), "billing-queue")))
                                : s)
                        .toList());
        design = SampleRuns.withProcessing(design, "operations", Distribution.constant(TimeSpan.ofMillis(30)));
        String scenario =
                """
                eventflow-scenario: 1
                design: orders-sqs-sns.eventflow.yaml
                faults:
                  - {at: 1s, kind: crash, target: warehouse, instance: 0, restartAfter: 1s}
                  - {at: 1s, kind: poison, target: billing-queue, percent: 20, for: 1s}
                """;
        LiveResult r = SampleRuns.run(design, scenario, 3, 5);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        assertThat(rep.groups().get("billing").processed()).isPositive();
        // FIFO: every shipment a processed order asked for went through shipments.fifo.
        assertThat(rep.groups().get("warehouse").owed()).isPositive();
        assertThat(r.notes()).anyMatch(n -> n.contains("ElasticMQ"));
    }

    private static Publication retarget(Publication p, String channel) {
        return p.withChannel(channel);
    }

    @Test
    void retentionDeletionsAreNamedAsNotMeasured() throws Exception {
        Design d = SampleRuns.design(
                """
                eventflow: 1
                name: Retention
                brokers:
                  - {id: aws, kind: sqs}
                messages:
                  - id: Job
                    payload: {type: object, properties: {id: {type: string}}}
                channels:
                  - {id: jobs, broker: aws, address: jobs, messages: [Job], messageRetention: 60s}
                services:
                  - id: client
                    publishes:
                      - {channel: jobs, message: Job, rate: 20/s}
                  - id: worker
                    subscribes:
                      - {channel: jobs, group: worker, processing: 1ms}
                """);
        LiveResult r = SampleRuns.run(d, null, 1, 3);
        SampleRuns.assertConserved(r.report());
        assertThat(r.notes())
                .anyMatch(n -> n.startsWith(
                        "channel 'jobs': messages its messageRetention (60s) deletes are not" + " measured live"));
    }

    /**
     * A crashed worker leaves its batch invisible; after the visibility timeout the restarted worker's receive is the
     * second, and the queue's redrive policy (maxReceiveCount 1) moves those messages to the dead-letter queue. They
     * count as dead-lettered for the group (read back from the dead-letter queue by their source queue), not lost.
     */
    @Test
    void messagesTheRedrivePolicyMovesCountAsDeadLettered() throws Exception {
        Design d = SampleRuns.design(
                """
                eventflow: 1
                name: Redrive
                brokers:
                  - {id: aws, kind: sqs}
                messages:
                  - id: Job
                    payload: {type: object, properties: {id: {type: string}}}
                channels:
                  - {id: jobs, broker: aws, address: jobs, messages: [Job], visibilityTimeout: 1s,
                     maxReceiveCount: 1, deadLetter: jobs-dlq}
                  - {id: jobs-dlq, broker: aws, address: jobs-dlq, messages: [Job]}
                services:
                  - id: client
                    publishes:
                      - {channel: jobs, message: Job, rate: 30/s}
                  - id: worker
                    subscribes:
                      - {channel: jobs, group: worker, processing: 80ms, prefetch: 10}
                """);
        String scenario =
                """
                eventflow-scenario: 1
                design: d.eventflow.yaml
                faults:
                  - {at: 1s, kind: crash, target: worker, instance: 0, restartAfter: 1s}
                """;
        LiveResult r = SampleRuns.run(d, scenario, 3, 8);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        SimulationReport.GroupReport w = rep.groups().get("worker");
        // the batch the crash left in hand (up to 10 messages of 80 ms each, received from a backlog) was moved
        assertThat(w.deadLettered()).isBetween(1L, 10L);
        assertThat(w.lostByCause().get("crash")).isZero();
        assertThat(w.owed()).isEqualTo(w.processed() + w.deadLettered() + w.inFlight() + w.lost());
    }
}
