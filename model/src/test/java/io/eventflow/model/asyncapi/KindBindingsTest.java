package io.eventflow.model.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.Designs;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.io.SourceTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bindings of the SQS/SNS, JMS, MQTT-session, Redis Streams and Postgres kinds: what is written, and back. */
class KindBindingsTest {
    static final String DESIGN =
            """
            eventflow: 1
            name: Kinds
            brokers:
              - {id: aws, kind: sqs}
              - {id: amq, kind: jms}
              - {id: mq, kind: mqtt}
              - {id: rd, kind: redis}
              - {id: pg, kind: postgres}
            messages:
              - {id: OrderPlaced, payload: {type: object}}
              - {id: DeviceOffline, payload: {type: object}}
            channels:
              - {id: orders-topic, broker: aws, address: orders, messages: [OrderPlaced], snsTopic: true, fifo: false}
              - id: billing
                broker: aws
                address: billing.fifo
                messages: [OrderPlaced]
                snsTopics: [orders-topic]
                fifo: true
                visibilityTimeout: 1min
                receiveWait: 20s
                messageRetention: 1.5min
                maxReceiveCount: 5
                deadLetter: billing-dlq
              - {id: billing-dlq, broker: aws, address: billing-dlq.fifo, messages: [OrderPlaced], fifo: true}
              - {id: jq, broker: amq, address: orders.queue, messages: [OrderPlaced], destination: queue}
              - {id: jt, broker: amq, address: orders.topic, messages: [OrderPlaced], destination: topic}
              - {id: status, broker: mq, address: devices/status, messages: [DeviceOffline], qos: 1, retained: true}
              - {id: stream, broker: rd, address: orders-stream, messages: [OrderPlaced], maxLen: 10000}
              - {id: notify, broker: pg, address: orders_changed, messages: [OrderPlaced]}
            services:
              - id: shop
                publishes:
                  - {channel: orders-topic, rate: 5/s}
                  - {channel: jq, rate: 1/s}
                  - {channel: stream, rate: 1/s}
                  - {channel: notify, rate: 1/s, transaction: 200ms, rollbackPercent: 2.5}
              - id: biller
                subscribes:
                  - {channel: billing}
                  - {channel: jt, durable: true}
                  - {channel: stream, claimIdle: 30s}
                  - {channel: notify, delivery: at-most-once}
              - id: device
                publishes:
                  - {channel: status, rate: 1/min}
                  - {channel: status, will: true}
                subscribes:
                  - {channel: status, qos: 1, sessionExpiry: 1h, receiveMaximum: 20}
            """;

    private static Design design() {
        return Designs.load(DESIGN).design();
    }

    private static ObjectNode export(AsyncApiVersion v) {
        return AsyncApiExporter.toTree(design(), v);
    }

    @Test
    void sqsQueueGetsItsQueueAndRedrivePolicy() {
        JsonNode sqs = export(AsyncApiVersion.V3_0).at("/channels/billing/bindings/sqs");
        JsonNode q = sqs.get("queue");
        assertThat(q.get("name").asText()).isEqualTo("billing.fifo");
        assertThat(q.get("fifoQueue").asBoolean()).isTrue();
        assertThat(q.get("visibilityTimeout").asInt()).isEqualTo(60);
        assertThat(q.get("receiveMessageWaitTime").asInt()).isEqualTo(20);
        assertThat(q.get("messageRetentionPeriod").asInt()).isEqualTo(90);
        assertThat(q.at("/redrivePolicy/deadLetterQueue/name").asText()).isEqualTo("billing-dlq.fifo");
        assertThat(q.at("/redrivePolicy/maxReceiveCount").asInt()).isEqualTo(5);
        assertThat(sqs.at("/deadLetterQueue/name").asText()).isEqualTo("billing-dlq.fifo");
        assertThat(sqs.get("bindingVersion").asText()).isEqualTo("0.2.0");
        // 1.5min is written as 90 seconds; the design's own text travels in x-eventflow, the rest does not.
        JsonNode ef = export(AsyncApiVersion.V3_0).at("/channels/billing/x-eventflow");
        assertThat(ef.get("messageRetention").asText()).isEqualTo("1.5min");
        assertThat(ef.has("visibilityTimeout")).isFalse();
        assertThat(ef.has("fifo")).isFalse();
    }

    @Test
    void snsTopicGetsTheSnsBindingAndItsPublisherListsTheSubscribedQueues() {
        ObjectNode doc = export(AsyncApiVersion.V3_0);
        JsonNode sns = doc.at("/channels/orders-topic/bindings/sns");
        assertThat(sns.get("name").asText()).isEqualTo("orders");
        assertThat(sns.at("/ordering/type").asText()).isEqualTo("standard");
        JsonNode op = doc.at("/operations/shop.send.orders-topic/bindings");
        assertThat(op.at("/sns/consumers/0/protocol").asText()).isEqualTo("sqs");
        assertThat(op.at("/sns/consumers/0/endpoint/name").asText()).isEqualTo("billing.fifo");
        assertThat(op.at("/sqs/queues/0/name").asText()).isEqualTo("billing.fifo");
    }

