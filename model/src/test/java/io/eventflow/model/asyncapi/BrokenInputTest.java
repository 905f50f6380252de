package io.eventflow.model.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken documents give clear problems with file, line, column and pointer, and no design. */
class BrokenInputTest {
    @TempDir
    Path dir;

    private Problem firstProblem(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        try {
            AsyncApiImporter.importFiles(List.of(f), AsyncApiImporter.Options.DEFAULT);
        } catch (InputException e) {
            assertThat(e.problems()).isNotEmpty();
            return e.problems().get(0);
        }
        throw new AssertionError("imported without error: " + name);
    }

    @Test
    void badYamlNamesLineAndColumn() throws Exception {
        Problem p = firstProblem("bad.yaml", "asyncapi: 3.0.0\ninfo:\n  title: [unclosed\n  version: 1\n");
        assertThat(p.message()).startsWith("not valid YAML");
        assertThat(p.line()).isGreaterThanOrEqualTo(3);
        assertThat(p.column()).isPositive();
    }

    @Test
    void unsupportedVersionIsRefusedAtTheVersionLine() throws Exception {
        Problem p = firstProblem("old.yaml", "asyncapi: 1.2.0\ninfo: {title: x, version: '1'}\n");
        assertThat(p.message()).contains("'1.2.0' is not supported");
        assertThat(p.hint()).contains("2.0 to 2.6 and 3.0");
        assertThat(p.pointer()).isEqualTo("/asyncapi");
        assertThat(p.line()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotAsyncApiIsRefused() throws Exception {
        Problem p = firstProblem("other.yaml", "openapi: 3.1.0\ninfo: {title: x, version: '1'}\n");
        assertThat(p.message()).contains("'asyncapi' (the version) is missing");
    }

    @Test
    void danglingReferenceNamesTheReferenceAndWhereItIs() throws Exception {
        Problem p = firstProblem(
                "dangling.yaml",
                """
                asyncapi: 3.0.0
                info: {title: x, version: '1'}
                channels:
                  a:
                    address: a
                    messages:
                      m:
                        $ref: '#/components/messages/nope'
                """);
        assertThat(p.message()).contains("dangling $ref '#/components/messages/nope'");
        assertThat(p.pointer()).isEqualTo("/channels/a/messages/m");
        assertThat(p.line()).isEqualTo(7);
    }

    @Test
    void missingReferencedFileIsNamed() throws Exception {
        Problem p = firstProblem(
                "missing.yaml",
                """
                asyncapi: 3.0.0
                info: {title: x, version: '1'}
                components:
                  messages:
                    m:
                      $ref: './nowhere.yaml#/m'
                """);
        assertThat(p.message()).contains("./nowhere.yaml#/m").contains("cannot be read");
    }

    @Test
    void cyclicReferenceChainIsReportedNotLooped() throws Exception {
        Problem p = firstProblem(
                "cycle.yaml",
                """
                asyncapi: 3.0.0
                info: {title: x, version: '1'}
                components:
                  messages:
                    a: {$ref: '#/components/messages/b'}
                    b: {$ref: '#/components/messages/a'}
                """);
        assertThat(p.message()).contains("cyclic $ref chain");
    }

    @Test
    void recursiveSchemasImportAndExportValidly() throws Exception {
        Path f = dir.resolve("tree.yaml");
        Files.writeString(
                f,
                """
                asyncapi: 3.0.0
                info: {title: Tree, version: '1'}
                channels:
                  nodes:
                    address: nodes
                    messages:
                      node: {$ref: '#/components/messages/node'}
                components:
                  messages:
                    node:
                      payload: {$ref: '#/components/schemas/Node'}
                  schemas:
                    Node:
                      type: object
                      properties:
                        children:
                          type: array
                          items: {$ref: '#/components/schemas/Node'}
                """);
        var r = AsyncApiImporter.importFiles(List.of(f), AsyncApiImporter.Options.DEFAULT);
        var doc = AsyncApiExporter.toTree(r.design(), AsyncApiVersion.V3_0);
        assertThat(SchemaCheck.errors(doc)).isEmpty();
        assertThat(doc.at("/components/schemas/Node/properties/children/items/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Node");
    }

    @Test
    void hugeFileIsRefusedBeforeParsing() throws Exception {
        Path f = dir.resolve("huge.yaml");
        StringBuilder sb = new StringBuilder("asyncapi: 3.0.0\ninfo: {title: x, version: '1'}\nx-pad: '");
        sb.append("a".repeat(17 * 1024 * 1024)).append("'\n");
        Files.writeString(f, sb);
        Problem p = firstProblem("huge.yaml", Files.readString(f));
        assertThat(p.message()).contains("larger than 16 MB");
    }

    @Test
    void anOperationOnAnUnknownChannelIsAnError() throws Exception {
        Problem p = firstProblem(
                "op.yaml",
                """
                asyncapi: 3.0.0
                info: {title: x, version: '1'}
                operations:
                  send:
                    action: send
                    channel: {$ref: '#/channels/none'}
                """);
        assertThat(p.message()).contains("channel '#/channels/none'").doesNotContain("null");
        assertThat(p.line()).isEqualTo(6);
    }
}
