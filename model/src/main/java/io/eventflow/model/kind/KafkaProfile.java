package io.eventflow.model.kind;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.KafkaTopic;
import io.eventflow.model.design.Partitioner;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Kafka: a channel is a topic of partitions ({@link KafkaTopic}). */
final class KafkaProfile implements KindProfile {
    private static final KindBindings BINDINGS = new KafkaBindings();

    @Override
    public KindBindings bindings() {
        return BINDINGS;
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.KAFKA;
    }

    @Override
    public List<String> importKeys() {
        return List.of("partitions", "replicationFactor", "retention");
    }

    @Override
    public Optional<Retention> retention(Channel c) {
        KafkaTopic k = KafkaTopic.of(c);
        return "compact".equals(k.cleanupPolicy())
                ? Optional.empty()
                : Optional.of(new Retention(k.retentionOrDefault(), "retention"));
    }

    @Override
    public String retentionLoss() {
        return "are deleted (Kafka retention)";
    }

    /** EF010: raised by the linter on the channels of kinds whose {@link #partitionsBoundGroups} holds. */
    static final String IDLE_CONSUMERS = "EF010";
    /** EF024: raised by the linter where a design still writes the x- spelling of a timing key. */
    static final String OLD_TIMING_KEY = "EF024";

    @Override
    public List<KindRule> lintRules() {
        return List.of(
                new KindRule(
                        IDLE_CONSUMERS,
                        false,
                        "more instances in a consumer group than partitions (Kafka)",
                        "Kafka gives each partition to one member of a group, so instances beyond the partition count"
                                + " sit idle. Add partitions or run fewer instances."),
                new KindRule(
                        OLD_TIMING_KEY,
                        true,
                        "x- spelling of a Kafka timing setting",
                        "x-rebalancePause, x-failoverTime and x-replicationLag are documented keys now: rebalancePause"
                                + " (subscription), failoverTime and replicationLag (broker). The x- spelling is still"
                                + " read; rename it so that the design reads like the documentation."));
    }

    @Override
    public boolean partitionsBoundGroups() {
        return true;
    }

    @Override
    public String replayTarget() {
        return "a log (kafka)";
    }

    @Override
    public boolean crashesPerNode() {
        return true;
    }

    @Override
    public KafkaTopic readChannel(SettingsSource f) {
        return new KafkaTopic(
                f.integer("partitions"),
                f.integer("replicationFactor"),
                f.integer("minInSyncReplicas"),
                f.timeSpan("retention"),
                f.size("retentionBytes"),
                f.str("cleanupPolicy"),
                f.keyed("partitioner", Partitioner.class, "partitioner"));
    }

    @Override
    public void writeChannel(Channel c, SettingsSink o) {
        KafkaTopic k = KafkaTopic.of(c);
        o.put("partitions", k.partitions());
        o.put("replicationFactor", k.replicationFactor());
        o.put("minInSyncReplicas", k.minInSyncReplicas());
        o.put("retention", k.retention());
        o.put("retentionBytes", k.retentionBytes());
        o.put("cleanupPolicy", k.cleanupPolicy());
        o.put("partitioner", k.partitioner());
    }

    @Override
    public void checkBroker(Broker b, String p, Checks out) {
        if ((b.failoverTime() != null || b.replicationLag() != null) && !fitsOn(b.kind())) {
            out.wrongKind(
                    p + (b.failoverTime() != null ? "/failoverTime" : "/replicationLag"),
                    "failoverTime and replicationLag are Kafka settings (leader election, follower replication), but '"
                            + b.id() + "' is a " + b.kind() + " broker",
                    "remove them");
        }
    }

    @Override
    public void checkChannel(Channel c, Broker broker, String p, Checks out) {
        KafkaTopic k = KafkaTopic.of(c);
        out.positive(p + "/partitions", "partitions", k.partitions());
        out.positive(p + "/replicationFactor", "replicationFactor", k.replicationFactor());
        out.positive(p + "/minInSyncReplicas", "minInSyncReplicas", k.minInSyncReplicas());
        if (k.minInSyncReplicas() != null && k.minInSyncReplicas() > k.replicas()) {
            out.impossible(
                    p + "/minInSyncReplicas",
                    "minInSyncReplicas (" + k.minInSyncReplicas() + ") is more than the replication factor ("
                            + k.replicas() + ")",
                    "acks=all writes could never succeed: lower minInSyncReplicas or raise replicationFactor");
        }
        if (broker != null && k.replicationFactor() != null && k.replicationFactor() > broker.nodeCount()) {
            out.impossible(
                    p + "/replicationFactor",
                    "replicationFactor " + k.replicationFactor() + " is more than the " + broker.nodeCount()
                            + " node(s) of broker '" + broker.id() + "'",
                    "raise the broker's nodes or lower replicationFactor");
        }
    }

    @Override
    public String settingsName() {
        return "Kafka settings (partitions, retention, ...)";
    }

    @Override
    public String misfitHint() {
        return "put the channel on a kafka broker or remove the Kafka settings";
    }

    @Override
    public void checkSubscription(Service s, Subscription sub, Channel c, BrokerKind kind, String p, Checks out) {
        if ((sub.isolation() != null || sub.rebalancePause() != null) && !fitsOn(kind)) {
            out.wrongKind(
                    p + (sub.isolation() != null ? "/isolation" : "/rebalancePause"),
                    "isolation and rebalancePause are Kafka consumer settings, but '" + c.id() + "' is on a " + kind
                            + " broker",
                    "remove them");
        }
    }

    @Override
    public void describeChannel(Design d, Channel c, BrokerKind on, BiConsumer<String, Object> row) {
        KafkaTopic k = KafkaTopic.of(c);
        row.accept("Partitions", k.partitions());
        row.accept("Replication factor", k.replicationFactor());
        row.accept("Min in-sync replicas", k.minInSyncReplicas());
        row.accept("Retention", k.retention());
        row.accept("Retention bytes", k.retentionBytes());
        row.accept("Cleanup policy", k.cleanupPolicy());
        row.accept("Partitioner", k.partitioner());
    }
}
