package io.eventflow.live.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.live.Endpoint;
import io.eventflow.live.Envelope;
import io.eventflow.live.LiveConnectors;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveHeaders;
import io.eventflow.live.LiveOptions;
import io.eventflow.live.server.FreePorts;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MqttConnectorTest {

    @Test
    void isRegisteredForMqtt() {
        assertThat(LiveConnectors.find(BrokerKind.MQTT)).get().isInstanceOf(MqttConnector.class);
    }

    @Test
    void topicsFillParametersWithTheKeyAndFiltersMatchThem() {
        String name = "ef-000001-plant/{siteId}/motors/{deviceId}/vibration";
        String topic = MqttTopics.topic(name, "k17", Set.of("deviceId"));
        assertThat(topic).isEqualTo("ef-000001-plant/siteId/motors/k17/vibration");
        assertThat(MqttTopics.filter(name)).isEqualTo("ef-000001-plant/+/motors/+/vibration");
        assertThat(MqttLiveServer.matches(MqttTopics.filter(name), topic)).isTrue();
        assertThat(MqttLiveServer.matches(MqttTopics.filter(name), "ef-000001-plant/s/probes/k17/vibration"))
                .isFalse();
        // no key: every parameter gets its own name; wildcards of the address are filled too
        assertThat(MqttTopics.topic(name, null, Set.of("deviceId")))
                .isEqualTo("ef-000001-plant/siteId/motors/deviceId/vibration");
        assertThat(MqttTopics.topic("a/+/b/#", "x/y", Set.of())).isEqualTo("a/x_y/b/x_y");
        assertThat(MqttLiveServer.matches("a/#", "a/x_y/b/x_y")).isTrue();
        assertThat(MqttTopics.shared("ef-000001-telemetry-ingest", "t/+"))
                .isEqualTo("$share/ef-000001-telemetry-ingest/t/+");
        assertThat(MqttTopics.clientId("ef-000001-store#0@readings")).isEqualTo("ef-000001-store_0_readings");
    }

    @Test
    void headersTravelAsUserPropertiesOrAHeaderLine() {
        Envelope m = Envelope.outgoing(
                42,
                7,
                1_700_000_000_000_000L,
                "k 1",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                Map.of(LiveHeaders.POISON, "readings"));
        Envelope v5 = MqttWire.read(MqttWire.properties(m), MqttWire.body(m, true), true);
        Envelope v3 = MqttWire.read(Map.of(), MqttWire.body(m, false), false);
        for (Envelope e : new Envelope[] {v5, v3}) {
            assertThat(e.messageId()).isEqualTo(42);
            assertThat(e.correlationId()).isEqualTo(7);
            assertThat(e.publishedAtMicros()).isEqualTo(1_700_000_000_000_000L);
            assertThat(e.key()).isEqualTo("k 1");
            assertThat(e.header(LiveHeaders.POISON)).isEqualTo("readings");
            assertThat(new String(e.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }
        // not the run's: no ids (MQTT 5) or no header line (3.1.1)
        assertThat(MqttWire.read(Map.of(), new byte[] {1, 2}, true)).isNull();
        assertThat(MqttWire.read(Map.of(), "plain".getBytes(StandardCharsets.UTF_8), false))
                .isNull();
    }

    @Test
    void anUnreachableEndpointFailsWithinTheTimeoutNamingIt() {
        int port = FreePorts.next(); // nothing listens there
        Endpoint endpoint = new Endpoint("mqtt", "tcp://127.0.0.1:" + port, Map.of(), Set.of());
        LiveOptions options = new LiveOptions("ef-000001-", Duration.ofSeconds(2), false);
        // the first client of the JVM loads the HiveMQ client and Netty (seconds on a loaded machine): not timed
        Endpoint warmUp = new Endpoint("mqtt", "tcp://127.0.0.1:" + FreePorts.next(), Map.of(), Set.of());
        assertThatThrownBy(() -> new MqttConnector().start(new Broker("mqtt", BrokerKind.MQTT), warmUp, options))
                .isInstanceOf(LiveException.class);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new MqttConnector().start(new Broker("mqtt", BrokerKind.MQTT), endpoint, options))
                .isInstanceOf(LiveException.class)
                .hasMessageContaining("broker 'mqtt' at tcp://127.0.0.1:" + port);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void anAddressThatIsNotMqttIsNamed() {
        Endpoint endpoint = new Endpoint("mqtt", "amqp://mq:5672", Map.of(), Set.of());
        LiveOptions options = new LiveOptions("ef-000001-", Duration.ofSeconds(2), false);
        assertThatThrownBy(() -> new MqttConnector().start(new Broker("mqtt", BrokerKind.MQTT), endpoint, options))
                .isInstanceOf(LiveException.class)
                .hasMessageContaining("scheme 'amqp' is not an MQTT one");
    }
}
