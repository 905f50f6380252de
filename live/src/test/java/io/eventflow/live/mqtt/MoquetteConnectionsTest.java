package io.eventflow.live.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client of the embedded Moquette subscribes only once the broker has set its connection up. Moquette marks a
 * connection connected after it has written the CONNACK, and closes one whose SUBSCRIBE comes before that without
 * DISCONNECT: MqttLiveRunTest's Moquette run failed so about once in 7 runs on a busy machine ("SUBSCRIBE received on
 * already closed connection", then "could not subscribe ... Session expired as connection was closed").
 */
class MoquetteConnectionsTest {

    @Test
    void connectReturnsOnlyOnceTheBrokerHasSetTheConnectionUp() throws Exception {
        try (EmbeddedMoquette moquette = EmbeddedMoquette.start()) {
            MqttTarget target = new MqttTarget(
                    "127.0.0.1",
                    moquette.port(),
                    false,
                    false,
                    null,
                    null,
                    Duration.ofSeconds(10),
                    "the embedded broker",
                    moquette.setUp());
            // The broker tells its interceptor on another thread, after the CONNACK: a connect that returned at CONNACK
            // would see fewer connections than made, often.
            for (int i = 1; i <= 30; i++) {
                MqttLink link = new MqttLink(target, "client-a");
                link.connect(true, 0, 65535);
                assertThat(moquette.setUp().connections("client-a")).isEqualTo(i);
                link.subscribe("t/" + i + "/+", 1);
                link.disconnect();
            }
            assertThat(moquette.setUp().connections("client-b")).isZero();
        }
    }
}
