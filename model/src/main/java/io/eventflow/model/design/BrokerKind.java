package io.eventflow.model.design;

import java.util.Locale;

/** The kind of broker a channel lives on; it decides the channel's settings and the simulator's semantics. */
public enum BrokerKind {
    KAFKA("kafka"),
    AMQP("amqp"),
    MQTT("mqtt"),
    SQS("sqs"),
    REDIS("redis"),
    POSTGRES("postgres"),
    JMS("jms"),
    /** A protocol the simulator does not model: design and export only. */
    OTHER("other");

    private final String key;

    BrokerKind(String key) {
        this.key = key;
    }

    /** The word used in design files. */
    public String key() {
        return key;
    }

    /** Reads the word used in design files, e.g. {@code kafka}. */
    public static BrokerKind fromKey(String key) {
        for (BrokerKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown broker kind '" + key + "': use one of " + keys());
    }

    /** Maps an AsyncAPI server protocol onto a broker kind ({@code kafka-secure} → kafka, {@code http} → other). */
    public static BrokerKind fromProtocol(String protocol) {
        String p = protocol == null ? "" : protocol.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "kafka", "kafka-secure" -> KAFKA;
            case "amqp", "amqps", "amqp1" -> AMQP;
            case "mqtt", "secure-mqtt", "mqtts", "mqtt5" -> MQTT;
            case "sqs", "sns" -> SQS;
            case "redis", "rediss" -> REDIS;
            case "jms", "activemq", "artemis", "stomp", "stomps" -> JMS;
            case "postgres", "postgresql" -> POSTGRES;
            default -> OTHER;
        };
    }

    /** The default AsyncAPI protocol written for this kind. */
    public String defaultProtocol() {
        return switch (this) {
            case KAFKA -> "kafka";
            case AMQP -> "amqp";
            case MQTT -> "mqtt";
            case SQS -> "sqs";
            case REDIS -> "redis";
            case POSTGRES -> "postgres";
            case JMS -> "jms";
            case OTHER -> "http";
        };
    }

    public static String keys() {
        StringBuilder sb = new StringBuilder();
        for (BrokerKind kind : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(kind.key);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return key;
    }
}
