package io.eventflow.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.amqp.LocalRabbitMqServer;
import io.eventflow.live.run.LiveRun;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import io.eventflow.simulator.trace.TraceEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The design's producer {@code retry} on the kinds whose clients do not send a failed message again (the run does:
 * {@code internal.ProducerRetry}). Each run has two senders on the same broker at the same constant rate, one without
 * a retry policy and one whose attempts × backoff span the fault; the first loses what fails during the fault, the
 * second sends it again once the broker is back. One run per kind, a few seconds each.
 */
class ProducerRetryLiveTest {
    /** 20/s each; the retrying sender tries 40 times, 500 ms apart: 19.5 s, longer than any outage here. */
    private static String design(String kind, String channelExtra) {
        return """
                eventflow: 1
                name: Producer retry on %1$s
                brokers:
                  - {id: b, kind: %1$s}
                messages:
                  - id: Ping
                    payload: {type: object, required: [id], properties: {id: {type: string}}}
                channels:
                  - {id: plain, broker: b, address: plain, messages: [Ping]%2$s}
                  - {id: retried, broker: b, address: retried, messages: [Ping]%2$s}
                services:
                  - id: plain-sender
                    publishes:
                      - {channel: plain, message: Ping, rate: 20/s, arrival: constant}
                  - id: retry-sender
                    producer: {retry: {maxAttempts: 40, backoff: fixed, initial: 500ms}}
                    publishes:
                      - {channel: retried, message: Ping, rate: 20/s, arrival: constant}
                  - id: reader
                    subscribes:
                      - {channel: plain, group: plain-reader, processing: 1ms}
                      - {channel: retried, group: retried-reader, processing: 1ms}
                """
                .formatted(kind, channelExtra);
    }

    private record Outcome(GroupReport plain, GroupReport retried, List<TraceEvent> events) {}

    private static Outcome run(String kind, String channelExtra, String fault, int seconds) throws Exception {
        Design d = SampleRuns.design(design(kind, channelExtra));
        Scenario s = ScenarioReader.parse("test.scenario.yaml", "eventflow-scenario: 1\nfaults:\n" + fault, d);
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        LiveResult r = LiveRun.builder(d)
                .scenario(s)
                .seed(5)
                .duration(Duration.ofSeconds(seconds))
                .drain(Duration.ofSeconds(25))
                .trace(events::add)
                .build()
                .run();
        System.err.println(r.report().summaryTable());
        System.err.println(r.notes());
        SimulationReport rep = r.report();
        assertThat(rep.violations()).isEmpty();
        assertThat(r.notes()).noneMatch(n -> n.contains("producer's retry")); // applied, so not named as unapplied
        return new Outcome(rep.groups().get("plain-reader"), rep.groups().get("retried-reader"), events);
    }

    /**
     * The plain sender loses what it sends while the broker is down (at 20/s, at least 10 in a 1 s outage, allowing
     * for a loaded machine); the retrying one sends each of those again after the restart: none is lost by the crash,
     * and its sends were traced as retried.
     */
    private static void retriedAcrossTheOutage(Outcome o) {
        // the restart happened while the run still played its scenario (a restart due after the publishing time is
        // not applied: 2 s of slack after it for a loaded machine)
        assertThat(o.events())
                .as("the broker's restart")
                .anyMatch(e -> e instanceof TraceEvent.FaultEnded f && f.fault().equals("broker-crash"));
        assertThat(o.plain().lostByCause().get("crash")).isGreaterThanOrEqualTo(10);
        assertThat(o.retried().lostByCause().get("crash")).isZero();
        assertThat(o.retried().lostByCause().get("network")).isZero();
        assertThat(o.retried().lost()).isLessThan(o.plain().lost());
        assertThat(o.events())
                .anyMatch(e -> e instanceof TraceEvent.Retried x && x.element().startsWith("retry-"));
        assertThat(o.events())
                .noneMatch(e -> e instanceof TraceEvent.Retried x && x.element().startsWith("plain-"));
    }

    @Test
    void jmsSendsFailingWhileTheBrokerIsDownAreSentAgainAfterItsRestart() throws Exception {
        Outcome o = run(
                "jms", ", destination: queue", "  - {at: 1s, kind: broker-crash, target: b, restartAfter: 1s}\n", 4);
        retriedAcrossTheOutage(o);
    }

    @Test
    void redisSendsFailingWhileTheServerIsDownAreSentAgainAfterItsRestart() throws Exception {
        LocalServerTests.requireProgram("redis-server", io.eventflow.live.redis.LocalRedisServer.program());
        Outcome o = run("redis", "", "  - {at: 1s, kind: broker-crash, target: b, node: 0, restartAfter: 1s}\n", 4);
        retriedAcrossTheOutage(o);
        // the append-only file keeps every acknowledged entry: the retrying sender's group loses nothing
        assertThat(o.retried().lost()).isZero();
    }

    @Test
    void mqttQos1PublishesFailingWhileMoquetteIsDownAreSentAgainAfterItsRestart() throws Exception {
        Outcome o =
                run("mqtt", ", qos: 1", "  - {at: 1s, kind: broker-crash, target: b, node: 0, restartAfter: 2s}\n", 5);
        // the readers' clean sessions go with the crash: what arrives before they subscribed again is lost for them
        // ('cleanSession'), whichever sender sent it; the crash itself takes none of the retrying sender's
        retriedAcrossTheOutage(o);
    }

    @Test
    void postgresNotifiesFailingWhileTheServerIsDownAreSentAgainAfterItsRestart() throws Exception {
        Outcome o = run("postgres", "", "  - {at: 1s, kind: broker-crash, target: b, node: 0, restartAfter: 1s}\n", 4);
        // NOTIFY keeps nothing: what is sent after the restart before a group's listener is back is 'notListening',
        // whichever sender sent it; the crash itself takes none of the retrying sender's
        retriedAcrossTheOutage(o);
    }

    @Test
    void rabbitMqPublishesFailingOnResetConnectionsAreSentAgain() throws Exception {
        LocalServerTests.requireProgram("rabbitmq-server", LocalRabbitMqServer.program());
        // 30 % of the chunks each sender writes reset its connection, for 1.5 s: the plain sender's unconfirmed
        // publishes fail (lost 'network' unless the broker had stored them), the retrying sender's are sent again
        Outcome o = run(
                "amqp",
                "",
                "  - {at: 500ms, kind: drop, link: [plain-sender, b], percent: 30, for: 1500ms}\n"
                        + "  - {at: 500ms, kind: drop, link: [retry-sender, b], percent: 30, for: 1500ms}\n",
                3);
        assertThat(o.plain().lostByCause().get("network")).isPositive();
        assertThat(o.retried().lost()).isZero();
        assertThat(o.retried().processed() + o.retried().inFlight())
                .isEqualTo(o.retried().owed());
        assertThat(o.events())
                .anyMatch(e -> e instanceof TraceEvent.Retried x && x.element().startsWith("retry-"));
    }
}
