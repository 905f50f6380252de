package io.eventflow.live.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.run.LiveRun;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A broker crash whose {@code restartAfter} falls after the end of publishing: the node stays down while the run
 * drains, and the run's notes say so (before, the restart was dropped without a word when publishing ended).
 */
class SqsRestartAfterRunLiveTest {
    private static final String DESIGN =
            """
            eventflow: 1
            name: SQS restart after the run
            brokers:
              - {id: aws, kind: sqs}
            messages:
              - id: Ping
                payload: {type: object, required: [id], properties: {id: {type: string}}}
            channels:
              - {id: pings, broker: aws, address: pings, messages: [Ping], visibilityTimeout: 1s}
            services:
              - id: sender
                publishes:
                  - {channel: pings, message: Ping, rate: 20/s, arrival: constant}
              - id: receiver
                subscribes:
                  - {channel: pings, group: receiver, processing: 1ms, delivery: at-least-once}
            """;

    @Test
    void aRestartDueAfterPublishingEndsIsNamedInTheNotes() throws Exception {
        Design d = SampleRuns.design(DESIGN);
        // publishing lasts 2 s; the outage starts at 1 s and would end at 1 s + 5 s = 6 s
        Scenario s = ScenarioReader.parse(
                "test.scenario.yaml",
                "eventflow-scenario: 1\nfaults:\n  - {at: 1s, kind: broker-crash, target: aws, restartAfter: 5s}\n",
                d);
        LiveResult r = LiveRun.builder(d)
                .scenario(s)
                .seed(3)
                .duration(Duration.ofSeconds(2))
                .drain(Duration.ofSeconds(1))
                .build()
                .run();
        System.err.println(r.notes());
        assertThat(r.notes())
                .anyMatch(n -> n.startsWith("the restart of 'aws' node 0 at 6.0 s was not applied: publishing ended at")
                        && n.endsWith("so the node stayed down while the run drained"));
        assertThat(r.report().ok()).isTrue();
    }
}
