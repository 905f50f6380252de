package io.eventflow.model.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.eventflow.model.io.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of documents written in the styles of real-world specifications ({@code asyncapi-corpus}): each imports,
 * its 3.0 and 2.6 exports validate against the official schemas, keep its meaning (a semantic diff after resolving
 * references, {@link Semantics}), settle after a second round trip, and every example they carry validates against
 * its own schema.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/asyncapi-corpus");

    /** Top-level documents, and {@code asyncapi.yaml} of each multi-file folder; {@code invalid-*} are apart. */
    static Stream<Path> documents() throws Exception {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("invalid-")) {
                    continue;
                }
                if (Files.isDirectory(p) && Files.exists(p.resolve("asyncapi.yaml"))) {
                    out.add(p.resolve("asyncapi.yaml"));
                } else if (n.endsWith(".yaml") || n.endsWith(".json")) {
                    out.add(p);
                }
            }
        }
        return out.stream();
    }

    private static AsyncApiImporter.Result importOne(Path p) throws Exception {
        return AsyncApiImporter.importFiles(List.of(p), AsyncApiImporter.Options.DEFAULT);
    }

    private static boolean isV3(JsonNode doc) {
        return doc.path("asyncapi").asText().startsWith("3.");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void originalIsValid(Path doc) throws Exception {
        // only the 2.6.0 and 3.0.0 schemas are kept; 2.6 accepts what 2.0-2.5 documents say
        ObjectNode d = (ObjectNode) SourceTree.read(doc).root();
        if (d.path("asyncapi").asText().startsWith("2.")) {
            d.put("asyncapi", "2.6.0");
        }
        assertThat(SchemaCheck.errors(d))
                .as("the corpus document itself must be valid")
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void exportsValidateAndKeepTheMeaning(Path doc, @TempDir Path tmp) throws Exception {
        JsonNode original = SourceTree.read(doc).root();
        AsyncApiImporter.Result r = importOne(doc);
        assertThat(io.eventflow.model.validate.Validator.validate(r.design()))
                .as("what the import accepts validates (so it exports and simulates)")
                .noneMatch(io.eventflow.model.validate.Problem::isError);
        assertThat(r.warnings()).as("a valid document gets no schema warnings").noneMatch(p -> p.message()
                .contains("official JSON Schema"));
        assertThat(r.warnings().stream().map(io.eventflow.model.validate.Problem::format))
                .as("each problem once")
                .doesNotHaveDuplicates();
        ObjectNode v3 = AsyncApiExporter.toTree(r.design(), AsyncApiVersion.V3_0);
        ObjectNode v2 = AsyncApiExporter.toTree(r.design(), AsyncApiVersion.V2_6);
        assertThat(SchemaCheck.errors(v3)).as("schema errors of the 3.0 export").isEmpty();
        assertThat(SchemaCheck.errors(v2)).as("schema errors of the 2.6 export").isEmpty();
        ObjectNode expected = Semantics.of(original, doc.getParent());
        // the export of the original's version keeps its meaning
        ObjectNode same = isV3(original) ? v3 : v2;
        assertThat(Semantics.diff(expected, Semantics.of(same, doc.getParent())))
                .as("meaning of the export in the original's version")
                .isEmpty();
        // ... and so does going through the other version and back
        ObjectNode other = isV3(original) ? v2 : v3;
        Path otherFile = tmp.resolve("other.yaml");
        Files.writeString(otherFile, AsyncApiExporter.write(other, AsyncApiExporter.Format.YAML));
        AsyncApiImporter.Result back = importOne(otherFile);
        ObjectNode again =
                AsyncApiExporter.toTree(back.design(), isV3(original) ? AsyncApiVersion.V3_0 : AsyncApiVersion.V2_6);
        assertThat(Semantics.diff(expected, Semantics.of(again, doc.getParent())))
                .as("meaning after a round trip through the other version")
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void aSecondRoundTripIsAFixedPoint(Path doc, @TempDir Path tmp) throws Exception {
        AsyncApiImporter.Result r = importOne(doc);
        for (AsyncApiVersion version : AsyncApiVersion.values()) {
            String first = AsyncApiExporter.export(r.design(), version, AsyncApiExporter.Format.YAML);
            Path f = tmp.resolve("first-" + version + ".yaml");
            Files.writeString(f, first);
            String second = AsyncApiExporter.export(importOne(f).design(), version, AsyncApiExporter.Format.YAML);
            assertThat(second)
                    .as("export of the re-imported " + version + " export")
                    .isEqualTo(first);
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyExampleOfTheExportsValidatesAgainstItsSchema(Path doc) throws Exception {
        AsyncApiImporter.Result r = importOne(doc);
        for (AsyncApiVersion version : AsyncApiVersion.values()) {
            ObjectNode out = AsyncApiExporter.toTree(r.design(), version);
            JsonNode resolved = Semantics.resolve(out, out, doc.getParent(), new ArrayList<>(), new HashMap<>());
            List<String> errors = new ArrayList<>();
            resolved.path("components").path("messages").fields().forEachRemaining(e -> {
                JsonNode m = e.getValue();
                JsonNode payload = m.path("payload");
                if (payload.has("schema") && payload.has("schemaFormat")) {
                    payload = payload.get("schema");
                }
                int i = 0;
                for (JsonNode ex : m.path("examples")) {
                    check(
                            errors,
                            version + " " + e.getKey() + " example " + i + " payload",
                            payload,
                            ex.get("payload"));
                    check(
                            errors,
                            version + " " + e.getKey() + " example " + i + " headers",
                            m.path("headers"),
                            ex.get("headers"));
                    i++;
                }
            });
            assertThat(errors).as("examples that break their own schema").isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void anInvalidDocumentImportsWithWarningsNamingWhatIsInvalid() throws Exception {
        io.eventflow.model.TestFiles.shared(); // the official schemas come from ../shared (the build sets the folder)
        Path doc = CORPUS.resolve("invalid-missing-version-2.6.yaml");
        List<String> warnings = importOne(doc).warnings().stream()
                .map(io.eventflow.model.validate.Problem::format)
                .toList();
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w)
                        .contains("invalid-missing-version-2.6.yaml:2:")
                        .contains("/info")
                        .contains("version"))
                .anySatisfy(w ->
                        assertThat(w).contains("/channels/inventory~1changed").contains("unknownField"));
        assertThat(warnings).doesNotHaveDuplicates();
    }

    @org.junit.jupiter.api.Test
    void withoutTheOfficialSchemasTheImportSaysOnceThatNothingWasChecked() throws Exception {
        String saved = System.getProperty("eventflow.asyncapi.schemas");
        System.setProperty("eventflow.asyncapi.schemas", "target/no-such-schema-folder");
        try {
            List<String> warnings = importOne(CORPUS.resolve("invalid-missing-version-2.6.yaml")).warnings().stream()
                    .map(io.eventflow.model.validate.Problem::format)
                    .toList();
            assertThat(warnings.stream()
                            .filter(w -> w.contains("not checked against the official AsyncAPI JSON Schema")))
                    .hasSize(1);
            assertThat(warnings).noneMatch(w -> w.contains("not valid AsyncAPI"));
        } finally {
            if (saved == null) {
                System.clearProperty("eventflow.asyncapi.schemas");
            } else {
                System.setProperty("eventflow.asyncapi.schemas", saved);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aBrokenReferenceUsedInManyPlacesIsReportedOnce(@TempDir Path tmp) throws Exception {
        Path doc = tmp.resolve("many.yaml");
        StringBuilder sb = new StringBuilder(
                """
                asyncapi: 3.0.0
                info: {title: Many, version: '1'}
                channels:
                  a:
                    address: a
                    messages:
                """);
        for (int i = 0; i < 12; i++) {
            sb.append("      m").append(i).append(": {payload: {$ref: '#/components/schemas/Shared'}}\n");
        }
        sb.append(
                """
                components:
                  schemas:
                    Shared:
                      type: object
                      properties:
                        broken: {$ref: '#/components/schemas/Missing'}
                """);
        Files.writeString(doc, sb.toString());
        try {
            importOne(doc);
            org.assertj.core.api.Assertions.fail("a dangling reference must fail the import");
        } catch (io.eventflow.model.io.InputException e) {
            List<String> lines = e.problems().stream()
                    .map(io.eventflow.model.validate.Problem::format)
                    .filter(l -> l.contains("Missing"))
                    .toList();
            assertThat(lines).hasSize(1);
        }
    }

    @org.junit.jupiter.api.Test
    void theHtmlPageShowsOperationSummariesAndTellsChannelsOfOneAddressApart() throws Exception {
        String ws = io.eventflow.model.doc.HtmlDocWriter.write(
                importOne(CORPUS.resolve("ws-trading-3.yaml")).design());
        assertThat(ws)
                .contains("<strong>Log in</strong>")
                .contains("The client sends its credentials once the connection is open.")
                .contains("<strong>Login result</strong>")
                .contains("The server answers a login with a session or an error.")
                .contains("<strong>Heartbeat every 30 seconds</strong>");
        String prices = io.eventflow.model.doc.HtmlDocWriter.write(
                importOne(CORPUS.resolve("shared-address-3.yaml")).design());
        assertThat(prices)
                .contains(">prices/updates (Price updates (EU))</a>")
                .contains(">prices/updates (Price updates (US))</a>")
                .contains("Published by the EU pricing engine in euros.")
                .contains("Published by the US pricing engine in dollars.");
    }

    /** Documents merged on one address add messages to the channel; an operation keeps the list its document gave. */
    @org.junit.jupiter.api.Test
    void anOperationKeepsItsMessagesWhenAnotherDocumentAddsMessagesToItsChannel(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a.yaml");
        Path b = tmp.resolve("b.yaml");
        String doc =
                """
                asyncapi: 3.0.0
                info: {title: %s, version: '1'}
                channels:
                  chat:
                    address: chat
                    messages:
                      %s: {payload: {type: object, properties: {text: {type: string}}}}
                operations:
                  op:
                    action: %s
                    channel: {$ref: '#/channels/chat'}
                    messages: [{$ref: '#/channels/chat/messages/%s'}]
                """;
        Files.writeString(a, doc.formatted("Reader", "said", "receive", "said"));
        Files.writeString(b, doc.formatted("Writer", "say", "send", "say"));
        AsyncApiImporter.Result r = AsyncApiImporter.importFiles(List.of(a, b), AsyncApiImporter.Options.DEFAULT);
        assertThat(r.design().channels()).hasSize(1);
        assertThat(r.design().channels().get(0).messages()).containsExactly("said", "say");
        ObjectNode v3 = AsyncApiExporter.toTree(r.design(), AsyncApiVersion.V3_0);
        List<String> received = new ArrayList<>();
        v3.path("operations").forEach(op -> {
            if (op.path("action").asText().equals("receive")) {
                op.path("messages").forEach(m -> received.add(m.path("$ref").asText()));
            }
        });
        assertThat(received).containsExactly("#/channels/chat/messages/said");
    }

    /** A YAML 1.1 reader (SnakeYAML's default resolver, as js-yaml's default schema) reads the same document. */
    @ParameterizedTest
    @MethodSource("documents")
    void yaml11ReadersReadTheExportsAsWritten(Path doc) throws Exception {
        AsyncApiImporter.Result r = importOne(doc);
        for (AsyncApiVersion version : AsyncApiVersion.values()) {
            ObjectNode tree = AsyncApiExporter.toTree(r.design(), version);
            String text = AsyncApiExporter.write(tree, AsyncApiExporter.Format.YAML);
            Object read = new org.yaml.snakeyaml.Yaml().load(text);
            JsonNode back = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(read);
            assertThat(Semantics.diff(tree, back))
                    .as(version + " export read by a YAML 1.1 reader")
                    .isEmpty();
        }
    }

    private static void check(List<String> errors, String what, JsonNode schema, JsonNode value) {
        if (value == null || !schema.isObject() || schema.isEmpty()) {
            return;
        }
        var s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        s.validate(value).forEach(m -> errors.add(what + ": " + m.getMessage()));
    }

    static Map<String, Object> unused() {
        return Map.of();
    }
}
