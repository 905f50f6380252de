package io.eventflow.model.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.TestFiles;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Position;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.io.DesignFiles;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoLayoutTest {
    @Test
    void producersComeBeforeTheirChannelsAndChannelsBeforeConsumers() throws Exception {
        Design d = DesignFiles.open(TestFiles.samples().resolve("order-pipeline.eventflow.yaml"));
        Map<String, Position> p = AutoLayout.layout(d);
        assertThat(p).containsKeys("kafka", "orders", "checkout", "billing", "warehouse");
        assertThat(p.get("checkout").x()).isLessThan(p.get("orders").x());
        assertThat(p.get("orders").x()).isLessThan(p.get("billing").x());
        assertThat(p.get("billing").x()).isLessThan(p.get("invoices").x());
        assertThat(p.get("shipments").x()).isLessThan(p.get("warehouse").x());
        assertThat(AutoLayout.layout(d)).isEqualTo(p);
    }

    @Test
    void ensureLayoutKeepsExistingPositions() throws Exception {
        Design d = DesignFiles.open(TestFiles.samples().resolve("order-pipeline.eventflow.yaml"));
        assertThat(AutoLayout.ensureLayout(d)).isSameAs(d);
        Design partial = d.withLayout(Map.of("orders", new Position(1, 2)));
        Design done = AutoLayout.ensureLayout(partial);
        assertThat(done.layout().get("orders")).isEqualTo(new Position(1, 2));
        assertThat(done.layout()).containsKeys("checkout", "kafka", "ops-console");
    }

    @Test
    void snsTopicsComeBeforeTheQueuesSubscribedToThem() throws Exception {
        Design d = DesignFiles.open(TestFiles.samples().resolve("orders-sqs-sns.eventflow.yaml"));
        Map<String, Position> p = AutoLayout.layout(d);
        // storefront → order-events (SNS) → billing-queue / analytics-queue (SQS) → billing / analytics.
        assertThat(p.get("storefront").x()).isLessThan(p.get("order-events").x());
        assertThat(p.get("order-events").x()).isLessThan(p.get("billing-queue").x());
        assertThat(p.get("order-events").x())
                .isLessThan(p.get("analytics-queue").x());
        assertThat(p.get("billing-queue").x()).isLessThan(p.get("billing").x());
        // Without the fan-out edge nothing leads into the queues, and ELK would put them in the first layer.
        var noFanOut = d.withChannels(d.channels().stream()
                .map(c -> SqsQueue.of(c).topicsOrEmpty().isEmpty()
                        ? c
                        : c.with(new io.eventflow.model.design.SqsQueue(
                                SqsQueue.of(c).snsTopic(),
                                null,
                                SqsQueue.of(c).visibilityTimeout(),
                                SqsQueue.of(c).maxReceiveCount(),
                                SqsQueue.of(c).fifo(),
                                SqsQueue.of(c).receiveWait(),
                                SqsQueue.of(c).messageRetention())))
                .toList());
        Map<String, Position> q = AutoLayout.layout(noFanOut);
        assertThat(q.get("billing-queue").x()).isEqualTo(q.get("storefront").x());
    }
}
