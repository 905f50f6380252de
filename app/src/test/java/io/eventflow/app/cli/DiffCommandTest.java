package io.eventflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    private static final Path REPO =
            Path.of(System.getProperty("eventflow.repo", "..")).toAbsolutePath();
    private static final Path SAMPLE = REPO.resolve("assets/samples/order-pipeline.eventflow.yaml");

    @Test
    void aDesignAgainstItselfExitsZeroWithNoChange() {
        CliRunner r = CliRunner.run("diff", SAMPLE.toString(), SAMPLE.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("0 change(s), 0 breaking");
    }

    @Test
    void aBreakingChangeExitsOneUnlessAllowed(@TempDir Path tmp) throws Exception {
        String text = Files.readString(SAMPLE);
        Path neu = tmp.resolve("new.eventflow.yaml");
        // Make 'currency' required in OrderPlaced: old data may lack it, which breaks the default BACKWARD mode.
        Files.writeString(
                neu,
                text.replace(
                        "required: [orderId, customerId, total]", "required: [orderId, customerId, total, currency]"));
        String id = "schema-required-added:OrderPlaced:/properties/currency";
        CliRunner r = CliRunner.run("diff", SAMPLE.toString(), neu.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("BREAKING " + id).contains("producers: breaking, consumers: non-breaking");

        CliRunner allowed = CliRunner.run("diff", "--allow", id, SAMPLE.toString(), neu.toString());
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out()).contains("allowed  " + id);
        assertThat(allowed.err()).contains("1 breaking (1 allowed)");

        CliRunner json = CliRunner.run("diff", "--format", "json", SAMPLE.toString(), neu.toString());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("breaking").asInt()).isEqualTo(1);
        assertThat(root.get("notAllowed").asInt()).isEqualTo(1);
        JsonNode c = root.get("changes").get(0);
        assertThat(c.fieldNames())
                .toIterable()
                .contains("id", "kind", "element", "summary", "producers", "consumers", "breaking", "allowed", "mode");
        assertThat(c.get("id").asText()).isEqualTo(id);
        assertThat(c.get("mode").asText()).isEqualTo("BACKWARD");

        // Under FORWARD the same change is allowed by the mode itself.
        Path forward = tmp.resolve("forward.eventflow.yaml");
        Files.writeString(
                forward,
                Files.readString(neu)
                        .replace("  - id: OrderPlaced\n", "  - id: OrderPlaced\n    compatibility: FORWARD\n"));
        CliRunner f = CliRunner.run("diff", SAMPLE.toString(), forward.toString());
        assertThat(f.code()).as(f.out()).isZero();
    }

    @Test
    void badInputExitsTwoNamingFileAndLine(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.eventflow.yaml");
        Files.writeString(bad, "eventflow: 1\nchannels:\n  - {id: c, partitions: many}\n");
        CliRunner r = CliRunner.run("diff", SAMPLE.toString(), bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.eventflow.yaml:3:");
        CliRunner missing = CliRunner.run(
                "diff", SAMPLE.toString(), tmp.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
        CliRunner one = CliRunner.run("diff", SAMPLE.toString());
        assertThat(one.code()).isEqualTo(2);
    }

    @Test
    void asyncApiDocumentsAreImportedFirst(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("orders.asyncapi.yaml");
        assertThat(CliRunner.run("export", SAMPLE.toString(), "--format", "asyncapi-3.0", "-o", spec.toString())
                        .code())
                .isZero();
        CliRunner same = CliRunner.run("diff", spec.toString(), spec.toString());
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.out()).isEmpty();
        CliRunner design = CliRunner.run("diff", SAMPLE.toString(), spec.toString());
        assertThat(design.code()).as(design.err()).isIn(0, 1);
    }
}
