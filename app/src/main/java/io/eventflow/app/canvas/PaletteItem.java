package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** What the palette offers to drag onto the canvas. */
public enum PaletteItem {
    PRODUCER("Producer", "producer", MaterialDesignU.UPLOAD, null, "A service that publishes at its own rate"),
    CONSUMER("Consumer", "consumer", MaterialDesignD.DOWNLOAD, null, "A service that consumes"),
    SERVICE(
            "Service",
            "service",
            MaterialDesignC.COG,
            null,
            "A service that consumes and publishes per message processed (a chain)"),
    KAFKA_TOPIC(
            "Kafka topic",
            "topic",
            MaterialDesignV.VIEW_SEQUENTIAL,
            BrokerKind.KAFKA,
            "Kafka-like log: partitions, consumer groups at their own offsets"),
    AMQP_QUEUE(
            "AMQP queue",
            "queue",
            MaterialDesignT.TRAY_FULL,
            BrokerKind.AMQP,
            "RabbitMQ-like queue bound to an exchange"),
    MQTT_TOPIC(
            "MQTT topic",
            "telemetry",
            MaterialDesignA.ACCESS_POINT,
            BrokerKind.MQTT,
            "MQTT topic: QoS 0/1/2, retained messages, sessions"),
    SQS_QUEUE(
            "SQS queue",
            "sqs-queue",
            MaterialDesignT.TRAY_ARROW_DOWN,
            BrokerKind.SQS,
            "SQS-like queue: visibility timeout, redrive to a dead-letter queue, FIFO"),
    SNS_TOPIC(
            "SNS topic",
            "sns-topic",
            MaterialDesignS.SOURCE_FORK,
            BrokerKind.SQS,
            "SNS-like fan-out: copies each message to the SQS queues subscribed to it (drag from its port to a queue)"),
    REDIS_STREAM(
            "Redis stream",
            "stream",
            MaterialDesignF.FORMAT_LIST_NUMBERED,
            BrokerKind.REDIS,
            "Redis stream: consumer groups, pending entries, MAXLEN trimming"),
    POSTGRES_CHANNEL(
            "Postgres notify",
            "notify",
            MaterialDesignB.BELL_RING_OUTLINE,
            BrokerKind.POSTGRES,
            "Postgres LISTEN/NOTIFY: stores nothing, reaches only the sessions listening at that moment"),
    JMS_QUEUE(
            "JMS queue",
            "jms-queue",
            MaterialDesignI.INBOX_MULTIPLE,
            BrokerKind.JMS,
            "JMS queue: point to point, as an AMQP queue"),
    JMS_TOPIC(
            "JMS topic",
            "jms-topic",
            MaterialDesignB.BROADCAST,
            BrokerKind.JMS,
            "JMS topic: durable subscribers get what they missed, non-durable ones do not"),
    KAFKA_BROKER("Kafka cluster", "kafka", MaterialDesignS.SERVER, BrokerKind.KAFKA, "A Kafka cluster"),
    AMQP_BROKER("AMQP broker", "rabbitmq", MaterialDesignS.SERVER, BrokerKind.AMQP, "A RabbitMQ-like broker"),
    MQTT_BROKER(
            "MQTT broker", "mqtt", MaterialDesignS.SERVER, BrokerKind.MQTT, "An MQTT broker (Mosquitto and the like)"),
    SQS_BROKER(
            "SQS / SNS",
            "sqs",
            MaterialDesignS.SERVER,
            BrokerKind.SQS,
            "SQS queues and SNS topics (an AWS account and region)"),
    REDIS_BROKER("Redis", "redis", MaterialDesignS.SERVER, BrokerKind.REDIS, "A Redis server with streams"),
    POSTGRES_BROKER(
            "Postgres",
            "postgres",
            MaterialDesignS.SERVER,
            BrokerKind.POSTGRES,
            "A Postgres database used for LISTEN/NOTIFY"),
    JMS_BROKER(
            "JMS broker", "activemq", MaterialDesignS.SERVER, BrokerKind.JMS, "A JMS broker (ActiveMQ and the like)"),
    MESSAGE(
            "Message type",
            "Message",
            MaterialDesignE.EMAIL_OUTLINE,
            null,
            "A message type; drop it on a channel to have the channel carry it");

    private final String label;
    private final String baseId;
    private final Ikon icon;
    private final BrokerKind kind;
    private final String description;

    PaletteItem(String label, String baseId, Ikon icon, BrokerKind kind, String description) {
        this.label = label;
        this.baseId = baseId;
        this.icon = icon;
        this.kind = kind;
        this.description = description;
    }

    /** One line on what the item is, shown as its tooltip. */
    public String description() {
        return description;
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
        return kind != null && !isBroker();
    }

    public boolean isBroker() {
        return name().endsWith("_BROKER");
    }

    /** The channel items, in palette order. */
    public static PaletteItem[] channels() {
        return java.util.Arrays.stream(values()).filter(PaletteItem::isChannel).toArray(PaletteItem[]::new);
    }

    /** The broker items, in palette order. */
    public static PaletteItem[] brokers() {
        return java.util.Arrays.stream(values()).filter(PaletteItem::isBroker).toArray(PaletteItem[]::new);
    }

    public boolean isService() {
        return this == PRODUCER || this == CONSUMER || this == SERVICE;
    }
}