    @Test
    void jmsQueuesGetTheJmsBindingTopicsStayInTheExtension() {
        ObjectNode doc = export(AsyncApiVersion.V3_0);
        assertThat(doc.at("/channels/jq/bindings/jms/destination").asText()).isEqualTo("orders.queue");
        assertThat(doc.at("/channels/jq/bindings/jms/destinationType").asText()).isEqualTo("queue");
        assertThat(doc.at("/channels/jt/bindings").isMissingNode()).isTrue();
        assertThat(doc.at("/channels/jt/x-eventflow/destination").asText()).isEqualTo("topic");
        assertThat(doc.at("/operations/biller.receive.jt/x-eventflow/durable").asBoolean())
                .isTrue();
    }

    @Test
    void mqttServerBindingDescribesTheOneClientItsSessionAndLastWill() {
        JsonNode m = export(AsyncApiVersion.V3_0).at("/servers/mq/bindings/mqtt");
        assertThat(m.get("clientId").asText()).isEqualTo("device");
        assertThat(m.get("cleanSession").asBoolean()).isFalse();
        assertThat(m.get("sessionExpiryInterval").asInt()).isEqualTo(3600);
        assertThat(m.at("/lastWill/topic").asText()).isEqualTo("devices/status");
        assertThat(m.at("/lastWill/qos").asInt()).isEqualTo(1);
        assertThat(m.at("/lastWill/retain").asBoolean()).isTrue();
        assertThat(m.at("/lastWill/message").asText()).isEqualTo("DeviceOffline");
        assertThat(m.get("x-eventflow-derived").asBoolean()).isTrue();
    }

    @Test
    void redisAndPostgresSettingsTravelInTheExtension() {
        ObjectNode doc = export(AsyncApiVersion.V3_0);
        assertThat(doc.at("/servers/pg/x-eventflow/note").asText()).contains("LISTEN/NOTIFY", "rollbackPercent");
        assertThat(doc.at("/servers/rd/x-eventflow/note").asText()).contains("maxLen", "claimIdle");
        assertThat(doc.at("/servers/aws/x-eventflow/note").isMissingNode()).isTrue();
        assertThat(doc.at("/channels/stream/x-eventflow/maxLen").asInt()).isEqualTo(10000);
        assertThat(doc.at("/operations/biller.receive.stream/x-eventflow/claimIdle")
                        .asText())
                .isEqualTo("30s");
        JsonNode notify = doc.at("/operations/shop.send.notify/x-eventflow");
        assertThat(notify.get("transaction").asText()).isEqualTo("200ms");
        assertThat(notify.get("rollbackPercent").asDouble()).isEqualTo(2.5);
    }

