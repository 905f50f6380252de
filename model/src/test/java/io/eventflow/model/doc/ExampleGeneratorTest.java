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
