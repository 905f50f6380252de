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
    PRODUCER("Producer", "producer", MaterialDesignU.UPLOAD, null),
    CONSUMER("Consumer", "consumer", MaterialDesignD.DOWNLOAD, null),
    SERVICE("Service", "service", MaterialDesignC.COG, null),
    KAFKA_TOPIC("Kafka topic", "topic", MaterialDesignV.VIEW_SEQUENTIAL, BrokerKind.KAFKA),
    AMQP_QUEUE("AMQP queue", "queue", MaterialDesignT.TRAY_FULL, BrokerKind.AMQP),
    MQTT_TOPIC("MQTT topic", "telemetry", MaterialDesignA.ACCESS_POINT, BrokerKind.MQTT),
    SQS_QUEUE("SQS queue", "sqs-queue", MaterialDesignT.TRAY_ARROW_DOWN, BrokerKind.SQS),
    SNS_TOPIC("SNS topic", "sns-topic", MaterialDesignS.SOURCE_FORK, BrokerKind.SQS),
    REDIS_STREAM("Redis stream", "stream", MaterialDesignF.FORMAT_LIST_NUMBERED, BrokerKind.REDIS),
    POSTGRES_CHANNEL("Postgres NOTIFY", "notify", MaterialDesignB.BELL_RING_OUTLINE, BrokerKind.POSTGRES),
    JMS_QUEUE("JMS queue", "jms-queue", MaterialDesignI.INBOX_MULTIPLE, BrokerKind.JMS),
    JMS_TOPIC("JMS topic", "jms-topic", MaterialDesignB.BROADCAST, BrokerKind.JMS),
    KAFKA_BROKER("Kafka cluster", "kafka", MaterialDesignS.SERVER, BrokerKind.KAFKA),
    AMQP_BROKER("AMQP broker", "rabbitmq", MaterialDesignS.SERVER, BrokerKind.AMQP),
    MQTT_BROKER("MQTT broker", "mqtt", MaterialDesignS.SERVER, BrokerKind.MQTT),
    SQS_BROKER("SQS / SNS", "sqs", MaterialDesignS.SERVER, BrokerKind.SQS),
    REDIS_BROKER("Redis", "redis", MaterialDesignS.SERVER, BrokerKind.REDIS),
    POSTGRES_BROKER("Postgres", "postgres", MaterialDesignS.SERVER, BrokerKind.POSTGRES),
    JMS_BROKER("JMS broker", "activemq", MaterialDesignS.SERVER, BrokerKind.JMS),
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
