package io.eventflow.model.design;

/**
 * MQTT settings of a channel. Every field is {@code null} when the design does not set it.
 *
 * @param qos quality of service 0, 1 or 2 for publishers (0)
 * @param retained whether publishers set the retain flag (false)
 */
public record MqttTopic(Integer qos, Boolean retained) implements KindSettings {
    public static final MqttTopic NONE = new MqttTopic(null, null);

    public int qosOrDefault() {
        return qos == null ? 0 : qos;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.MQTT;
    }

    /** The channel's settings of this kind; {@link #NONE} when it sets none. */
    public static MqttTopic of(Channel c) {
        return c.settings().part(MqttTopic.class).orElse(NONE);
    }

    public MqttTopic withQos(Integer value) {
        return new MqttTopic(value, retained);
    }

    public MqttTopic withRetained(Boolean value) {
        return new MqttTopic(qos, value);
    }
}
