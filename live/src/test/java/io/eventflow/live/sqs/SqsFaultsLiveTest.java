package io.eventflow.live.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.server.FaultRun;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Network faults and an outage on the embedded ElasticMQ: every client of the design reaches it through the fault
 * proxy (a service with a network fault on its own link); the AWS SDK retries a request on a reset connection per
 * its standard policy (3 attempts). The runs are short; the checks hold whatever the machine's speed.
 */
class SqsFaultsLiveTest {
    private static final String DESIGN =
            """
            eventflow: 1
            name: SQS faults
            brokers:
              - {id: aws, kind: sqs}
            messages:
              - id: Ping
                payload: {type: object, required: [id], properties: {id: {type: string}}}
            channels:
              - {id: pings, broker: aws, address: pings, messages: [Ping], visibilityTimeout: 1s}
              - {id: bulk, broker: aws, address: bulk, messages: [Ping], visibilityTimeout: 1s}
            services:
              - id: sender
                publishes:
                  - {channel: pings, message: Ping, rate: 50/s, arrival: constant}
              - id: bulk-sender
                publishes:
                  - {channel: bulk, message: Ping, rate: 25/s, arrival: constant}
              - id: receiver
                subscribes:
                  - {channel: pings, group: receiver, processing: 1ms, delivery: at-least-once}
              - id: bulk-reader
                subscribes:
                  - {channel: bulk, group: bulk-reader, processing: 1ms, delivery: at-least-once}
            """;

    private static LiveResult run(String faults, int seconds, List<TraceEvent> events) throws Exception {
        return FaultRun.of(SampleRuns.design(DESIGN))
                .faults(faults)
                .seconds(seconds)
                .drainSeconds(10)
                .trace(events)
                .run();
    }

    @Test
    void latencyDelaysReceivesAndAPartitionHoldsSendsUntilItEnds() throws Exception {
        // every answer to the receiver (its receives' messages) crosses aws -> receiver 400 ms late; bulk-sender is
        // cut off for 2 s: its SendMessage requests wait (the SDK's socket timeout, 30 s, does not run out) and
        // go on at the end
        LiveResult r = run(
                "  - {at: 0s, kind: latency, link: [aws, receiver], delay: 400ms, jitter: 0ms}\n"
                        + "  - {at: 1s, kind: partition, between: [bulk-sender, aws], for: 2s}\n",
                4,
                null);
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
        assertThat(r.notes()).anyMatch(n -> n.contains("through the fault proxy"));
        GroupReport g = rep.groups().get("receiver");
        assertThat(g.owed()).isPositive();
        assertThat(g.lost()).isZero();
        // a slow machine may leave some on the queue when the drain ends: in flight, never lost
        assertThat(g.processed() + g.inFlight()).isEqualTo(g.owed());
        assertThat(g.latencyMs().p50()).isGreaterThanOrEqualTo(400);
        GroupReport bulk = rep.groups().get("bulk-reader");
        assertThat(bulk.owed()).isPositive();
        assertThat(bulk.lost()).isZero();
        assertThat(bulk.processed() + bulk.inFlight()).isEqualTo(bulk.owed());
        // a message sent as the partition began waited for its end: 2 s, less the 40 ms between sends
        assertThat(bulk.latencyMs().max()).isGreaterThanOrEqualTo(1500);
    }

    @Test
    void dropsAreRetriedByTheSdkAndAnOutageFailsRequestsUntilItEnds() throws Exception {
        // 30 % of what bulk-sender writes for 2 s resets its connection: the SDK sends the request again (a request
        // the server had taken before the reset is stored twice: a duplicate) and gives up after 3 attempts
        // (lost, network). At 1 s the endpoint goes down for 1.5 s (broker-crash: an outage): every request fails,
        // sends are lost (crash), stored messages stay and are received after it
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        LiveResult r = run(
                "  - {at: 500ms, kind: drop, link: [bulk-sender, aws], percent: 30, for: 2s}\n"
                        + "  - {at: 1s, kind: broker-crash, target: aws, restartAfter: 1500ms}\n",
                4,
                events);
        SimulationReport rep = r.report();
        FaultRun.assertConserved(rep);
        assertThat(r.notes()).noneMatch(n -> n.startsWith("restart of") || n.startsWith("broker-crash of"));
        long restartAt = FaultRun.faultEnded(events, "broker-crash").orElseThrow();
        for (String group : List.of("receiver", "bulk-reader")) {
            GroupReport g = rep.groups().get(group);
            // every loss is a send its producer saw fail: none unknown, never a guessed cause
            assertThat(g.lostByCause().get("crash")).as(group).isPositive();
            assertThat(g.lost())
                    .as(group)
                    .isEqualTo(g.lostByCause().get("crash") + g.lostByCause().get("network"));
            assertThat(g.processed() + g.inFlight()).as(group).isEqualTo(g.owed() - g.lost());
            // the consumers polled again after the outage
            assertThat(FaultRun.processedAfter(events, group, restartAt))
                    .as(group)
                    .isNotEmpty();
        }
        assertThat(rep.groups().get("receiver").lostByCause().get("network")).isZero();
    }
}
