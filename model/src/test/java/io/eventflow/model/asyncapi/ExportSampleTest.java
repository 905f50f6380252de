package io.eventflow.model.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.TestFiles;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.SourceTree;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExportSampleTest {
    static Stream<Path> samples() throws Exception {
        return TestFiles.sampleDesigns().stream();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> samplesAndVersions() throws Exception {
        return samples().flatMap(p -> Stream.of(AsyncApiVersion.values())
                .map(v -> org.junit.jupiter.params.provider.Arguments.of(p, v)));
    }

    @ParameterizedTest
    @MethodSource("samplesAndVersions")
    void wholeSystemExportValidates(Path sample, AsyncApiVersion version) throws Exception {
        Design d = DesignFiles.open(sample);
        ObjectNode doc = AsyncApiExporter.toTree(d, version);
        assertThat(SchemaCheck.errors(doc)).as(sample + " as " + version).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samplesAndVersions")
    void perServiceExportsValidate(Path sample, AsyncApiVersion version) throws Exception {
        Design d = DesignFiles.open(sample);
        Map<String, String> files = AsyncApiExporter.exportPerService(d, version, AsyncApiExporter.Format.YAML);
        assertThat(files).hasSize(d.services().size());
        for (Map.Entry<String, String> f : files.entrySet()) {
            JsonNode doc = SourceTree.parse(f.getKey(), f.getValue()).root();
            assertThat(SchemaCheck.errors(doc)).as(f.getKey()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("samplesAndVersions")
    void outputIsStableAndYamlAndJsonAgree(Path sample, AsyncApiVersion version) throws Exception {
        Design d = DesignFiles.open(sample);
        String yaml = AsyncApiExporter.export(d, version, AsyncApiExporter.Format.YAML);
        assertThat(AsyncApiExporter.export(DesignFiles.open(sample), version, AsyncApiExporter.Format.YAML))
                .isEqualTo(yaml);
        String json = AsyncApiExporter.export(d, version, AsyncApiExporter.Format.JSON);
        JsonNode fromYaml = SourceTree.parse("y", yaml).root();
        JsonNode fromJson = SourceTree.parse("j", json).root();
        assertThat(AsyncApiExporter.write((ObjectNode) fromYaml, AsyncApiExporter.Format.JSON))
                .isEqualTo(json)
                .isEqualTo(AsyncApiExporter.write((ObjectNode) fromJson, AsyncApiExporter.Format.JSON));
    }

    @ParameterizedTest
    @MethodSource("samplesAndVersions")
    void sampleSurvivesExportAndImport(Path sample, AsyncApiVersion version) throws Exception {
        Design d = DesignFiles.open(sample);
        String text = AsyncApiExporter.export(d, version, AsyncApiExporter.Format.YAML);
        Design back = AsyncApiImporter.importText(
                        "export.yaml", text, sample.getParent(), AsyncApiImporter.Options.DEFAULT)
                .design();
        assertThat(back).usingRecursiveComparison().isEqualTo(d);
        assertThat(AsyncApiExporter.export(back, version, AsyncApiExporter.Format.YAML))
                .isEqualTo(text);
    }
}
