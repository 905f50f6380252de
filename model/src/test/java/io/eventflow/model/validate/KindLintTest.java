package io.eventflow.model.validate;

import static io.eventflow.model.Designs.edit;
import static io.eventflow.model.Designs.lineOf;
import static io.eventflow.model.Designs.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.validate.LinterTest.Case;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules for the MQTT, SQS/SNS, Redis Streams, Postgres and JMS kinds (EF014 to EF023), LinterTest style. */
class KindLintTest {
    /** A valid design with one channel of every new kind, set up so that none of EF014 to EF022 fires. */
    static final String KINDS =
            """
            eventflow: 1
            name: Kinds lint base
            brokers:
              - {id: aws, kind: sqs}
              - {id: mq, kind: mqtt}
              - {id: rd, kind: redis}
              - {id: pg, kind: postgres}
              - {id: amq, kind: jms}
            messages:
              - id: OrderPlaced
                payload: {title: OrderPlaced, type: object}
                correlationId: header:correlationId
              - id: SetValve
                payload: {title: SetValve, type: object}
                correlationId: header:correlationId
            channels:
              - {id: orders, broker: aws, address: orders.v1, messages: [OrderPlaced], snsTopic: true}
              - {id: billing, broker: aws, address: billing.v1, messages: [OrderPlaced], snsTopics: [orders], visibilityTimeout: 30s, maxReceiveCount: 5, deadLetter: billing-dlq}
              - {id: billing-dlq, broker: aws, address: billing.dlq, messages: [OrderPlaced]}
              - {id: valves, broker: mq, address: valves.v1, messages: [SetValve], qos: 1}
              - {id: stream, broker: rd, address: stream.v1, messages: [OrderPlaced], maxLen: 1000000}
              - {id: notify, broker: pg, address: notify.v1, messages: [OrderPlaced]}
              - {id: prices, broker: amq, address: prices.v1, messages: [OrderPlaced], destination: topic}
            services:
              - id: shop
                publishes:
                  - {channel: orders, message: OrderPlaced, rate: 10/s}
                  - {channel: valves, message: SetValve, rate: 1/s}
                  - {channel: stream, message: OrderPlaced, rate: 10/s}
                  - {channel: notify, message: OrderPlaced, rate: 1/s}
                  - {channel: prices, message: OrderPlaced, rate: 1/s}
              - id: worker
                instances: 2
                subscribes:
                  - {channel: billing, processing: 200ms, dedupWindow: 1h}
                  - {channel: valves, qos: 1, sessionExpiry: 1h}
                  - {channel: stream, claimIdle: 1min}
                  - {channel: notify, delivery: at-most-once}
                  - {channel: prices, durable: true}
              - id: ops
                subscribes:
                  - {channel: billing-dlq, delivery: at-most-once}
            """;

    /** An edit of the design text that can be followed by another. */
    interface Edit extends UnaryOperator<String> {
        default Edit then(UnaryOperator<String> next) {
            return y -> next.apply(apply(y));
        }
    }

    private static Edit e(String from, String to) {
        return yaml -> edit(yaml, from, to);
    }

