package io.eventflow.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.model.TestFiles;
import io.eventflow.model.validate.Linter;
import io.eventflow.model.validate.RuleInfo;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/design-format.md keeps up with the schema and the lint rules. */
class DesignFormatDocTest {
    @Test
    void everyKeyOfTheSchemaIsDocumented() throws Exception {
        String doc = Files.readString(TestFiles.repo().resolve("docs/design-format.md"));
        JsonNode schema = new ObjectMapper()
                .readTree(TestFiles.repo().resolve("docs/design.schema.json").toFile());
        Set<String> keys = new TreeSet<>();
        collectKeys(schema, keys);
        assertThat(keys).hasSizeGreaterThan(60);
        assertThat(keys).allSatisfy(k -> assertThat(doc).as("key " + k).contains("`" + k + "`"));
    }

    @Test
    void everyLintRuleIsInTheTable() throws Exception {
        String doc = Files.readString(TestFiles.repo().resolve("docs/design-format.md"));
        for (RuleInfo rule : Linter.rules()) {
            // Titles are plain text in Java and may have `code` in the docs.
            assertThat(doc.replace("`", ""))
                    .contains("| " + rule.id() + " | " + rule.defaultSeverity().key() + " | " + rule.title());
        }
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null && props.isObject()) {
                props.fieldNames().forEachRemaining(keys::add);
            }
            node.elements().forEachRemaining(child -> collectKeys(child, keys));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectKeys(child, keys));
        }
    }
}
