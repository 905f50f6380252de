package io.eventflow.model.validate;

import static io.eventflow.model.Designs.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.JmsDestination;
import io.eventflow.model.design.RedisStream;
import io.eventflow.model.design.SqsQueue;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.DesignWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings of the SQS/SNS, Redis Streams, JMS, MQTT-session and Postgres kinds: read, written, validated. */
class KindSettingsTest {
    private static final String DESIGN =
            """
            eventflow: 1
            name: kinds
            brokers:
              - {id: aws, kind: sqs}
              - {id: redis, kind: redis}
              - {id: amq, kind: jms}
              - {id: mosquitto, kind: mqtt}
              - {id: pg, kind: postgres}
            messages:
              - {id: E, payload: {type: object}}
            channels:
              - {id: events, broker: aws, snsTopic: true, messages: [E]}
              - {id: q, broker: aws, snsTopics: [events], messages: [E], visibilityTimeout: 45s, maxReceiveCount: 3,
                 fifo: true, receiveWait: 20s, messageRetention: 1d, deadLetter: q-dlq}
              - {id: q-dlq, broker: aws, messages: [E]}
              - {id: stream, broker: redis, messages: [E], maxLen: 1000}
              - {id: prices, broker: amq, messages: [E], destination: topic}
              - {id: status, broker: mosquitto, messages: [E], qos: 1}
              - {id: jobs, broker: pg, messages: [E]}
            services:
              - id: p
                publishes:
                  - {channel: events, rate: 10/s}
                  - {channel: stream, rate: 10/s}
                  - {channel: prices, rate: 10/s}
                  - {channel: status, will: true}
                  - {channel: jobs, rate: 10/s, transaction: 50ms, rollbackPercent: 10}
              - id: c
                subscribes:
                  - {channel: q}
                  - {channel: q-dlq}
                  - {channel: stream, claimIdle: 30s}
                  - {channel: prices, durable: true}
                  - {channel: status, qos: 1, sessionExpiry: 1h, receiveMaximum: 10}
                  - {channel: jobs}
            """;

    private static List<Problem> errors(String yaml) {
        return load(yaml).problems().stream().filter(Problem::isError).toList();
    }

    @Test
    void everySettingIsReadAndValid() {
        DesignFiles.Loaded loaded = load(DESIGN);
        assertThat(errors(DESIGN)).isEmpty();
        Design d = loaded.design();
        Channel q = d.channel("q").orElseThrow();
        assertThat(SqsQueue.of(q).topicsOrEmpty()).containsExactly("events");
        assertThat(SqsQueue.of(q).visibilityTimeoutOrDefault().toString()).isEqualTo("45s");
        assertThat(SqsQueue.of(q).maxReceiveCount()).isEqualTo(3);
        assertThat(SqsQueue.of(q).isFifo()).isTrue();
        assertThat(SqsQueue.of(d.channel("events").orElseThrow()).isTopic()).isTrue();
        assertThat(RedisStream.of(d.channel("stream").orElseThrow()).maxLen()).isEqualTo(1000);
        assertThat(JmsDestination.of(d.channel("prices").orElseThrow()).type()).isEqualTo(JmsDestination.Type.TOPIC);
        var c = d.service("c").orElseThrow();
        assertThat(c.subscribes().get(2).claimIdle().toString()).isEqualTo("30s");
        assertThat(c.subscribes().get(3).isDurable()).isTrue();
        assertThat(c.subscribes().get(4).receiveMaximum()).isEqualTo(10);
        var p = d.service("p").orElseThrow();
        assertThat(p.publishes().get(3).isWill()).isTrue();
        assertThat(p.publishes().get(4).rollbackPercent()).isEqualTo(10.0);
    }

    @Test
    void writtenAndReadBackUnchanged() {
        Design d = load(DESIGN).design();
        String yaml = DesignWriter.toYaml(d);
        assertThat(load(yaml).design()).isEqualTo(d);
        assertThat(yaml)
                .contains(
                        "snsTopics:",
                        "visibilityTimeout: 45s",
                        "maxLen: 1000",
                        "destination: topic",
                        "claimIdle: 30s",
                        "will: true",
                        "rollbackPercent: 10");
    }

    @Test
    void settingsOnTheWrongKindOfBrokerAreEf103() {
        String yaml = DESIGN.replace(
                        "{id: stream, broker: redis, messages: [E], maxLen: 1000}",
                        "{id: stream, broker: redis, messages: [E], maxLen: 1000, visibilityTimeout: 5s}")
                .replace("{channel: jobs}", "{channel: jobs, durable: true}")
                .replace("{channel: stream, rate: 10/s}", "{channel: stream, rate: 10/s, transaction: 5ms}");
        List<Problem> found = errors(yaml);
        assertThat(found).extracting(Problem::rule).containsOnly("EF103").hasSize(3);
        assertThat(found)
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("SQS/SNS settings"))
                .anySatisfy(m -> assertThat(m).contains("'durable' applies to subscriptions of JMS topics"))
                .anySatisfy(m -> assertThat(m).contains("Postgres NOTIFY"));
    }

    @Test
    void impossibleValuesAreEf104WithTheirLine() {
        String yaml = DESIGN.replace("maxReceiveCount: 3", "maxReceiveCount: 0")
                .replace("receiveWait: 20s", "receiveWait: 30s")
                .replace("rollbackPercent: 10", "rollbackPercent: 120")
                .replace("receiveMaximum: 10", "receiveMaximum: 0")
                .replace("{channel: status, will: true}", "{channel: status, will: true, rate: 1/s}");
        List<Problem> found = errors(yaml);
        assertThat(found).extracting(Problem::rule).containsOnly("EF104");
        assertThat(found)
                .extracting(Problem::pointer)
                .contains(
                        "/channels/1/maxReceiveCount",
                        "/channels/1/receiveWait",
                        "/services/0/publishes/4/rollbackPercent",
                        "/services/1/subscribes/4/receiveMaximum",
                        "/services/0/publishes/3/will");
        assertThat(found).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void queuesSubscribeToTopicsAndConsumersToQueues() {
        String yaml = DESIGN.replace("snsTopics: [events]", "snsTopics: [evnets]")
                .replace("- {channel: q-dlq}", "- {channel: events}");
        List<Problem> found = errors(yaml);
        assertThat(found).anySatisfy(p -> {
            assertThat(p.rule()).isEqualTo("EF101");
            assertThat(p.hint()).contains("did you mean 'events'");
        });
        assertThat(found).anySatisfy(p -> {
            assertThat(p.rule()).isEqualTo("EF104");
            assertThat(p.message()).contains("is an SNS topic: it delivers to queues");
        });
        String notATopic = DESIGN.replace("snsTopics: [events]", "snsTopics: [q-dlq]");
        assertThat(errors(notATopic)).singleElement().satisfies(p -> assertThat(p.hint())
                .contains("set snsTopic: true on 'q-dlq'"));
    }
}
