package io.eventflow.app.canvas;

import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.KafkaTopic;
import java.util.List;
import java.util.Optional;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** Kafka on the canvas: a log of partitions; a new topic has three. */
public final class KafkaLook implements KindLook {
    public static final PaletteItem TOPIC = PaletteItem.channel(
            "KAFKA_TOPIC",
            "Kafka topic",
            "topic",
            MaterialDesignV.VIEW_SEQUENTIAL,
            BrokerKind.KAFKA,
            c -> c.with(new KafkaTopic(3, null, null, null, null, null, null)),
            "Kafka-like log: partitions, consumer groups at their own offsets");
    public static final PaletteItem BROKER =
            PaletteItem.broker("KAFKA_BROKER", "Kafka cluster", "kafka", BrokerKind.KAFKA, "A Kafka cluster");

    @Override
    public BrokerKind kind() {
        return BrokerKind.KAFKA;
    }

    @Override
    public List<PaletteItem> channelItems() {
        return List.of(TOPIC);
    }

    @Override
    public Optional<PaletteItem> brokerItem() {
        return Optional.of(BROKER);
    }

    @Override
    public PaletteItem itemOf(Channel c) {
        return TOPIC;
    }

    @Override
    public String settings(Design d, Channel c, String messages, List<String> chips) {
        int p = KafkaTopic.of(c).partitionCount();
        return p + (p == 1 ? " partition" : " partitions") + " · " + messages;
    }

    @Override
    public String sampleScenario() {
        return "order-pipeline.scenario.yaml";
    }

    @Override
    public ConnectionHints connectionHints() {
        return new ConnectionHints(
                "kafka-1:9092,kafka-2:9092 (empty: runs embedded)",
                "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nssl.truststore.location=/etc/kafka/truststore.jks",
                "sasl.jaas.config",
                "KAFKA_JAAS");
    }
}
