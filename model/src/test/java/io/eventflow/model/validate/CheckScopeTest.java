package io.eventflow.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.TestFiles;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The checks without payload schemas and those of payload schemas together find exactly what all checks find. */
class CheckScopeTest {
    /**
     * A broken Avro schema (EF107), a message measured from its schema's example over the 100-byte limit (EF003, from
     * the schema), a typed one over it (EF003, no schema needed), a typed size far from its Avro example (EF025), and a
     * dangling reference (EF101).
     */
    private static final String DESIGN =
            """
            eventflow: 1
            name: Scopes
            lint:
              maxMessageSize: 100
            brokers:
              - {id: kafka, kind: kafka}
            messages:
              - id: Broken
                schemaFormat: application/vnd.apache.avro;version=1.9.0
                payload:
                  type: record
                  name: Broken
                  fields:
                    - {name: total, type: dubble}
              - id: Measured
                payload:
                  type: object
                  properties:
                    a: {type: string, minLength: 300}
                  required: [a]
              - id: Typed
                sizeBytes: 1KiB
                payload: {type: object, properties: {a: {type: string}}}
              - id: Small
                sizeBytes: 90
                schemaFormat: application/vnd.apache.avro;version=1.9.0
                payload:
                  type: record
                  name: Small
                  fields:
                    - {name: n, type: int}
            channels:
              - {id: orders, broker: kafka, messages: [Broken, Measured, Typed, Small]}
            services:
              - id: shop
                publishes:
                  - {channel: ordres, rate: 1/s}
            """;

    static Stream<Path> samples() throws Exception {
        return TestFiles.sampleDesigns().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void thePartsOfEverySampleAddUpToTheWhole(Path sample) throws Exception {
        assertPartsAddUp(DesignFiles.load(sample).design());
    }

    @Test
    void eachPayloadSchemaCheckIsInThePayloadPartOnly() throws Exception {
        Design d = DesignFiles.parse("s.eventflow.yaml", DESIGN).design();
        assertPartsAddUp(d);

        assertThat(Validator.validate(d, CheckScope.PAYLOAD_SCHEMAS))
                .extracting(Problem::rule, Problem::element)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EF107", "Broken"));
        assertThat(Validator.validate(d, CheckScope.WITHOUT_PAYLOAD_SCHEMAS))
                .extracting(Problem::rule)
                .contains("EF101")
                .doesNotContain("EF107");

        // Measured: a 300-character string in JSON text is more than 100 bytes; Small: 90 bytes typed against an Avro
        // example of 1 byte (the int 0 as a zig-zag varint), more than twice it.
        assertThat(Linter.lint(d, CheckScope.PAYLOAD_SCHEMAS))
                .extracting(Problem::rule, Problem::element)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("EF003", "Measured"),
                        org.assertj.core.groups.Tuple.tuple("EF025", "Small"));
        assertThat(Linter.lint(d, CheckScope.WITHOUT_PAYLOAD_SCHEMAS))
                .extracting(Problem::rule, Problem::element)
                .contains(org.assertj.core.groups.Tuple.tuple("EF003", "Typed"))
                .doesNotContain(
                        org.assertj.core.groups.Tuple.tuple("EF003", "Measured"),
                        org.assertj.core.groups.Tuple.tuple("EF025", "Small"));
    }

    @Test
    void aFileReadWithoutPayloadChecksHasEveryOtherProblem() throws Exception {
        var all = DesignFiles.parse("s.eventflow.yaml", DESIGN).problems();
        var without = DesignFiles.parse("s.eventflow.yaml", DESIGN, CheckScope.WITHOUT_PAYLOAD_SCHEMAS)
                .problems();
        assertThat(without)
                .isEqualTo(all.stream().filter(p -> !p.rule().equals("EF107")).toList());
        assertThat(all).extracting(Problem::rule).contains("EF107");
    }

    private static void assertPartsAddUp(Design d) {
        List<Problem> validation = new ArrayList<>(Validator.validate(d, CheckScope.WITHOUT_PAYLOAD_SCHEMAS));
        validation.addAll(Validator.validate(d, CheckScope.PAYLOAD_SCHEMAS));
        assertThat(validation).containsExactlyInAnyOrderElementsOf(Validator.validate(d));
        List<Problem> lint = new ArrayList<>(Linter.lint(d, CheckScope.WITHOUT_PAYLOAD_SCHEMAS));
        lint.addAll(Linter.lint(d, CheckScope.PAYLOAD_SCHEMAS));
        assertThat(lint).containsExactlyInAnyOrderElementsOf(Linter.lint(d));
    }
}
