package io.eventflow.app.inspector;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.DataSize;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.Partitioner;
import io.eventflow.model.design.TimeSpan;

/** Kafka: the topic's partitions, replication and retention. */
final class KafkaForm implements KindForm {
    @Override
    public void channel(Form f, InspectorViewModel vm, Design d, Channel c) {
        String id = c.id();
        KafkaTopic k = KafkaTopic.of(c);
        f.section("Kafka topic");
        f.text(
                "Partitions",
                k.partitions(),
                Parsers.POSITIVE_INT,
                v -> ChannelForms.editSettings(vm, id, k.withPartitions((Integer) v)));
        f.text(
                "Replication factor",
                k.replicationFactor(),
                Parsers.POSITIVE_INT,
                v -> ChannelForms.editSettings(vm, id, k.withReplicationFactor((Integer) v)));
        f.text(
                "Min in-sync",
                k.minInSyncReplicas(),
                Parsers.POSITIVE_INT,
                v -> ChannelForms.editSettings(vm, id, k.withMinInSyncReplicas((Integer) v)));
        f.text(
                "Retention",
                k.retention(),
                Parsers.DURATION,
                v -> ChannelForms.editSettings(vm, id, k.withRetention((TimeSpan) v)));
        f.text(
                "Retention size",
                k.retentionBytes(),
                Parsers.SIZE,
                v -> ChannelForms.editSettings(vm, id, k.withRetentionBytes((DataSize) v)));
        f.choice(
                "Cleanup policy",
                new String[] {"delete", "compact"},
                k.cleanupPolicy(),
                v -> ChannelForms.editSettings(vm, id, k.withCleanupPolicy(v)));
        f.choice(
                "Partitioner",
                Partitioner.values(),
                k.partitioner(),
                v -> ChannelForms.editSettings(vm, id, k.withPartitioner(v)));
    }
}
