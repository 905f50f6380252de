package io.eventflow.model.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.TestFiles;
import io.eventflow.model.io.InputException;
import io.eventflow.model.io.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Official examples with one node broken at random: the import either works or fails with problems, never crashes. */
class MutatedInputProperties {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    private static List<Path> examples() throws Exception {
        Path root = TestFiles.shared().resolve("asyncapi/examples");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().matches(".*\\.(yml|yaml)$"))
                    .filter(p ->
                            !p.toString().contains("/common/") && !p.toString().contains("adeo"))
                    .sorted()
                    .toList();
        }
    }

    @Property(tries = 100)
    void brokenDocumentsGiveProblemsNotCrashes(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        List<Path> all = examples();
        Path example = all.get(r.nextInt(all.size()));
        JsonNode doc = SourceTree.read(example).root().deepCopy();
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            mutate(doc, r);
        }
        Path tmp = Files.createTempFile(example.getParent(), ".mutated-", ".json");
        try {
            Files.writeString(tmp, doc.toString());
            try {
                var result = AsyncApiImporter.importFiles(List.of(tmp), AsyncApiImporter.Options.DEFAULT);
                AsyncApiExporter.toTree(result.design(), AsyncApiVersion.V3_0);
                AsyncApiExporter.toTree(result.design(), AsyncApiVersion.V2_6);
            } catch (InputException e) {
                assertThat(e.problems()).isNotEmpty();
                assertThat(e.getMessage()).isNotBlank();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Property(tries = 100)
    void brokenExportsOfGeneratedDesignsGiveProblemsNotCrashes(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        AsyncApiVersion v = r.nextBoolean() ? AsyncApiVersion.V3_0 : AsyncApiVersion.V2_6;
        JsonNode doc = AsyncApiExporter.toTree(RandomDesigns.design(seed), v);
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            mutate(doc, r);
        }
        try {
            var result = AsyncApiImporter.importText(
                    "mutated.json", doc.toString(), Path.of("."), AsyncApiImporter.Options.DEFAULT);
            AsyncApiExporter.toTree(result.design(), AsyncApiVersion.V3_0);
            AsyncApiExporter.toTree(result.design(), AsyncApiVersion.V2_6);
        } catch (InputException e) {
            assertThat(e.problems()).isNotEmpty();
        }
    }

    private static void mutate(JsonNode root, Random r) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        JsonNode replacement =
                switch (r.nextInt(5)) {
                    case 0 -> NF.textNode("oops");
                    case 1 -> NF.numberNode(42);
                    case 2 -> NF.arrayNode().add(1);
                    case 3 -> NF.nullNode();
                    default -> NF.objectNode().put("$ref", "#/nowhere");
                };
        if (target instanceof ObjectNode o && !o.isEmpty()) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            String k = keys.get(r.nextInt(keys.size()));
            if (r.nextInt(4) == 0) {
                o.remove(k);
            } else {
                o.set(k, replacement);
            }
        } else if (target instanceof ArrayNode a && !a.isEmpty()) {
            a.set(r.nextInt(a.size()), replacement);
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(c -> collect(c, out));
        }
    }
}
