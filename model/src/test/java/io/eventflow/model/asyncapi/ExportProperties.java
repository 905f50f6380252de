package io.eventflow.model.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.model.design.Design;
import io.eventflow.model.validate.Severity;
import io.eventflow.model.validate.Validator;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Generated designs: every export validates, and design → 3.0 → design keeps every field. */
class ExportProperties {
    @Property(tries = 100)
    void generatedDesignsHaveNoErrors(@ForAll long seed) {
        Design d = RandomDesigns.design(seed);
        assertThat(Validator.validate(d).stream().filter(p -> p.severity() == Severity.ERROR))
                .as("seed " + seed)
                .isEmpty();
    }

    @Property(tries = 60)
    void exportsOfGeneratedDesignsValidate(@ForAll long seed) {
        Design d = RandomDesigns.design(seed);
        for (AsyncApiVersion v : AsyncApiVersion.values()) {
            ObjectNode doc = AsyncApiExporter.toTree(d, v);
            assertThat(SchemaCheck.errors(doc)).as(v + " of seed " + seed).isEmpty();
            for (var s : d.services()) {
                assertThat(SchemaCheck.errors(AsyncApiExporter.toTree(d, v, s.id())))
                        .as(v + " of " + s.id())
                        .isEmpty();
            }
        }
    }

    @Property(tries = 60)
    void designSurvivesTheRoundTripThroughThreeZero(@ForAll long seed) throws Exception {
        Design d = RandomDesigns.design(seed);
        String yaml = AsyncApiExporter.export(d, AsyncApiVersion.V3_0, AsyncApiExporter.Format.YAML);
        Design back = AsyncApiImporter.importText("rt.yaml", yaml, Path.of("."), AsyncApiImporter.Options.DEFAULT)
                .design();
        assertThat(back).usingRecursiveComparison().isEqualTo(d);
        assertThat(AsyncApiExporter.export(back, AsyncApiVersion.V3_0, AsyncApiExporter.Format.YAML))
                .isEqualTo(yaml);
    }

    @Property(tries = 40)
    void designSurvivesTheRoundTripThroughTwoSix(@ForAll long seed) throws Exception {
        Design d = RandomDesigns.design(seed);
        String yaml = AsyncApiExporter.export(d, AsyncApiVersion.V2_6, AsyncApiExporter.Format.YAML);
        Design back = AsyncApiImporter.importText("rt.yaml", yaml, Path.of("."), AsyncApiImporter.Options.DEFAULT)
                .design();
        assertThat(back).usingRecursiveComparison().isEqualTo(d);
        assertThat(AsyncApiExporter.export(back, AsyncApiVersion.V2_6, AsyncApiExporter.Format.YAML))
                .isEqualTo(yaml);
    }
}
