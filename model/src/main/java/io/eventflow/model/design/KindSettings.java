package io.eventflow.model.design;

import java.util.List;

/** The settings of a channel that belong to one broker kind; every field is {@code null} when the design omits it. */
public sealed interface KindSettings extends ChannelSettings
        permits KafkaTopic, AmqpQueue, MqttTopic, SqsQueue, RedisStream, JmsDestination {
    /** The broker kind these settings belong to. */
    BrokerKind kind();

    /** True when the design sets none of these settings. */
    @Override
    boolean isEmpty();

    @Override
    default List<KindSettings> parts() {
        return isEmpty() ? List.of() : List.of(this);
    }
}
