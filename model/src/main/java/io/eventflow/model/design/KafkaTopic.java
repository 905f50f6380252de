package io.eventflow.model.design;

/**
 * Kafka-like settings of a channel. Every field is {@code null} when the design does not set it.
 *
 * @param partitions number of partitions (1)
 * @param replicationFactor copies of each partition (1)
 * @param minInSyncReplicas replicas that must confirm an {@code acks=all} write (1)
 * @param retention how long records are kept (7d)
 * @param retentionBytes how many bytes a partition keeps before the oldest are deleted (unbounded)
 * @param cleanupPolicy {@code delete} or {@code compact}
 * @param partitioner how producers choose a partition (key)
 */
public record KafkaTopic(
        Integer partitions,
        Integer replicationFactor,
        Integer minInSyncReplicas,
        TimeSpan retention,
        DataSize retentionBytes,
        String cleanupPolicy,
        Partitioner partitioner)
        implements KindSettings {
    public static final KafkaTopic NONE = new KafkaTopic(null, null, null, null, null, null, null);

    @Override
    public int partitionCount() {
        return partitions == null ? 1 : partitions;
    }

    public int replicas() {
        return replicationFactor == null ? 1 : replicationFactor;
    }

    public int minInSync() {
        return minInSyncReplicas == null ? 1 : minInSyncReplicas;
    }

    public TimeSpan retentionOrDefault() {
        return retention == null ? TimeSpan.parse("7d") : retention;
    }

    public Partitioner partitionerOrDefault() {
        return partitioner == null ? Partitioner.KEY : partitioner;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.KAFKA;
    }

    /** The channel's settings of this kind; {@link #NONE} when it sets none. */
    public static KafkaTopic of(Channel c) {
        return c.settings().part(KafkaTopic.class).orElse(NONE);
    }

    public KafkaTopic withPartitions(Integer value) {
        return new KafkaTopic(
                value, replicationFactor, minInSyncReplicas, retention, retentionBytes, cleanupPolicy, partitioner);
    }

    public KafkaTopic withReplicationFactor(Integer value) {
        return new KafkaTopic(
                partitions, value, minInSyncReplicas, retention, retentionBytes, cleanupPolicy, partitioner);
    }

    public KafkaTopic withMinInSyncReplicas(Integer value) {
        return new KafkaTopic(
                partitions, replicationFactor, value, retention, retentionBytes, cleanupPolicy, partitioner);
    }

    public KafkaTopic withRetention(TimeSpan value) {
        return new KafkaTopic(
                partitions, replicationFactor, minInSyncReplicas, value, retentionBytes, cleanupPolicy, partitioner);
    }

    public KafkaTopic withRetentionBytes(DataSize value) {
        return new KafkaTopic(
                partitions, replicationFactor, minInSyncReplicas, retention, value, cleanupPolicy, partitioner);
    }

    public KafkaTopic withCleanupPolicy(String value) {
        return new KafkaTopic(
                partitions, replicationFactor, minInSyncReplicas, retention, retentionBytes, value, partitioner);
    }

    public KafkaTopic withPartitioner(Partitioner value) {
        return new KafkaTopic(
                partitions, replicationFactor, minInSyncReplicas, retention, retentionBytes, cleanupPolicy, value);
    }
}
