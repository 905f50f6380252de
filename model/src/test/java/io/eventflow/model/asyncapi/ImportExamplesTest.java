package io.eventflow.model.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.TestFiles;
import io.eventflow.model.io.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every official example imports, exports again, validates and keeps its channels, operations and payloads. */
@SuppressWarnings("unchecked")
class ImportExamplesTest {
    static Stream<Path> examples() throws Exception {
        Path root = TestFiles.shared().resolve("asyncapi/examples");
        try (Stream<Path> s = Files.walk(root)) {
            return s
                    .filter(p -> p.toString().matches(".*\\.(yml|yaml)$"))
                    .filter(p -> !p.toString().contains("/common/"))
                    .filter(p -> !p.getFileName().toString().startsWith("adeo-"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static java.util.List<String> operationIds(JsonNode doc) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        doc.path("channels").forEach(c -> {
            for (String slot : java.util.List.of("publish", "subscribe")) {
                if (c.path(slot).has("operationId")) {
                    ids.add(c.path(slot).get("operationId").asText());
                }
            }
        });
        return ids;
    }

    /** Same channels, operations and payloads; every original component message is still there. */
    static void sameStructure(Map<String, Object> actual, Map<String, Object> expected) {
        assertThat(actual.get("channels")).isEqualTo(expected.get("channels"));
        assertThat(actual.get("operations")).isEqualTo(expected.get("operations"));
        assertThat(actual.get("payloads")).isEqualTo(expected.get("payloads"));
        assertThat((java.util.Set<Object>) actual.get("messages"))
                .containsAll((java.util.Set<Object>) expected.get("messages"));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void importsAndReexportsAsThreeZero(Path example) throws Exception {
        AsyncApiImporter.Result r = AsyncApiImporter.importFiles(List.of(example), AsyncApiImporter.Options.DEFAULT);
        assertThat(io.eventflow.model.validate.Validator.validate(r.design()))
                .as("validation errors of the imported design")
                .isEmpty();
        ObjectNode out = AsyncApiExporter.toTree(r.design(), AsyncApiVersion.V3_0);
        assertThat(SchemaCheck.errors(out)).as("schema errors of the re-export").isEmpty();
        JsonNode original = SourceTree.read(example).root();
        JsonNode a = Structure.resolve(original, example.getParent());
        JsonNode b = Structure.resolve(out, example.getParent());
        if (original.path("asyncapi").asText().startsWith("3.")) {
            sameStructure(Structure.of3(b), Structure.of3(a));
        } else {
            JsonNode again =
                    Structure.resolve(AsyncApiExporter.toTree(r.design(), AsyncApiVersion.V2_6), example.getParent());
            sameStructure(Structure.of2(again, false), Structure.of2(a, false));
            Structure.of2(a).get("operations").toString();
            assertThat(operationIds(again)).containsAll(operationIds(a));
            assertThat(SchemaCheck.errors(AsyncApiExporter.toTree(r.design(), AsyncApiVersion.V2_6)))
                    .as("schema errors of the 2.6 re-export")
                    .isEmpty();
        }
    }
}
