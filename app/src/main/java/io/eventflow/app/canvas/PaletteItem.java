package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** What the palette offers to drag onto the canvas. */
public enum PaletteItem {
    PRODUCER("Producer", "producer", MaterialDesignU.UPLOAD, null),
    CONSUMER("Consumer", "consumer", MaterialDesignD.DOWNLOAD, null),
    SERVICE("Service", "service", MaterialDesignC.COG, null),
    KAFKA_TOPIC("Kafka topic", "topic", MaterialDesignV.VIEW_SEQUENTIAL, BrokerKind.KAFKA),
    AMQP_QUEUE("AMQP queue", "queue", MaterialDesignT.TRAY_FULL, BrokerKind.AMQP),
    MQTT_TOPIC("MQTT topic", "telemetry", MaterialDesignA.ACCESS_POINT, BrokerKind.MQTT),
    KAFKA_BROKER("Kafka cluster", "kafka", MaterialDesignS.SERVER, BrokerKind.KAFKA),
    AMQP_BROKER("AMQP broker", "rabbitmq", MaterialDesignS.SERVER, BrokerKind.AMQP),
    MQTT_BROKER("MQTT broker", "mqtt", MaterialDesignS.SERVER, BrokerKind.MQTT),
    MESSAGE("Message type", "Message", MaterialDesignE.EMAIL_OUTLINE, null);

    private final String label;
    private final String baseId;
    private final Ikon icon;
    private final BrokerKind kind;

    PaletteItem(String label, String baseId, Ikon icon, BrokerKind kind) {
        this.label = label;
        this.baseId = baseId;
        this.icon = icon;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    /** The id a new element starts from ({@code topic}, {@code topic-2}...). */
    public String baseId() {
        return baseId;
    }

    public Ikon icon() {
        return icon;
    }

    /** The broker kind of a channel or broker item; null for services and messages. */
    public BrokerKind kind() {
        return kind;
    }

    public boolean isChannel() {
        return this == KAFKA_TOPIC || this == AMQP_QUEUE || this == MQTT_TOPIC;
    }

    public boolean isBroker() {
        return this == KAFKA_BROKER || this == AMQP_BROKER || this == MQTT_BROKER;
    }

    public boolean isService() {
        return this == PRODUCER || this == CONSUMER || this == SERVICE;
    }
}
