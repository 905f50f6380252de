package io.eventflow.model.doc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.eventflow.model.TestFiles;
import io.eventflow.model.asyncapi.AsyncApiImporter;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExampleGeneratorTest {
    private static JsonNode yaml(String text) throws Exception {
        return SourceTree.parse("schema", text).root();
    }

    @Test
    void usesGivenValuesOnlyWhenTheyFitTheType() throws Exception {
        JsonNode s = yaml(
                """
                type: object
                properties:
                  flag: {type: boolean, default: 'false'}
                  state: {type: string, enum: ['on', 'off']}
                  id: {type: string, pattern: '^[a-z0-9-]+$'}
                  count: {type: integer, minimum: 5}
                  when: {type: string, format: date-time}
                  tags: {type: array, items: {type: string, examples: [red]}}
                """);
        JsonNode ex = ExampleGenerator.generate(s);
        assertThat(ex.get("flag").isBoolean()).isTrue();
        assertThat(ex.get("state").asText()).isEqualTo("on");
        assertThat(ex.get("id").asText()).matches("^[a-z0-9-]+$");
        assertThat(ex.get("count").asInt()).isEqualTo(5);
        assertThat(ex.get("when").asText()).isEqualTo("2024-01-01T12:00:00Z");
        assertThat(ex.get("tags").get(0).asText()).isEqualTo("red");
        assertThat(ExampleGenerator.generate(s)).isEqualTo(ex);
    }

    @Test
    void examplesSatisfyCountsPatternsFormatsAndLengthsAndIgnoreGivenValuesThatBreakTheSchema() throws Exception {
        JsonNode s = yaml(
                """
                type: object
                properties:
                  user: {type: string, pattern: '^[a-z][a-z0-9_]{2,15}$', example: NOT A VALID USER}
                  scopes:
                    type: array
                    minItems: 2
                    uniqueItems: true
                    items: {type: string, enum: [read, trade, withdraw]}
                  sizes: {type: array, minItems: 3, uniqueItems: true, items: {type: integer, minimum: 10}}
                  reason: {type: string, maxLength: 12, default: this default is far too long for the schema}
                  currency: {type: string, minLength: 3, maxLength: 3, default: euro}
                  code: {type: string, pattern: '^[A-Z]{3}/[A-Z]{3}$'}
                  serial: {type: string, pattern: '^T[0-9]{9}$', minLength: 10}
                  at: {type: string, format: date-time, example: not a date}
                """);
        JsonNode ex = ExampleGenerator.example(s).orElseThrow();
        // user: the schema's own example breaks its pattern, so a matching word is made ("user" matches)
        assertThat(ex.get("user").asText()).isEqualTo("user");
        // 2 distinct items from the enum, in order
        assertThat(ex.get("scopes").toString()).isEqualTo("[\"read\",\"trade\"]");
        // 3 distinct integers from the minimum: 10, 11, 12
        assertThat(ex.get("sizes").toString()).isEqualTo("[10,11,12]");
        assertThat(ex.get("reason").asText()).hasSizeLessThanOrEqualTo(12);
        assertThat(ex.get("currency").asText()).hasSize(3);
        assertThat(ex.get("code").asText()).isEqualTo("AAA/AAA");
        assertThat(ex.get("serial").asText()).matches("^T[0-9]{9}$");
        assertThat(ex.get("at").asText()).isEqualTo("2024-01-01T12:00:00Z");
        assertThat(ExampleGenerator.valid(s, ex)).isTrue();
    }

    @Test
    void noExampleWhereNoValidValueCanBeMade() throws Exception {
        assertThat(ExampleGenerator.example(yaml("{type: string, minLength: 5, maxLength: 2}")))
                .isEmpty();
        assertThat(ExampleGenerator.example(yaml("{type: object, properties: {n: {$ref: '#/components/schemas/N'}}}")))
                .isEmpty();
        assertThat(ExampleGenerator.example(yaml("{type: integer, minimum: 3}")).map(JsonNode::asInt))
                .contains(3);
    }

    @Test
    void recursiveOrUnknownSchemasDoNotHang() throws Exception {
        JsonNode s = yaml("{type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}");
        assertThat(ExampleGenerator.generate(s).get("next").isNull()).isTrue();
        assertThat(ExampleGenerator.generate(null).isNull()).isTrue();
    }

    /** Every JSON Schema payload of the samples and official examples (without oneOf) gets a valid example. */
    @Test
    void generatedExamplesValidateAgainstTheirSchemas() throws Exception {
        List<MessageType> messages = new ArrayList<>();
        for (Path p : TestFiles.sampleDesigns()) {
            messages.addAll(DesignFiles.open(p).messages());
        }
        Path examples = TestFiles.shared().resolve("asyncapi/examples");
        try (Stream<Path> s = Files.walk(examples)) {
            for (Path p : s.filter(x -> x.toString().matches(".*\\.(yml|yaml)$"))
                    .filter(x ->
                            !x.toString().contains("/common/") && !x.toString().contains("adeo"))
                    .sorted()
                    .toList()) {
                Design d = AsyncApiImporter.importFiles(List.of(p), AsyncApiImporter.Options.DEFAULT)
                        .design();
                messages.addAll(d.messages());
            }
        }
        var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        int checked = 0;
        for (MessageType m : messages) {
            JsonNode p = m.payload();
            if (p == null
                    || !p.isObject()
                    || m.schemaFormat() != null && !m.schemaFormat().contains("schema+")
                    || ExampleGenerator.hasOneOf(p)
                    || p.toString().contains("$ref")) {
                continue;
            }
            var errors = factory.getSchema(p).validate(ExampleGenerator.generate(p));
            assertThat(errors).as(m.id() + " " + ExampleGenerator.generate(p)).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }
}
