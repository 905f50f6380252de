package io.eventflow.live.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.eventflow.live.Envelope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.tinylog.Logger;

/** The messages an {@link MqttLink}'s client receives, handed on with their acknowledgement (HiveMQ client flows). */
final class MqttInbound {
    private MqttInbound() {}

    /**
     * Registers {@code sink} for every message the client receives (manual acknowledgement). The client's flow of
     * incoming messages ends with its own session: a client is not reused after a lost connection.
     */
    static void register(Mqtt5AsyncClient v5, Mqtt3AsyncClient v3, Consumer<MqttLink.Incoming> sink) {
        if (v5 != null) {
            v5.publishes(
                    MqttGlobalPublishFilter.ALL,
                    (Mqtt5Publish p) -> {
                        Map<String, String> props = new LinkedHashMap<>();
                        p.getUserProperties()
                                .asList()
                                .forEach(u -> props.put(
                                        u.getName().toString(), u.getValue().toString()));
                        Envelope e = MqttWire.read(props, p.getPayloadAsBytes(), true);
                        sink.accept(new MqttLink.Incoming(
                                e, p.getTopic().toString(), p.getQos().getCode(), ackOf(p::acknowledge)));
                    },
                    true);
        } else {
            v3.publishes(
                    MqttGlobalPublishFilter.ALL,
                    (Mqtt3Publish p) -> {
                        Envelope e = MqttWire.read(Map.of(), p.getPayloadAsBytes(), false);
                        sink.accept(new MqttLink.Incoming(
                                e, p.getTopic().toString(), p.getQos().getCode(), ackOf(p::acknowledge)));
                    },
                    true);
        }
    }

    /** Acknowledges once; an ack after the connection is gone does nothing. */
    static Runnable ackOf(Runnable ack) {
        boolean[] done = {false};
        return () -> {
            synchronized (done) {
                if (done[0]) {
                    return;
                }
                done[0] = true;
            }
            try {
                ack.run();
            } catch (RuntimeException e) {
                Logger.debug("ack: {}", e.getMessage());
            }
        };
    }
}
