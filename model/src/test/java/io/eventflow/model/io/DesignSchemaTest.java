package io.eventflow.model.io;

import static io.eventflow.model.Designs.CLEAN;
import static io.eventflow.model.Designs.edit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.eventflow.model.TestFiles;
import io.eventflow.model.design.Design;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/design.schema.json accepts every sample and what the writer writes, and rejects broken designs. */
class DesignSchemaTest {
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        JsonNode node = new ObjectMapper()
                .readTree(TestFiles.repo().resolve("docs/design.schema.json").toFile());
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node, config);
    }

    private static Set<ValidationMessage> check(JsonNode design) {
        return schema.validate(design);
    }

    private static Set<ValidationMessage> check(String yaml) throws InputException {
        return check(SourceTree.parse("t.eventflow.yaml", yaml).root());
    }

    static Stream<Path> samples() throws Exception {
        return TestFiles.sampleDesigns().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleMatchesTheSchema(Path sample) throws Exception {
        assertThat(check(SourceTree.read(sample).root())).as(sample.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void whatTheWriterWritesMatchesTheSchema(Path sample) throws Exception {
        Design design = DesignFiles.open(sample);
        assertThat(check(DesignWriter.toTree(design))).isEmpty();
    }

    @Test
    void aDesignUsingEveryKeyMatches() throws Exception {
        assertThat(check(ExtensionsRoundTripTest.DESIGN)).isEmpty();
        assertThat(check(CLEAN)).isEmpty();
        Design design = DesignFiles.parse("t", ExtensionsRoundTripTest.DESIGN).design();
        assertThat(check(DesignWriter.toTree(design))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "partitions: 3}|partitons: 3}",
                "partitions: 3}|partitions: six}",
                "partitions: 3}|partitions: 0}",
                "ttl: 2d,|ttl: forever,",
                "{id: rabbit, kind: amqp}|{id: rabbit, kind: rabbitmq}",
                "rate: 10/s|rate: ten per second",
                "- {channel: b, dedupWindow: 1h}|- {channel: b, delivery: twice}",
                "- {channel: b, dedupWindow: 1h}|- {dedupWindow: 1h}",
                "eventflow: 1|eventflow: 2",
            })
    void brokenDesignsFail(String change) throws Exception {
        String[] fromTo = change.split("\\|");
        Set<ValidationMessage> errors = check(edit(CLEAN, fromTo[0], fromTo[1]));
        assertThat(errors).as(change).isNotEmpty();
    }

    @Test
    void errorsNameThePlace() throws Exception {
        List<String> errors = check(edit(CLEAN, "partitions: 3}", "partitons: 3}")).stream()
                .map(ValidationMessage::getMessage)
                .toList();
        assertThat(errors).anySatisfy(m -> assertThat(m).contains("/channels/0").contains("partitons"));
    }

    @Test
    void aMissingVersionFails() throws Exception {
        assertThat(check("name: x\n")).isNotEmpty();
    }
}
