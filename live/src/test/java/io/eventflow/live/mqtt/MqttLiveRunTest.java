package io.eventflow.live.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MQTT designs live: the IoT sample on Moquette (as MQTT 3.1.1) and on mosquitto (as designed, MQTT 5), and crashes. */
class MqttLiveRunTest {

    @Test
    void iotSampleAsMqtt311ConservesEveryMessageOnMoquette() throws Exception {
        // What Moquette can run: no protocolVersion 5, no session expiry or receive maximum, one instance per group
        // (Moquette has no shared subscriptions).
        Design iot = lighter(LocalServerTests.sample("iot-telemetry"));
        Broker b = iot.brokers().get(0);
        Design v311 = iot.withBrokers(List.of(new Broker(b.id(), b.kind())))
                .withServices(iot.services().stream()
                        .map(s -> s.subscribes().isEmpty()
                                ? s
                                : s.withInstances(1)
                                        .withSubscribes(s.subscribes().stream()
                                                .map(MqttLiveRunTest::cleanSession)
                                                .toList()))
                        .toList());
        assertThat(MqttServers.mqtt5Features(v311, v311.brokers().get(0))).isEmpty();
        String scenario =
                """
                eventflow-scenario: 1
                design: iot-telemetry.eventflow.yaml
                faults:
                  - {at: 2s, kind: crash, target: fleet-manager, restartAfter: 1s}
                """;
        LiveResult r = SampleRuns.run(v311, scenario, 4, 3);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        assertThat(r.notes()).anyMatch(n -> n.contains("Moquette"));
        assertThat(rep.groups().get("anomaly-detector").processed()).isPositive();
        assertThat(rep.groups().get("telemetry-ingest").processed()).isPositive();
        // QoS 1 with live connections and no fault loses nothing
        assertThat(rep.groups().get("telemetry-ingest").lost()).isZero();
    }

    @Test
    void iotSampleAsDesignedConservesEveryMessageOnMosquitto() throws Exception {
        LocalServerTests.requireProgram("mosquitto", LocalMosquittoServer.program());
        LiveResult r = SampleRuns.run(lighter(LocalServerTests.sample("iot-telemetry")), null, 4, 3);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        assertThat(r.notes()).anyMatch(n -> n.contains("mosquitto") && n.contains("MQTT 5"));
        assertThat(r.notes())
                .anyMatch(n -> n.contains("maxDepth are not measured")
                        && n.contains("last wills are not set live (edge-gateway on device-status)"));
        // three instances share one subscription: the group gets each message once
        GroupReport ingest = rep.groups().get("telemetry-ingest");
        assertThat(ingest.processed()).isPositive();
        assertThat(ingest.duplicates()).isZero();
        assertThat(ingest.lost()).isZero();
    }

    private static final String CRASH_DESIGN =
            """
            eventflow: 1
            name: MQTT crash
            brokers:
              - {id: mqtt, kind: mqtt%s}
            messages:
              - id: Reading
                payload:
                  type: object
                  required: [deviceId]
                  properties:
                    deviceId: {type: string}
            channels:
              - {id: readings, broker: mqtt, address: "sensors/{deviceId}/reading", messages: [Reading], qos: %d}
            services:
              - id: sensors
                instances: 2
                publishes:
                  - {channel: readings, message: Reading, rate: 100/s, arrival: constant, key: deviceId, keys: uniform(10)}
              - id: store
                subscribes:
                  - {channel: readings, group: store, qos: %d, processing: 20ms, delivery: at-least-once%s}
            """;

    private static final String CRASH =
            """
            eventflow-scenario: 1
            design: crash.eventflow.yaml
            faults:
              - {at: 1s, kind: crash, target: store, restartAfter: 1s}
            """;

