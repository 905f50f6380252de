package io.eventflow.live.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.live.server.LocalServerTests;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.Design;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

class EmbeddedElasticMqTest {

    @Test
    void roundTripsAndRedrivesAfterMaxReceiveCount() {
        try (EmbeddedElasticMq server = EmbeddedElasticMq.start();
                SqsClient sqs = server.client()) {
            System.err.println("ElasticMQ start: " + server.startTime().toMillis() + " ms");
            String dlq = sqs.createQueue(b -> b.queueName("dlq")).queueUrl();
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            String queue = sqs.createQueue(b -> b.queueName("work")
                            .attributes(Map.of(
                                    QueueAttributeName.VISIBILITY_TIMEOUT,
                                    "1",
                                    QueueAttributeName.REDRIVE_POLICY,
                                    "{\"maxReceiveCount\":\"1\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}")))
                    .queueUrl();
            assertThat(queue).startsWith(server.endpoint());
            for (int batch = 0; batch < 20; batch++) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    String id = "m" + (batch * 10 + i);
                    entries.add(SendMessageBatchRequestEntry.builder()
                            .id(Integer.toString(i))
                            .messageBody(id)
                            .build());
                }
                sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
            }
            // 200 sent; the first 150 received are deleted, the other 50 are received once and never deleted:
            // after their 1 s visibility timeout the next receive finds maxReceiveCount 1 exceeded and moves them.
            Set<String> deleted = new HashSet<>();
            Set<String> kept = new HashSet<>();
            while (deleted.size() + kept.size() < 200) {
                List<Message> got = sqs.receiveMessage(
                                b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages();
                List<DeleteMessageBatchRequestEntry> delete = new ArrayList<>();
                for (Message m : got) {
                    if (deleted.size() < 150) {
                        deleted.add(m.body());
                        delete.add(DeleteMessageBatchRequestEntry.builder()
                                .id(Integer.toString(delete.size()))
                                .receiptHandle(m.receiptHandle())
                                .build());
                    } else {
                        kept.add(m.body());
                    }
                }
                if (!delete.isEmpty()) {
                    sqs.deleteMessageBatch(b -> b.queueUrl(queue).entries(delete));
                }
            }
            assertThat(sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(2))
                            .messages())
                    .isEmpty();
            Set<String> dead = new HashSet<>();
            for (int i = 0; i < 20 && dead.size() < 50; i++) {
                sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages()
                        .forEach(m -> dead.add(m.body()));
            }
            assertThat(dead).isEqualTo(kept).hasSize(50);
        }
    }

    @Test
    void refusesSnsTopicsNamingThem() throws Exception {
        Design design = LocalServerTests.sample("orders-sqs-sns");
        var broker = design.brokers().stream()
                .filter(b -> b.kind() == io.eventflow.model.design.BrokerKind.SQS)
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> EmbeddedElasticMq.start(design, broker))
                .isInstanceOf(ServerUnavailableException.class)
                .hasMessageContaining("SQS broker '" + broker.id() + "' has SNS topic")
                .hasMessageContaining("SNS has no embeddable server")
                .hasMessageContaining("--brokers");
    }
}
