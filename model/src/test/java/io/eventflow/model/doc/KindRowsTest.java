package io.eventflow.model.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.Designs;
import org.junit.jupiter.api.Test;

/** The page shows the SQS/SNS, Redis Streams, JMS, Postgres and MQTT-session settings. */
class KindRowsTest {
    static final String DESIGN =
            """
            eventflow: 1
            name: Kinds page
            brokers:
              - {id: aws, kind: sqs}
              - {id: mq, kind: mqtt}
              - {id: rd, kind: redis}
              - {id: pg, kind: postgres}
              - {id: amq, kind: jms}
            messages:
              - {id: OrderPlaced, payload: {title: OrderPlaced, type: object}}
            channels:
              - {id: orders, broker: aws, address: orders, messages: [OrderPlaced], snsTopic: true}
              - {id: billing, broker: aws, address: billing.fifo, messages: [OrderPlaced], snsTopics: [orders], fifo: true, receiveWait: 20s, maxReceiveCount: 5, deadLetter: billing-dlq}
              - {id: billing-dlq, broker: aws, address: billing-dlq.fifo, messages: [OrderPlaced], fifo: true, messageRetention: 14d}
              - {id: status, broker: mq, address: status, messages: [OrderPlaced], qos: 1}
              - {id: stream, broker: rd, address: stream, messages: [OrderPlaced], maxLen: 5000}
              - {id: notify, broker: pg, address: notify, messages: [OrderPlaced]}
              - {id: prices, broker: amq, address: prices, messages: [OrderPlaced], destination: topic}
            services:
              - id: shop
                publishes:
                  - {channel: orders, rate: 10/s}
                  - {channel: notify, rate: 1/s, transaction: 200ms, rollbackPercent: 2.5}
                  - {channel: status, will: true}
              - id: worker
                subscribes:
                  - {channel: billing}
                  - {channel: status, qos: 1, sessionExpiry: 1h, receiveMaximum: 20}
                  - {channel: stream, claimIdle: 30s}
                  - {channel: prices}
            """;

    @Test
    void channelTablesShowTheKindSettings() {
        String html = HtmlDocWriter.write(Designs.load(DESIGN).design());
        assertThat(html)
                .contains("SNS topic", "stores nothing")
                .contains("Queues subscribed</td><td><a href=\"#channel-billing\">billing</a>")
                .contains("Subscribed to SNS topics</td><td><a href=\"#channel-orders\">orders</a>")
                .contains("Visibility timeout</td><td>30s (default)")
                .contains("Max receive count</td><td>5, then to the dead-letter queue")
                .contains("Receive wait</td><td>20s (long polling)")
                .contains("Message retention</td><td>14d")
                .contains("Max length (MAXLEN)</td><td>5000 entries")
                .contains("Destination</td><td>topic (publish/subscribe)")
                .contains("LISTEN/NOTIFY: only to sessions listening at that moment");
    }

    @Test
    void sendAndReceiveTablesShowWillsTransactionsAndSessions() {
        String html = HtmlDocWriter.write(Designs.load(DESIGN).design());
        assertThat(html)
                .contains("MQTT last will: published by the broker when an instance disconnects uncleanly")
                .contains("1/s, in a transaction committing 200ms later, 2.5% rolled back")
                .contains("at-least-once; QoS 1, session kept 1h, receive maximum 20")
                .contains("at-least-once; claims entries idle over 30s")
                .contains("at-least-once; non-durable");
    }
}