    @Test
    void aCrashAtQos0LosesMessagesAndCountsThemAsQos0() throws Exception {
        // 200 messages/s, 50 processed per second: the client holds what the broker pushed (QoS 0 has no flow
        // control). The crash loses those, and the second without a client loses what was sent meanwhile.
        Design d = design(String.format(CRASH_DESIGN, "", 0, 0, ""));
        LiveResult r = SampleRuns.run(d, CRASH, 3, 2);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        GroupReport store = rep.groups().get("store");
        System.err.println("store: lost by cause " + store.lostByCause() + ", redelivered " + store.redelivered()
                + ", duplicates " + store.duplicates());
        assertThat(store.lost()).isPositive();
        assertThat(store.lostByCause().get("qos0") + store.lostByCause().get("crash"))
                .isEqualTo(store.lost());
        assertThat(store.lostByCause().get("qos0")).isPositive();
    }

    @Test
    void aCrashAtQos1WithAPersistentSessionRedeliversAndLosesNothing() throws Exception {
        LocalServerTests.requireProgram("mosquitto", LocalMosquittoServer.program());
        // The session outlives the crash (sessionExpiry 1h): the broker keeps what the client had not acknowledged
        // and what came while it was away, and re-sends it to the restarted client (same client id).
        Design d = design(String.format(CRASH_DESIGN, ", protocolVersion: \"5.0\"", 1, 1, ", sessionExpiry: 1h"));
        LiveResult r = SampleRuns.run(d, CRASH, 3, 8);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        GroupReport store = rep.groups().get("store");
        System.err.println("store: lost by cause " + store.lostByCause() + ", redelivered " + store.redelivered()
                + ", duplicates " + store.duplicates());
        assertThat(store.lost()).isZero();
        assertThat(store.redelivered()).isPositive();
        assertThat(store.processed() + store.inFlight()).isEqualTo(store.owed());
    }

    @Test
    void aCrashAtQos1WithACleanSessionLosesWhatTheSessionHeld() throws Exception {
        Design d = design(String.format(CRASH_DESIGN, "", 1, 1, ""));
        LiveResult r = SampleRuns.run(d, CRASH, 3, 3);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        GroupReport store = rep.groups().get("store");
        System.err.println("store: lost by cause " + store.lostByCause() + ", redelivered " + store.redelivered()
                + ", duplicates " + store.duplicates());
        assertThat(store.lost()).isPositive();
        assertThat(store.lostByCause().get("cleanSession") + store.lostByCause().get("crash"))
                .isEqualTo(store.lost());
    }

    /**
     * The sample with its 400 vibration sensors and 1,200 probes (one MQTT connection each) as 10 and 20 clients, the
     * probes at 15 times the rate: a short test run on a shared 2-core machine. Vibration goes from 4,000 to 100
     * messages a second, temperature stays at 1,200 × 1/min = 20 × 15/min = 5 a second.
     */
    static Design lighter(Design iot) {
        return iot.withServices(iot.services().stream()
                .map(s -> switch (s.id()) {
                    case "vibration-sensors" -> s.withInstances(10);
                    case "probes" -> s.withInstances(20)
                            .withPublishes(s.publishes().stream()
                                    .map(p -> p.withRate(Rate.parse("15/min")))
                                    .toList());
                    default -> s;
                })
                .toList());
    }

    private static Design design(String yaml) throws Exception {
        Path dir = Files.createTempDirectory("ef-mqtt");
        Path file = dir.resolve("crash.eventflow.yaml");
        try {
            Files.writeString(file, yaml);
            return DesignFiles.open(file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static Subscription cleanSession(Subscription s) {
        return new Subscription(
                s.channel(),
                s.group(),
                s.startFrom(),
                s.processing(),
                s.concurrency(),
                s.prefetch(),
                s.delivery(),
                s.mechanism(),
                s.dedupWindow(),
                s.commit(),
                s.retry(),
                s.deadLetter(),
                s.qos(),
                s.reply(),
                s.maxDowntime(),
                s.durable(),
                null,
                null,
                s.claimIdle(),
                s.isolation(),
                s.rebalancePause(),
                s.verify(),
                s.extensions());
    }
}
