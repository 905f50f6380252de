package io.eventflow.model.validate;

import static io.eventflow.model.Designs.CLEAN;
import static io.eventflow.model.Designs.edit;
import static io.eventflow.model.Designs.lineOf;
import static io.eventflow.model.Designs.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.io.DesignFiles;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LinterTest {
    /** A rule, an edit of the clean design that triggers it, and a close edit that must not. */
    record Case(String rule, String name, UnaryOperator<String> triggers, UnaryOperator<String> quiet) {
        @Override
        public String toString() {
            return rule + " " + name;
        }
    }

    private static UnaryOperator<String> e(String from, String to) {
        return yaml -> edit(yaml, from, to);
    }

    private static final String LINT = "\nlint:\n";
    private static final String AVRO = "application/vnd.apache.avro;version=1.9.0";
    /** An Avro record whose example is {orderId: "orderId"}: 1 byte of length and 7 of text. */
    private static final String ORDER = "{type: record, name: A, fields: [{name: orderId, type: string}]}";

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "EF001",
                        "two message types on one channel",
                        e("address: a.v1, messages: [A]", "address: a.v1, messages: [A, B]"),
                        e("address: a.v1, messages: [A]", "address: a.v1, messages: [A, A]")),
                new Case(
                        "EF002",
                        "message without payload",
                        e("    payload: {title: A, type: object}\n", ""),
                        e(
                                "    payload: {title: A, type: object}\n",
                                "    schemaFormat: application/vnd.apache.avro;version=1.9.0\n"
                                        + "    payload: {type: record, name: A, fields: []}\n")),
                new Case(
                        "EF002",
                        "empty payload schema",
                        e("payload: {title: A, type: object}", "payload: {}"),
                        e(
                                "    payload: {title: A, type: object}",
                                "    schemaFormat: application/vnd.google.protobuf;version=3\n"
                                        + "    payload: 'syntax = \"proto3\"; message A {}'")),
                new Case(
                        "EF003",
                        "message over the default 256KiB",
                        e("sizeBytes: 1KiB", "sizeBytes: 1MiB"),
                        e("sizeBytes: 1KiB", "sizeBytes: 256KiB")),
                new Case(
                        "EF003",
                        "message over lint.maxMessageSize",
                        y -> e("sizeBytes: 1KiB", "sizeBytes: 600KiB").apply(y) + LINT + "  maxMessageSize: 512KiB\n",
                        y -> e("sizeBytes: 1KiB", "sizeBytes: 600KiB").apply(y) + LINT + "  maxMessageSize: 1MiB\n"),
                new Case(
                        "EF004",
                        "at-least-once without dead letter",
                        e("{channel: a, group: c, deadLetter: a-dlq, dedupWindow: 1h}", "{channel: a, group: c}"),
                        e(
                                "{channel: a, group: c, deadLetter: a-dlq, dedupWindow: 1h}",
                                "{channel: a, group: c, delivery: at-most-once}")),
                new Case(
                        "EF004",
                        "channel-level dead letter counts",
                        e("ttl: 2d, deadLetter: b-dlq}", "ttl: 2d}"),
                        UnaryOperator.identity()),
                new Case(
                        "EF005",
                        "at-least-once without dedup",
                        e("- {channel: b, dedupWindow: 1h}", "- {channel: b}"),
                        e(
                                "- {channel: b, dedupWindow: 1h}",
                                "- {channel: b, delivery: exactly-once, mechanism: dedup}")),
                new Case(
                        "EF006",
                        "channel nobody publishes on",
                        e("      - {channel: b, message: B, rate: 1/s}\n", ""),
                        e("      - {channel: b, message: B, rate: 1/s}\n", "      - {channel: b, rate: 1/s}\n")),
                new Case(
                        "EF006",
                        "a dead letter channel counts as published to",
                        e("deadLetter: a-dlq, ", ""),
                        UnaryOperator.identity()),
                new Case(
                        "EF007",
                        "channel nobody reads",
                        e("      - {channel: b-dlq, delivery: at-most-once}\n", ""),
                        UnaryOperator.identity()),
                new Case(
                        "EF008",
                        "crossing message without correlation id",
                        e("    correlationId: header:correlationId\n    sizeBytes: 1KiB", "    sizeBytes: 1KiB"),
                        e(
                                "    correlationId: header:correlationId\n    sizeBytes: 1KiB",
                                "    correlationId: payload:id")),
                new Case(
                        "EF009",
                        "unsigned message on an external channel",
                        e("address: a.v1,", "address: a.v1, external: true,"),
                        e("address: a.v1,", "address: a.v1, external: true,")
                                .andThen(e("    sizeBytes: 1KiB", "    sizeBytes: 1KiB\n    signed: true"))::apply),
                new Case(
                        "EF009",
                        "a message opting out of its external channel's signing",
                        e("address: a.v1,", "address: a.v1, external: true, signed: true,")
                                .andThen(e("    sizeBytes: 1KiB", "    sizeBytes: 1KiB\n    signed: false"))::apply,
                        e("address: a.v1,", "address: a.v1, external: true, signing: {algorithm: Ed25519},")),
                new Case(
                        "EF030",
                        "a consumer of a signed channel that does not verify",
                        e("address: a.v1,", "address: a.v1, signed: true,")
                                .andThen(e(
                                        "deadLetter: a-dlq, dedupWindow: 1h}",
                                        "deadLetter: a-dlq, dedupWindow: 1h," + " verify: false}"))::apply,
                        e("address: a.v1,", "address: a.v1, signed: true,")
                                .andThen(e(
                                        "deadLetter: a-dlq, dedupWindow: 1h}",
                                        "deadLetter: a-dlq, dedupWindow: 1h," + " verify: true}"))::apply),
                new Case(
                        "EF030",
                        "a signed message read without verifying (verify: false with nothing signed is no finding)",
                        e("address: a.v1,", "address: a.v1,")
                                .andThen(e("    sizeBytes: 1KiB", "    sizeBytes: 1KiB\n    signed: true"))
                                .andThen(e(
                                        "deadLetter: a-dlq, dedupWindow: 1h}",
                                        "deadLetter: a-dlq, dedupWindow: 1h," + " verify: false}"))::apply,
                        e(
                                "deadLetter: a-dlq, dedupWindow: 1h}",
                                "deadLetter: a-dlq, dedupWindow: 1h," + " verify: false}")),
                new Case(
                        "EF010",
                        "more instances than partitions",
                        e("instances: 3", "instances: 4"),
                        e("instances: 3", "instances: 4").andThen(e("partitions: 3}", "partitions: 4}"))::apply),
                new Case(
                        "EF011",
                        "ttl shorter than the subscriber's maxDowntime",
                        e("- {channel: b, dedupWindow: 1h}", "- {channel: b, dedupWindow: 1h, maxDowntime: 3d}"),
                        e("- {channel: b, dedupWindow: 1h}", "- {channel: b, dedupWindow: 1h, maxDowntime: 2d}")),
                new Case(
                        "EF011",
                        "Kafka retention shorter than lint.expectedDowntime",
                        e("partitions: 3}", "partitions: 3, retention: 12h}"),
                        y -> e("partitions: 3}", "partitions: 3, retention: 12h}")
                                        .apply(y) + LINT + "  expectedDowntime: 6h\n"),
                new Case(
                        "EF012",
                        "address against the default convention",
                        e("address: a.v1", "address: Orders_V1"),
                        e("address: a.v1", "address: 'orders.{orderId}.v1'")),
                new Case(
                        "EF012",
                        "address against a design's own pattern",
                        y -> y + LINT + "  addressPattern: '^[a-z]+\\.v[0-9]+$'\n",
                        y -> y + LINT + "  addressPattern: '^[a-z]+\\.(v[0-9]+|dlq)$'\n"),
                new Case(
                        "EF013",
                        "dead-letter channel for another message type",
                        e("deadLetter: a-dlq, dedupWindow: 1h}", "deadLetter: b-dlq, dedupWindow: 1h}"),
                        e("deadLetter: a-dlq, dedupWindow: 1h}", "deadLetter: a-dlq, dedupWindow: 2h}")),
                new Case(
                        "EF024",
                        "old x- spelling of rebalancePause on a subscription",
                        e("group: c, deadLetter: a-dlq", "group: c, x-rebalancePause: 1s, deadLetter: a-dlq"),
                        e("group: c, deadLetter: a-dlq", "group: c, rebalancePause: 1s, deadLetter: a-dlq")),
                new Case(
                        "EF024",
                        "old x- spelling of replicationLag on a broker",
                        e(
                                "{id: kafka, kind: kafka, nodes: 3}",
                                "{id: kafka, kind: kafka, nodes: 3, x-replicationLag: 5ms}"),
                        e(
                                "{id: kafka, kind: kafka, nodes: 3}",
                                "{id: kafka, kind: kafka, nodes: 3, replicationLag: 5ms}")),
                new Case(
                        "EF025",
                        "typed size far from the Avro example's (1KiB against 1 + 7 bytes)",
                        e(
                                "    payload: {title: A, type: object}",
                                "    schemaFormat: " + AVRO + "\n    payload: " + ORDER),
                        y -> e(
                                        "    payload: {title: A, type: object}",
                                        "    schemaFormat: " + AVRO + "\n    payload: " + ORDER)
                                .apply(e("sizeBytes: 1KiB", "sizeBytes: 12").apply(y))),
                new Case(
                        "EF003",
                        "measured size over lint.maxMessageSize (no sizeBytes)",
                        y -> e("    sizeBytes: 1KiB\n", "").apply(y) + LINT + "  maxMessageSize: 1\n",
                        y -> e("    sizeBytes: 1KiB\n", "").apply(y) + LINT + "  maxMessageSize: 2\n"),
                new Case(
                        "EF000",
                        "unknown rule id in lint.rules",
                        y -> y + LINT + "  rules: {EF0O5: off}\n",
                        y -> y + LINT + "  rules: {EF005: off}\n"));
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
    void cleanDesignHasNoFindings() {
        assertThat(lint(CLEAN)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleTriggers(Case c) {
        assertThat(rules(c.triggers().apply(CLEAN))).contains(c.rule());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleStaysQuiet(Case c) {
        assertThat(rules(c.quiet().apply(CLEAN))).doesNotContain(c.rule());
    }

    @Test
    void everyRuleHasATriggeringCase() {
        List<String> tested = Stream.concat(cases(), KindLintTest.cases())
                .map(Case::rule)
                .distinct()
                .toList();
        assertThat(Linter.rules()).extracting(RuleInfo::id).containsExactlyInAnyOrderElementsOf(tested);
    }

    @Test
    void rulesAreDescribed() {
        assertThat(Linter.rules())
                .extracting(RuleInfo::id)
                .doesNotHaveDuplicates()
                .isSorted();
        assertThat(Linter.rules()).allSatisfy(r -> {
            assertThat(r.id()).matches("EF0[0-9]{2}");
            assertThat(r.title()).isNotBlank();
            assertThat(r.why()).isNotBlank();
        });
        assertThat(Linter.rule("EF005"))
                .get()
                .extracting(RuleInfo::defaultSeverity)
                .isEqualTo(Severity.INFO);
        assertThat(Linter.rule("EF999")).isEmpty();
    }

    @Test
    void findingsNameTheElementAndItsPointerAndLine() {
        String yaml = edit(CLEAN, "address: a.v1, messages: [A]", "address: a.v1, messages: [A, B]");
        // EF013 fires too (a-dlq does not carry B); this test looks at EF001.
        assertThat(lint(yaml))
                .filteredOn(p -> p.rule().equals("EF001"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("EF001");
                    assertThat(p.severity()).isEqualTo(Severity.WARNING);
                    assertThat(p.element()).isEqualTo("a");
                    assertThat(p.pointer()).startsWith("/channels/0");
                    assertThat(p.file()).isEqualTo("test.eventflow.yaml");
                    assertThat(p.line()).isEqualTo(lineOf(yaml, "{id: a, broker"));
                    assertThat(p.message()).contains("2 message types: A, B");
                    assertThat(p.hint()).isNotBlank();
                });
    }

    @Test
    void idleConsumersCountEveryServiceOfTheGroup() {
        String yaml = edit(CLEAN, "      - {channel: a-dlq, delivery: at-most-once}", "      - {channel: a, group: c}");
        yaml = edit(yaml, "  - id: ops\n", "  - id: ops\n    instances: 2\n");
        assertThat(lint(yaml))
                .filteredOn(p -> p.rule().equals("EF010"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).contains("runs 5 instances").contains("3 partition(s): 2 will sit idle");
                    assertThat(p.element()).isEqualTo("ops");
                });
    }

    @Test
    void idleConsumersIsKafkaOnly() {
        String yaml = edit(CLEAN, "      - {channel: a-dlq, delivery: at-most-once}\n", "");
        yaml = edit(yaml, "  - id: ops\n", "  - id: ops\n    instances: 9\n");
        assertThat(rules(yaml)).doesNotContain("EF010");
    }

    @Test
    void rulesCanBeReleveled() {
        String yaml =
                edit(CLEAN, "- {channel: b, dedupWindow: 1h}", "- {channel: b}") + LINT + "  rules: {EF005: error}\n";
        List<Problem> found = lint(yaml);
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("EF005");
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.isError()).isTrue();
        });
    }

    @Test
    void rulesCanBeSwitchedOff() {
        String yaml = edit(CLEAN, "address: a.v1, messages: [A]", "address: A.V1, messages: [A, B]");
        assertThat(rules(yaml)).containsExactlyInAnyOrder("EF001", "EF012", "EF013");
        assertThat(rules(yaml + LINT + "  rules: {EF001: off, EF012: info, EF013: off}\n"))
                .containsExactly("EF012");
        assertThat(lint(yaml + LINT + "  rules: {EF012: info}\n"))
                .filteredOn(p -> p.rule().equals("EF012"))
                .extracting(Problem::severity)
                .containsExactly(Severity.INFO);
    }

    @Test
    void unknownRuleIdSuggestsTheClosest() {
        String yaml = CLEAN + LINT + "  rules: {EF0O5: off}\n";
        assertThat(lint(yaml)).singleElement().satisfies(p -> {
            assertThat(p.hint()).isEqualTo("did you mean 'EF005'?");
            assertThat(p.line()).isEqualTo(lineOf(yaml, "EF0O5"));
        });
    }

    @Test
    void lintSurvivesAnInvalidDesign() {
        String yaml = edit(CLEAN, "{id: a, broker: kafka,", "{id: a, broker: nowhere,");
        yaml = edit(yaml, "{channel: a, message: A, rate: 10/s}", "{channel: zz, message: Q, rate: 10/s}");
        DesignFiles.Loaded loaded = load(yaml);
        assertThat(loaded.hasErrors()).isTrue();
        assertThat(DesignFiles.lint(loaded)).isNotNull();
    }

    @Test
    void findingsAreSortedBySeverityThenLine() {
        String yaml = edit(CLEAN, "- {channel: b, dedupWindow: 1h}", "- {channel: b}");
        yaml = edit(yaml, "address: a.v1, messages: [A]", "address: A.V1, messages: [A]");
        yaml = edit(yaml, "address: a.dlq, messages: [A]", "address: A.DLQ, messages: [A]");
        List<Problem> found = lint(yaml);
        assertThat(found).extracting(Problem::rule).containsExactly("EF012", "EF012", "EF005");
    }
}
