package io.eventflow.live.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.eventflow.live.server.LocalServer;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Design;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MqttServersTest {

    @Test
    void moquetteRoundTripsQos1AndRefusesMqtt5() throws Exception {
        try (EmbeddedMoquette server = EmbeddedMoquette.start()) {
            System.err.println("Moquette start: " + server.startTime().toMillis() + " ms");
            Mqtt3BlockingClient sub = Mqtt3Client.builder()
                    .identifier("sub")
                    .serverHost("127.0.0.1")
                    .serverPort(server.port())
                    .buildBlocking();
            Mqtt3BlockingClient pub = Mqtt3Client.builder()
                    .identifier("pub")
                    .serverHost("127.0.0.1")
                    .serverPort(server.port())
                    .buildBlocking();
            sub.connect();
            pub.connect();
            try (Mqtt3BlockingClient.Mqtt3Publishes publishes = sub.publishes(MqttGlobalPublishFilter.ALL)) {
                sub.subscribeWith()
                        .topicFilter("t/#")
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .send();
                for (int i = 0; i < 1000; i++) {
                    pub.publishWith()
                            .topic("t/a")
                            .qos(MqttQos.AT_LEAST_ONCE)
                            .payload(("m" + i).getBytes(StandardCharsets.UTF_8))
                            .send();
                }
                Set<String> got = new HashSet<>();
                for (Optional<Mqtt3Publish> p = publishes.receive(5, TimeUnit.SECONDS);
                        p.isPresent() && got.size() < 1000;
                        p = publishes.receive(1, TimeUnit.SECONDS)) {
                    got.add(new String(p.get().getPayloadAsBytes(), StandardCharsets.UTF_8));
                }
                assertThat(got).hasSize(1000);
            } finally {
                sub.disconnect();
                pub.disconnect();
            }
            Mqtt5BlockingClient v5 = Mqtt5Client.builder()
                    .identifier("v5")
                    .serverHost("127.0.0.1")
                    .serverPort(server.port())
                    .buildBlocking();
            assertThatThrownBy(v5::connect)
                    .as("Moquette speaks only MQTT 3.1.1")
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void designsAskingMqtt5AreNamedAndRunOnMosquitto() throws Exception {
        Design iot = LocalServerTests.sample("iot-telemetry");
        Broker broker = iot.brokers().get(0);
        assertThat(MqttServers.mqtt5Features(iot, broker))
                .contains("protocolVersion 5.0")
                .anyMatch(f -> f.contains("sessionExpiry 1h"));
        Broker v311 = new Broker(broker.id(), broker.kind());
        Design plain = iot.withBrokers(List.of(v311))
                .withServices(iot.services().stream()
                        .map(s -> s.withSubscribes(List.of()))
                        .toList());
        assertThat(MqttServers.mqtt5Features(plain, v311)).isEmpty();

        LocalServerTests.requireProgram("mosquitto", LocalMosquittoServer.program());
        long pid;
        try (LocalServer server = MqttServers.start(iot, broker)) {
            assertThat(server).isInstanceOf(LocalMosquittoServer.class);
            pid = ((LocalMosquittoServer) server).pid();
            System.err.println("mosquitto start: " + server.startTime().toMillis() + " ms");
            Mqtt5BlockingClient sub = Mqtt5Client.builder()
                    .identifier("sub")
                    .serverHost("127.0.0.1")
                    .serverPort(server.port())
                    .buildBlocking();
            Mqtt5BlockingClient pub = Mqtt5Client.builder()
                    .identifier("pub")
                    .serverHost("127.0.0.1")
                    .serverPort(server.port())
                    .buildBlocking();
            sub.connectWith().cleanStart(true).sessionExpiryInterval(3600).send();
            pub.connect();
            try (Mqtt5BlockingClient.Mqtt5Publishes publishes = sub.publishes(MqttGlobalPublishFilter.ALL)) {
                sub.subscribeWith().topicFilter("t/#").qos(MqttQos.EXACTLY_ONCE).send();
                for (int i = 0; i < 500; i++) {
                    pub.publishWith()
                            .topic("t/b")
                            .qos(MqttQos.EXACTLY_ONCE)
                            .payload(("m" + i).getBytes(StandardCharsets.UTF_8))
                            .send();
                }
                Set<String> got = new HashSet<>();
                for (Optional<Mqtt5Publish> p = publishes.receive(5, TimeUnit.SECONDS);
                        p.isPresent() && got.size() < 500;
                        p = publishes.receive(1, TimeUnit.SECONDS)) {
                    got.add(new String(p.get().getPayloadAsBytes(), StandardCharsets.UTF_8));
                }
                assertThat(got).hasSize(500);
            } finally {
                sub.disconnect();
                pub.disconnect();
            }
        }
        LocalServerTests.assertGone(List.of(pid));
        LocalServerTests.assertNoChildNamed("mosquitto");
    }

    @Test
    void withoutMosquittoAnMqtt5DesignIsRefusedNamingTheFeatures() {
        assertThat(LocalMosquittoServer.missingMessage("MQTT broker 'mqtt' asks MQTT 5 (protocolVersion 5.0); "))
                .startsWith("MQTT broker 'mqtt' asks MQTT 5 (protocolVersion 5.0); no mosquitto program was found")
                .contains("apt-get install mosquitto")
                .contains("--brokers");
    }
}
