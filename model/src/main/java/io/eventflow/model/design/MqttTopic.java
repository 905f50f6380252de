package io.eventflow.model.design;

/**
 * MQTT settings of a channel. Every field is {@code null} when the design does not set it.
 *
 * @param qos quality of service 0, 1 or 2 for publishers (0)
 * @param retained whether publishers set the retain flag (false)
 */
public record MqttTopic(Integer qos, Boolean retained) {
    public static final MqttTopic NONE = new MqttTopic(null, null);

    public int qosOrDefault() {
        return qos == null ? 0 : qos;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
