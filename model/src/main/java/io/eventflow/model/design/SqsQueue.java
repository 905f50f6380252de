package io.eventflow.model.design;

import java.util.ArrayList;
import java.util.List;

/**
 * SQS/SNS-like settings of a channel on an {@code sqs} broker. A channel is either an SNS-like topic ({@code snsTopic:
 * true}: it stores nothing and copies every message to the queues subscribed to it) or an SQS-like queue. Every field
 * is {@code null} when the design does not set it.
 *
 * @param snsTopic true when the channel is a fan-out topic rather than a queue (false)
 * @param snsTopics for a queue: ids of the topic channels it is subscribed to
 * @param visibilityTimeout how long a received message stays hidden before another receive may take it (30s)
 * @param maxReceiveCount receives after which the message moves to the channel's dead-letter queue (never)
 * @param fifo FIFO queue: order within a message group, a 5-minute deduplication window (false)
 * @param receiveWait long-polling wait of a receive; 0 is short polling (0)
 * @param messageRetention how long an unreceived message is kept (4 days)
 */
public record SqsQueue(
        Boolean snsTopic,
        List<String> snsTopics,
        TimeSpan visibilityTimeout,
        Integer maxReceiveCount,
        Boolean fifo,
        TimeSpan receiveWait,
        TimeSpan messageRetention)
        implements KindSettings {
    public static final SqsQueue NONE = new SqsQueue(null, null, null, null, null, null, null);

    /** SQS's default visibility timeout. */
    public static final TimeSpan DEFAULT_VISIBILITY = TimeSpan.ofMillis(30_000);

    /** SQS's default retention period (4 days). */
    public static final TimeSpan DEFAULT_RETENTION = TimeSpan.ofMillis(4L * 24 * 3600 * 1000);

    /** The fixed deduplication window of FIFO queues. */
    public static final TimeSpan DEDUP_WINDOW = TimeSpan.ofMillis(5 * 60 * 1000);

    public SqsQueue {
        snsTopics = snsTopics == null ? null : List.copyOf(snsTopics);
    }

    public boolean isTopic() {
        return Boolean.TRUE.equals(snsTopic);
    }

    @Override
    public boolean isFanOutTopic() {
        return isTopic();
    }

    @Override
    public List<String> fedByOrEmpty() {
        return topicsOrEmpty();
    }

    public boolean isFifo() {
        return Boolean.TRUE.equals(fifo);
    }

    public List<String> topicsOrEmpty() {
        return snsTopics == null ? List.of() : snsTopics;
    }

    /** A copy with {@code snsTopics} replaced (null for none). */
    public SqsQueue withSnsTopics(List<String> topics) {
        return new SqsQueue(snsTopic, topics, visibilityTimeout, maxReceiveCount, fifo, receiveWait, messageRetention);
    }

    /**
     * A copy subscribed to the topic or not: the topic is taken out of {@code snsTopics} and, when {@code on}, added at
     * the end; {@code snsTopics} becomes null when it ends up empty.
     */
    public SqsQueue withTopic(String topic, boolean on) {
        List<String> topics = new ArrayList<>(topicsOrEmpty());
        topics.remove(topic);
        if (on) {
            topics.add(topic);
        }
        return withSnsTopics(topics.isEmpty() ? null : topics);
    }

    public TimeSpan visibilityTimeoutOrDefault() {
        return visibilityTimeout == null ? DEFAULT_VISIBILITY : visibilityTimeout;
    }

    public TimeSpan messageRetentionOrDefault() {
        return messageRetention == null ? DEFAULT_RETENTION : messageRetention;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.SQS;
    }

    /** The channel's settings of this kind; {@link #NONE} when it sets none. */
    public static SqsQueue of(Channel c) {
        return c.settings().part(SqsQueue.class).orElse(NONE);
    }

    public SqsQueue withSnsTopic(Boolean value) {
        return new SqsQueue(value, snsTopics, visibilityTimeout, maxReceiveCount, fifo, receiveWait, messageRetention);
    }

    public SqsQueue withVisibilityTimeout(TimeSpan value) {
        return new SqsQueue(snsTopic, snsTopics, value, maxReceiveCount, fifo, receiveWait, messageRetention);
    }

    public SqsQueue withMaxReceiveCount(Integer value) {
        return new SqsQueue(snsTopic, snsTopics, visibilityTimeout, value, fifo, receiveWait, messageRetention);
    }

    public SqsQueue withFifo(Boolean value) {
        return new SqsQueue(
                snsTopic, snsTopics, visibilityTimeout, maxReceiveCount, value, receiveWait, messageRetention);
    }

    public SqsQueue withReceiveWait(TimeSpan value) {
        return new SqsQueue(snsTopic, snsTopics, visibilityTimeout, maxReceiveCount, fifo, value, messageRetention);
    }

    public SqsQueue withMessageRetention(TimeSpan value) {
        return new SqsQueue(snsTopic, snsTopics, visibilityTimeout, maxReceiveCount, fifo, receiveWait, value);
    }
}
