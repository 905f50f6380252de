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

    /**
     * The ids of the fan-out topic channels these settings subscribe the channel to: each copies every message
     * published on it into this channel. Empty for kinds without fan-out.
     */
    default List<String> fedByOrEmpty() {
        return List.of();
    }

    /** The partitions these settings give the channel; 1 for kinds without partitions. */
    @Override
    default int partitionCount() {
        return 1;
    }

    /** True when these settings make the channel a fan-out topic: it stores nothing and feeds its subscribed channels. */
    default boolean isFanOutTopic() {
        return false;
    }

    @Override
    default List<KindSettings> parts() {
        return isEmpty() ? List.of() : List.of(this);
    }
}