    private static final UnaryOperator<String> SAME = UnaryOperator.identity();

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "EF014",
                        "LISTEN/NOTIFY read at least once",
                        e("{channel: notify, delivery: at-most-once}", "{channel: notify}"),
                        SAME),
                new Case(
                        "EF015",
                        "processing up to 40s against a 30s visibility timeout",
                        e("processing: 200ms", "processing: {distribution: uniform, min: 10s, max: 40s}"),
                        e("visibilityTimeout: 30s", "visibilityTimeout: 1min")
                                .then(e(
                                        "processing: 200ms",
                                        "processing: {distribution: uniform, min: 10s, max: 40s}"))),
                new Case(
                        "EF015",
                        "a 45s mean against the default 30s",
                        e("visibilityTimeout: 30s, ", "").then(e("processing: 200ms", "processing: 45s")),
                        e("visibilityTimeout: 30s, ", "").then(e("processing: 200ms", "processing: 29s"))),
                new Case(
                        "EF016",
                        "commands published at QoS 0",
                        e("messages: [SetValve], qos: 1}", "messages: [SetValve], qos: 0}"),
                        e("messages: [SetValve], qos: 1}", "messages: [SetValve], qos: 0}")
                                .then(y -> y.replace("SetValve", "ValveOpened"))),
                new Case(
                        "EF016",
                        "commands subscribed at QoS 0",
                        e("{channel: valves, qos: 1,", "{channel: valves, qos: 0,"),
                        e("{channel: valves, qos: 1,", "{channel: valves, qos: 2,")),
                new Case(
                        "EF017",
                        "QoS 1 subscriber with a clean session",
                        e("qos: 1, sessionExpiry: 1h}", "qos: 1}"),
                        e("qos: 1, sessionExpiry: 1h}", "qos: 1, delivery: at-most-once}")),
                new Case(
                        "EF018",
                        "non-durable JMS topic subscriber",
                        e("{channel: prices, durable: true}", "{channel: prices}"),
                        e("{channel: prices, durable: true}", "{channel: prices, delivery: at-most-once}")),
                new Case(
                        "EF019",
                        "two consumers and no claimIdle",
                        e("{channel: stream, claimIdle: 1min}", "{channel: stream}"),
                        e("{channel: stream, claimIdle: 1min}", "{channel: stream}")
                                .then(e("instances: 2\n", "instances: 1\n"))),
                new Case(
                        "EF020",
                        "maxLen below a day of entries",
                        e("maxLen: 1000000}", "maxLen: 1000}"),
                        e("maxLen: 1000000}", "maxLen: 1000}")
                                .then(e(
                                        "{channel: stream, claimIdle: 1min}",
                                        "{channel: stream, claimIdle: 1min," + " maxDowntime: 90s}"))),
                new Case(
                        "EF021",
                        "FIFO queue without .fifo",
                        e(
                                "address: billing.dlq, messages: [OrderPlaced]}",
                                "address: billing.dlq, messages:" + " [OrderPlaced], fifo: true}"),
                        e(
                                "address: billing.dlq, messages: [OrderPlaced]}",
                                "address: billing-dlq.fifo, messages:" + " [OrderPlaced], fifo: true}")),
                new Case(
                        "EF021",
                        "standard queue named .fifo",
                        e("address: billing.dlq,", "address: billing-dlq.fifo,"),
                        SAME),
                new Case("EF022", "SNS topic with no queue", e("snsTopics: [orders], ", ""), SAME),
                new Case(
                        "EF023",
                        "producer retry policy on a QoS 0 publication",
                        e("  - id: shop\n", "  - id: shop\n    producer: {retry: {maxAttempts: 3}}\n")
                                .then(e("messages: [SetValve], qos: 1}", "messages: [SetValve], qos: 0}")),
                        e("  - id: shop\n", "  - id: shop\n    producer: {retry: {maxAttempts: 3}}\n")));
    }

    private static List<Problem> lint(String yaml) {
        DesignFiles.Loaded loaded = load(yaml);
        assertThat(loaded.problems()).as("validation problems").isEmpty();
        return DesignFiles.lint(loaded);
    }

    private static List<String> rules(String yaml) {
        return lint(yaml).stream().map(Problem::rule).toList();
    }

    @Test
    void baseHasNoKindFindings() {
        assertThat(rules(KINDS)).noneMatch(r -> r.compareTo("EF014") >= 0 && r.compareTo("EF022") <= 0);
    }

    @Test
    void snsFanOutCountsForPublisherAndSubscriberRules() {
        assertThat(rules(KINDS)).doesNotContain("EF006", "EF007");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleTriggers(Case c) {
        assertThat(rules(c.triggers().apply(KINDS))).contains(c.rule());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleStaysQuiet(Case c) {
        assertThat(rules(c.quiet().apply(KINDS))).doesNotContain(c.rule());
    }

    @Test
    void cleanSessionFindingPointsAtTheSubscription() {
        String yaml = edit(KINDS, "qos: 1, sessionExpiry: 1h}", "qos: 1}");
        assertThat(lint(yaml))
                .filteredOn(p -> p.rule().equals("EF017"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.element()).isEqualTo("worker");
                    assertThat(p.pointer()).isEqualTo("/services/1/subscribes/1");
                    assertThat(p.line()).isEqualTo(lineOf(yaml, "{channel: valves, qos: 1}"));
                    assertThat(p.message()).contains("QoS 1", "clean session");
                });
    }

    @Test
    void trimFindingWorksOutTheEntriesArrivingDuringTheDowntime() {
        // 10 messages/s for the default expected downtime of 1d: 10 * 86400 = 864000 entries > 1000.
        String yaml = edit(KINDS, "maxLen: 1000000}", "maxLen: 1000}");
        assertThat(lint(yaml))
                .filteredOn(p -> p.rule().equals("EF020"))
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("about 864000 arrive", "1d, lint.expectedDowntime");
    }

    @ParameterizedTest
    @CsvSource({
        "SetValve, true",
        "DeviceCommand, true",
        "reboot-cmd, true",
        "device_commands, true",
        "TurnOn, true",
        "Reboot, true",
        "startPump, true",
        "ValveOpened, false",
        "SetpointChanged, false",
        "Settings, false",
        "StartedJob, false",
        "UpdateEvent, false",
        "DeviceStatus, false",
        "OpenedDoor, false",
        "TemperatureReading, false"
    })
    void commandHeuristic(String name, boolean command) {
        assertThat(KindLint.readsAsCommand(name)).as(name).isEqualTo(command);
    }
}
