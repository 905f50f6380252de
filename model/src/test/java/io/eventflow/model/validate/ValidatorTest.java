package io.eventflow.model.validate;

import static io.eventflow.model.Designs.CLEAN;
import static io.eventflow.model.Designs.edit;
import static io.eventflow.model.Designs.lineOf;
import static io.eventflow.model.Designs.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.io.DesignFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    private static List<Problem> errors(String yaml) {
        return load(yaml).problems().stream().filter(Problem::isError).toList();
    }

    private static List<Problem> errors(String yaml, String rule) {
        return errors(yaml).stream().filter(p -> p.rule().equals(rule)).toList();
    }

    @Test
    void cleanDesignHasNoProblems() {
        DesignFiles.Loaded loaded = load(CLEAN);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.hasErrors()).isFalse();
    }

    @Test
    void ef101UnknownReferenceIsLocatedAndSuggestsTheClosestId() {
        String yaml = edit(CLEAN, "{id: a, broker: kafka,", "{id: a, broker: kafak,");
        List<Problem> found = errors(yaml, "EF101");
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("unknown broker 'kafak'");
            assertThat(p.hint()).contains("did you mean 'kafka'");
            assertThat(p.element()).isEqualTo("a");
            assertThat(p.file()).isEqualTo("test.eventflow.yaml");
            assertThat(p.line()).isEqualTo(lineOf(yaml, "broker: kafak"));
            assertThat(p.column()).isPositive();
        });
    }

    @Test
    void ef101UnknownChannelOfASubscription() {
        String yaml = edit(CLEAN, "- {channel: b, dedupWindow: 1h}", "- {channel: bb, dedupWindow: 1h}");
        assertThat(errors(yaml, "EF101")).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/services/1/subscribes/1/channel");
            assertThat(p.element()).isEqualTo("c");
        });
    }

    @Test
    void ef101QuietWhenEveryReferenceResolves() {
        assertThat(errors(CLEAN, "EF101")).isEmpty();
    }

    @Test
    void ef102DuplicateIdsAcrossKindsOfElement() {
        String yaml = edit(CLEAN, "- id: ops\n", "- id: a-dlq\n");
        assertThat(errors(yaml, "EF102")).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("'a-dlq' is used twice (channel and service)");
            assertThat(p.pointer()).isEqualTo("/services/2/id");
            assertThat(p.hint()).isNotBlank();
        });
    }

    @Test
    void ef102QuietForUniqueIds() {
        assertThat(errors(CLEAN, "EF102")).isEmpty();
    }

    @Test
    void ef103KafkaSettingsOnAnAmqpBroker() {
        String yaml = edit(CLEAN, "messages: [B], ttl: 2d", "messages: [B], ttl: 2d, partitions: 3");
        assertThat(errors(yaml, "EF103")).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("Kafka settings").contains("broker 'rabbit' is amqp");
            assertThat(p.pointer()).isEqualTo("/channels/2/broker");
        });
    }

    @Test
    void ef103MqttSettingsOnAKafkaBroker() {
        String yaml = edit(CLEAN, "address: a.dlq, messages: [A]}", "address: a.dlq, messages: [A], qos: 1}");
        assertThat(errors(yaml, "EF103")).hasSize(1);
    }

    @Test
    void ef103QuietWhenSettingsFitTheBroker() {
        assertThat(errors(CLEAN, "EF103")).isEmpty();
    }

    @Test
    void ef104ZeroPartitions() {
        String yaml = edit(CLEAN, "partitions: 3}", "partitions: 0}");
        assertThat(errors(yaml, "EF104")).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("partitions must be at least 1, not 0");
            assertThat(p.line()).isEqualTo(lineOf(yaml, "partitions: 0"));
        });
    }

    @Test
    void ef104NegativeRate() {
        String yaml = edit(CLEAN, "rate: 10/s", "rate: -10/s");
        assertThat(errors(yaml, "EF104")).singleElement().satisfies(p -> assertThat(p.message())
                .contains("negative"));
    }

    @Test
    void ef104MinInSyncReplicasAboveReplicationFactor() {
        String yaml = edit(CLEAN, "partitions: 3}", "partitions: 3, replicationFactor: 2, minInSyncReplicas: 3}");
        assertThat(errors(yaml, "EF104")).singleElement().satisfies(p -> assertThat(p.hint())
                .contains("acks=all"));
    }

    @Test
    void ef104QuietForPossibleValues() {
        assertThat(errors(CLEAN, "EF104")).isEmpty();
    }

    @Test
    void ef105UnknownKeySuggestsTheKnownOne() {
        String yaml = edit(CLEAN, "- id: c\n    instances: 3", "- id: c\n    instanses: 3");
        assertThat(errors(yaml, "EF105")).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("unknown key 'instanses'");
            assertThat(p.hint()).startsWith("did you mean 'instances'?");
            assertThat(p.line()).isEqualTo(lineOf(yaml, "instanses"));
            assertThat(p.column()).isEqualTo(5);
        });
    }

    @Test
    void ef105WrongTypes() {
        String yaml = edit(CLEAN, "partitions: 3}", "partitions: three, external: maybe}");
        assertThat(errors(yaml, "EF105"))
                .extracting(Problem::message)
                .containsExactlyInAnyOrder(
                        "'partitions' must be a whole number, not 'three'",
                        "'external' must be true or false, not 'maybe'");
    }

    @Test
    void ef105QuietForKnownKeysAndExtensions() {
        String yaml = edit(CLEAN, "- id: c\n", "- id: c\n    x-team: payments\n");
        assertThat(errors(yaml)).isEmpty();
    }

    @Test
    void ef106MessageNotCarriedByTheChannel() {
        String yaml = edit(CLEAN, "{channel: a, message: A, rate: 10/s}", "{channel: a, message: B, rate: 10/s}");
        assertThat(errors(yaml, "EF106")).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("message 'B' is not carried by channel 'a'");
            assertThat(p.pointer()).isEqualTo("/services/0/publishes/0/message");
            assertThat(p.hint()).contains("use one of: A");
        });
    }

    @Test
    void ef106QuietWhenTheChannelCarriesTheMessage() {
        assertThat(errors(CLEAN, "EF106")).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        String yaml = edit(CLEAN, "partitions: 3}", "partitions: 0}");
        yaml = edit(yaml, "{id: a, broker: kafka,", "{id: a, broker: kafak,");
        yaml = edit(yaml, "- id: c\n    instances: 3", "- id: c\n    instanses: 3");
        List<Problem> found = errors(yaml);
        assertThat(found).extracting(Problem::rule).containsExactly("EF101", "EF104", "EF105");
        assertThat(found).allSatisfy(p -> assertThat(p.line()).isPositive());
        assertThat(found).extracting(Problem::line).isSorted();
    }

    @Test
    void formatReadsLikeACompilerMessage() {
        String yaml = edit(CLEAN, "partitions: 3}", "partitions: 0}");
        Problem p = errors(yaml).get(0);
        assertThat(p.format())
                .startsWith("test.eventflow.yaml:" + lineOf(yaml, "partitions: 0") + ":")
                .contains("error EF104: partitions must be at least 1, not 0 [a]");
    }

    @Test
    void ef105AnIdOutsideTheIdRuleIsAnErrorAtItsLine() {
        String yaml = edit(CLEAN, "- id: ops\n", "- id: 'ops:v2'\n");
        assertThat(errors(yaml, "EF105")).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("'ops:v2' is not a valid id");
            assertThat(p.hint()).contains("letters, digits");
            assertThat(p.line()).isEqualTo(lineOf(yaml, "ops:v2"));
        });
        assertThat(errors(CLEAN, "EF105")).isEmpty();
    }
}