    @Test
    void twoPublicationsOfOneServiceOnOneChannelGetNumberedKeysThatNeedNoExtension() throws Exception {
        ObjectNode doc = export(AsyncApiVersion.V3_0);
        assertThat(doc.at("/operations/device.send.status/action").asText()).isEqualTo("send");
        assertThat(doc.at("/operations/device.send.status2/x-eventflow/will").asBoolean())
                .isTrue();
        String text = AsyncApiExporter.write(doc, AsyncApiExporter.Format.YAML);
        Design back = AsyncApiImporter.importText("k.yaml", text, Path.of("."), AsyncApiImporter.Options.DEFAULT)
                .design();
        assertThat(back.services().get(2).publishes())
                .allSatisfy(p -> assertThat(p.extensions()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(AsyncApiVersion.class)
    void exportValidatesAndSurvivesTheRoundTrip(AsyncApiVersion v) throws Exception {
        Design d = design();
        assertThat(SchemaCheck.errors(AsyncApiExporter.toTree(d, v))).isEmpty();
        for (var s : d.services()) {
            assertThat(SchemaCheck.errors(AsyncApiExporter.toTree(d, v, s.id())))
                    .as(s.id())
                    .isEmpty();
        }
        String text = AsyncApiExporter.export(d, v, AsyncApiExporter.Format.YAML);
        Design back = AsyncApiImporter.importText("k.yaml", text, Path.of("."), AsyncApiImporter.Options.DEFAULT)
                .design();
        assertThat(back).usingRecursiveComparison().ignoringFields("layout").isEqualTo(d);
    }

    static final String FOREIGN =
            """
            asyncapi: 3.0.0
            info: {title: Orders, version: 1.0.0}
            servers:
              aws: {host: sqs.eu-west-1.amazonaws.com, protocol: sqs}
              amq: {host: broker:61616, protocol: jms}
            channels:
              orders:
                address: orders
                servers: [{$ref: '#/servers/aws'}]
                bindings:
                  sns: {name: orders, ordering: {type: FIFO}}
              work:
                address: work.fifo
                servers: [{$ref: '#/servers/aws'}]
                bindings:
                  sqs:
                    queue:
                      name: work.fifo
                      fifoQueue: true
                      visibilityTimeout: 120
                      receiveMessageWaitTime: 10
                      redrivePolicy: {deadLetterQueue: {name: work-dlq.fifo}, maxReceiveCount: 3}
              work-dlq:
                address: work-dlq.fifo
                servers: [{$ref: '#/servers/aws'}]
                bindings:
                  sqs: {queue: {name: work-dlq.fifo, fifoQueue: true}}
              jobs:
                address: jobs
                servers: [{$ref: '#/servers/amq'}]
                bindings:
                  jms: {destination: jobs, destinationType: queue}
            operations:
              publishOrder:
                action: send
                channel: {$ref: '#/channels/orders'}
                bindings:
                  sns:
                    consumers:
                      - {protocol: sqs, endpoint: {name: work.fifo}, rawMessageDelivery: true}
            """;

    @Test
    void foreignBindingsBecomeDesignSettings() throws Exception {
        Design d = AsyncApiImporter.importText("f.yaml", FOREIGN, Path.of("."), AsyncApiImporter.Options.DEFAULT)
                .design();
        Channel orders = d.channel("orders").orElseThrow();
        assertThat(SqsQueue.of(orders).isTopic()).isTrue();
        assertThat(SqsQueue.of(orders).isFifo()).isTrue();
        Channel work = d.channel("work").orElseThrow();
        assertThat(SqsQueue.of(work).isFifo()).isTrue();
        assertThat(SqsQueue.of(work).visibilityTimeout().text()).isEqualTo("2min");
        assertThat(SqsQueue.of(work).receiveWait().text()).isEqualTo("10s");
        assertThat(SqsQueue.of(work).maxReceiveCount()).isEqualTo(3);
        assertThat(work.deadLetter()).isEqualTo("work-dlq");
        assertThat(SqsQueue.of(work).topicsOrEmpty()).containsExactly("orders");
        assertThat(work.extensions()).doesNotContainKey("x-asyncapi");
        assertThat(JmsDestination.of(d.channel("jobs").orElseThrow()).type()).isEqualTo(JmsDestination.Type.QUEUE);
    }

    @Test
    void aFanOutToAnUnknownQueueIsKeptVerbatim() throws Exception {
        String text = FOREIGN.replace("endpoint: {name: work.fifo}", "endpoint: {name: elsewhere}");
        Design d = AsyncApiImporter.importText("f.yaml", text, Path.of("."), AsyncApiImporter.Options.DEFAULT)
                .design();
        assertThat(SqsQueue.of(d.channel("work").orElseThrow()).snsTopics()).isNull();
        Publication p = d.services().get(0).publishes().get(0);
        assertThat(p.extensions()
                        .get("x-asyncapi")
                        .at("/bindings/sns/consumers/0/endpoint/name")
                        .asText())
                .isEqualTo("elsewhere");
    }

    @Test
    void aDocumentsOwnMqttSessionExpiryReachesItsSubscriptionsAndTheBindingStays() throws Exception {
        String text =
                """
                asyncapi: 3.0.0
                info: {title: Gateway, version: 1.0.0}
                servers:
                  mq:
                    host: broker:1883
                    protocol: mqtt
                    bindings:
                      mqtt: {clientId: gw-1, cleanSession: false, sessionExpiryInterval: 600, keepAlive: 30}
                channels:
                  commands: {address: devices/commands}
                operations:
                  receiveCommands:
                    action: receive
                    channel: {$ref: '#/channels/commands'}
                    bindings: {mqtt: {qos: 1}}
                """;
        Design d = AsyncApiImporter.importText("gw.yaml", text, Path.of("."), AsyncApiImporter.Options.DEFAULT)
                .design();
        Subscription sub = d.services().get(0).subscribes().get(0);
        assertThat(sub.qos()).isEqualTo(1);
        assertThat(sub.sessionExpiry().text()).isEqualTo("10min");
        JsonNode server = AsyncApiExporter.toTree(d, AsyncApiVersion.V3_0).at("/servers/mq/bindings/mqtt");
        assertThat(server.get("clientId").asText()).isEqualTo("gw-1");
        assertThat(server.get("keepAlive").asInt()).isEqualTo(30);
        assertThat(server.get("sessionExpiryInterval").asInt()).isEqualTo(600);
        assertThat(server.has("x-eventflow-derived")).isFalse();
    }

    @Test
    void anEditedDerivedServerBindingIsStillDroppedButSessionSettingsComeFromOperations() throws Exception {
        String text = AsyncApiExporter.export(design(), AsyncApiVersion.V3_0, AsyncApiExporter.Format.YAML);
        Design back = AsyncApiImporter.importText("k.yaml", text, Path.of("."), AsyncApiImporter.Options.DEFAULT)
                .design();
        Subscription sub = back.services().get(2).subscribes().get(0);
        assertThat(sub.sessionExpiry().text()).isEqualTo("1h");
        assertThat(sub.receiveMaximum()).isEqualTo(20);
        assertThat(back.brokers().get(2).extensions()).doesNotContainKey("x-asyncapi");
        assertThat(SourceTree.parse("k.yaml", text)
                        .root()
                        .at("/servers/mq/bindings/mqtt/clientId")
                        .asText())
                .isEqualTo("device");
    }
}
