package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MqttTopic;
import java.util.List;
import java.util.Optional;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** MQTT on the canvas: a fan-out topic with its QoS; a new topic has QoS 1. */
public final class MqttLook implements KindLook {
    public static final PaletteItem TOPIC = PaletteItem.channel(
            "MQTT_TOPIC",
            "MQTT topic",
            "telemetry",
            MaterialDesignA.ACCESS_POINT,
            BrokerKind.MQTT,
            c -> c.with(new MqttTopic(1, null)),
            "MQTT topic: QoS 0/1/2, retained messages, sessions");
    public static final PaletteItem BROKER = PaletteItem.broker(
            "MQTT_BROKER", "MQTT broker", "mqtt", BrokerKind.MQTT, "An MQTT broker (Mosquitto and the like)");

    @Override
    public BrokerKind kind() {
        return BrokerKind.MQTT;
    }

    @Override
    public List<PaletteItem> channelItems() {
        return List.of(TOPIC);
    }

    @Override
    public Optional<PaletteItem> brokerItem() {
        return Optional.of(BROKER);
    }

    @Override
    public PaletteItem itemOf(Channel c) {
        return TOPIC;
    }

    @Override
    public String settings(Design d, Channel c, String messages, List<String> chips) {
        return "QoS " + MqttTopic.of(c).qosOrDefault()
                + (Boolean.TRUE.equals(MqttTopic.of(c).retained()) ? " · retained" : "") + " · " + messages;
    }

    @Override
    public String sampleScenario() {
        return "iot-telemetry.scenario.yaml";
    }

    @Override
    public ConnectionHints connectionHints() {
        return new ConnectionHints(
                "tcp://mqtt:1883 or ssl://mqtt:8883 (empty: runs embedded)",
                "username=sensor-gw",
                "password",
                "MQTT_PASSWORD");
    }
}
