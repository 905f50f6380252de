package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.Runs.design;
import static io.eventflow.simulator.semantics.Runs.kafka;
import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.UnsupportedDesignException;
import io.eventflow.simulator.trace.TraceEvent;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TraceAndChainTest {
    static final String AFTER = KafkaKnownAnswerTest.AFTER;

    /** The first events of the quiet run, as SimPy's tests compare logged event lists. */
    @Test
    void goldenTrace() throws Exception {
        // each record is read once both followers have it (high watermark, replication lag 10 ms): delivered 10 ms
        // after it was stored, processed 10 ms later, then committed
        Simulation sim = Simulation.builder(design(kafka("", "all", "", 1, AFTER)))
                .seed(7)
                .duration(220_000_000L)
                .build();
        sim.runToEnd();
        List<String> got = sim.trace().since(0).stream()
                .map(e -> e.time() / 1_000_000 + "ms " + e.kind() + " " + e.element() + " " + e.messageId())
                .collect(Collectors.toList());
        assertThat(got)
                .containsExactly(
                        "100ms published p#0 0",
                        "100ms stored orders 0",
                        "110ms delivered c#0 0",
                        "120ms processed c#0 0",
                        "120ms committed orders -1",
                        "200ms published p#0 1",
                        "200ms stored orders 1",
                        "210ms delivered c#0 1",
                        "220ms processed c#0 1",
                        "220ms committed orders -1");
        // a committed event names the next offset to read (Kafka's convention): 1 after offset 0, 2 after offset 1
        assertThat(sim.trace().since(0).stream()
                        .filter(e -> e instanceof TraceEvent.Committed)
                        .map(e -> ((TraceEvent.Committed) e).offset()))
                .containsExactly(1L, 2L);
    }

    @Test
    void sameSeedSameTraceOtherSeedOtherTrace() throws Exception {
        String yaml = kafka("", "all", "", 2, AFTER)
                .replace("processing: 10ms", "processing: {distribution: exponential, mean: 50ms}")
                .replace("arrival: constant", "arrival: poisson")
                .replace("partitions: 1,", "partitions: 3,");
        String faults = "{at: 2s, kind: crash, target: c, instance: 1, restartAfter: 1s}, "
                + "{at: 3s, kind: drop, link: [p, kafka], percent: 30, for: 2s}";
        String a = run(yaml, "8s", faults, "").trace;
        String b = run(yaml, "8s", faults, "").trace;
        assertThat(a).isEqualTo(b).isNotEmpty();
        Simulation other = Simulation.builder(design(yaml))
                .seed(8)
                .duration(8_000_000_000L)
                .build();
        other.runToEnd();
        assertThat(other.report().totals().published()).isPositive();
    }

    @Test
    void chainCarriesTheCorrelationIdOn() throws Exception {
        String yaml =
                """
                eventflow: 1
                name: chain
                brokers: [{id: kafka, kind: kafka}]
                messages: [{id: A}, {id: B}]
                channels:
                  - {id: a, broker: kafka, messages: [A]}
                  - {id: b, broker: kafka, messages: [B]}
                services:
                  - id: p
                    publishes: [{channel: a, message: A, rate: 10/s}]
                  - id: mid
                    subscribes: [{channel: a, group: mid, processing: 5ms}]
                    publishes: [{channel: b, message: B, per: processed}]
                  - id: end
                    subscribes: [{channel: b, group: end, processing: 5ms}]
                """;
        Simulation sim =
                Simulation.builder(design(yaml)).duration(1_050_000_000L).build();
        sim.runToEnd();
        // message 0 (a, 0.1 s) is processed by mid at 0.105 s, which publishes message 1 on b with correlation id 0
        List<String> corr0 = sim.trace().byCorrelationId(0).stream()
                .filter(e -> e instanceof TraceEvent.Processed)
                .map(e -> e.element() + ":" + e.messageId())
                .toList();
        assertThat(corr0).containsExactly("mid#0:0", "end#0:1");
        assertThat(sim.report().groups().get("end").processed()).isEqualTo(10);
        assertThat(sim.report().totals().published()).isEqualTo(20);
    }

    @Test
    void requestReplyAnswersAndRetriesOnTimeout() throws Exception {
        String yaml =
                """
                eventflow: 1
                name: rr
                brokers: [{id: kafka, kind: kafka}]
                messages: [{id: Q}, {id: R}]
                channels:
                  - {id: req, broker: kafka, messages: [Q]}
                  - {id: rep, broker: kafka, messages: [R]}
                services:
                  - id: client
                    requests:
                      - {channel: req, message: Q, replyChannel: rep, replyMessage: R, rate: 1/s, timeout: 500ms,
                         retry: {maxAttempts: 2, backoff: fixed, initial: 100ms}}
                  - id: server
                    subscribes: [{channel: req, group: server, processing: 10ms, reply: {channel: rep, message: R}}]
                """;
        // quiet: requests at 1..10 s, each answered in 10 ms
        Runs quiet = run(yaml, "10.5s", "", "");
        assertThat(quiet.report.requests().sent()).isEqualTo(10);
        assertThat(quiet.report.requests().answered()).isEqualTo(10);
        assertThat(quiet.report.requests().meanAnswerMs())
                .isCloseTo(10.0, org.assertj.core.api.Assertions.within(1e-6));
        // server down 2.5..4.5 s. Request 3 s times out at 3.5 s, is re-sent at 3.6 s (attempt 2) and times out at
        // 4.1 s: failed. Request 4 s: timeout 4.5 s, re-sent 4.6 s, answered at 4.61 s. At 4.5 s the server's backlog
        // (3 s, 3.6 s and 4 s requests) is answered too late for request 3 and before the re-send of 4.
        Runs down = run(yaml, "10.5s", "{at: 2.5s, kind: crash, target: server, restartAfter: 2s}", "");
        assertThat(down.report.requests().failed()).isEqualTo(1);
        assertThat(down.report.requests().answered()).isEqualTo(9);
        assertThat(down.report.requests().retried()).isEqualTo(2);
    }

    @Test
    void reorderLetsLaterMessagesOvertake() throws Exception {
        Runs r = run(
                kafka("", "all", "", 1, AFTER),
                "10.05s",
                "{at: 0s, kind: reorder, link: [p, kafka], percent: 50, window: 150ms}",
                "");
        List<Long> stored = r.trace
                .lines()
                .filter(l -> l.startsWith("{\"kind\":\"stored\""))
                .map(l -> Long.parseLong(l.replaceAll(".*\"messageId\":(\\d+).*", "$1")))
                .toList();
        long inversions = 0;
        for (int i = 1; i < stored.size(); i++) {
            if (stored.get(i) < stored.get(i - 1)) {
                inversions++;
            }
        }
        assertThat(inversions).isPositive();
        // a held-back message of 10.0 s would arrive at 10.15 s, after the end
        assertThat(r.group("c").processed() + r.group("c").inFlight()).isEqualTo(100);
    }

    @Test
    void designOnAnOtherBrokerIsRefusedNamingTheElement() {
        String yaml =
                """
                eventflow: 1
                name: iot
                brokers: [{id: mosquitto, kind: other}]
                messages: [{id: T}]
                channels: [{id: telemetry, broker: mosquitto, messages: [T]}]
                services:
                  - {id: sensor, publishes: [{channel: telemetry, message: T, rate: 1/s}]}
                """;
        assertThatThrownBy(() -> Simulation.builder(design(yaml)).build())
                .isInstanceOf(UnsupportedDesignException.class)
                .hasMessageContaining("broker 'mosquitto' is of kind other")
                .hasMessageContaining("channel 'telemetry'");
    }
}
