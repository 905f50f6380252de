package io.eventflow.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.eventflow.model.io.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/scenario.schema.json accepts the sample scenarios and rejects broken ones. */
class ScenarioSchemaTest {
    static final Path REPO = Path.of(System.getProperty("eventflow.repo", ".."));

    static JsonSchema schema() throws Exception {
        JsonNode node = new ObjectMapper()
                .readTree(REPO.resolve("docs/scenario.schema.json").toFile());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    }

    @Test
    void samplesMatchAndBrokenOnesDoNot() throws Exception {
        JsonSchema schema = schema();
        List<Path> samples;
        try (Stream<Path> s = Files.list(REPO.resolve("assets/samples"))) {
            samples = s.filter(p -> p.toString().endsWith(ScenarioReader.EXTENSION))
                    .toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(2);
        for (Path p : samples) {
            assertThat(schema.validate(SourceTree.read(p).root()))
                    .as(p.toString())
                    .isEmpty();
        }
        String broken = "eventflow-scenario: 1\nfaults: [{at: 1s, kind: drop, link: [a], percent: 200}]\n";
        assertThat(schema.validate(SourceTree.parse("b", broken).root())).isNotEmpty();
    }
}
