package io.eventflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.model.io.DesignFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintExportImportCommandTest {
    private static final Path REPO =
            Path.of(System.getProperty("eventflow.repo", "..")).toAbsolutePath();
    private static final Path SAMPLE = REPO.resolve("assets/samples/order-pipeline.eventflow.yaml");

    @Test
    void lintJsonIsOneArrayOfFindingsWithTheContractFields() throws Exception {
        CliRunner r = CliRunner.run("lint", "--format", "json", SAMPLE.toString());
        assertThat(r.code()).isZero();
        JsonNode findings = new ObjectMapper().readTree(r.out());
        assertThat(findings.isArray()).isTrue();
        assertThat(findings).isNotEmpty();
        for (JsonNode f : findings) {
            assertThat(f.fieldNames())
                    .toIterable()
                    .contains("rule", "severity", "element", "message", "file", "line", "column");
            assertThat(f.get("line").asInt()).isPositive();
        }
    }

    @Test
    void lintExitsOneOnErrorsAndZeroOnWarningsAlone(@TempDir Path tmp) throws Exception {
        Path warn = tmp.resolve("warn.eventflow.yaml");
        Files.writeString(
                warn,
                """
                eventflow: 1
                brokers: [{id: k, kind: kafka}]
                messages: [{id: M}]
                channels: [{id: c, broker: k, address: c.v1, messages: [M]}]
                """);
        CliRunner w = CliRunner.run("lint", warn.toString());
        assertThat(w.code()).isZero();
        assertThat(w.out()).contains("warning EF002").contains("warning EF006").contains("warning EF007");

        Path err = tmp.resolve("err.eventflow.yaml");
        Files.writeString(err, Files.readString(warn) + "lint: {rules: {EF002: error}}\n");
        CliRunner e = CliRunner.run("lint", err.toString());
        assertThat(e.code()).isEqualTo(1);
        assertThat(e.out()).contains("error EF002");
    }

    @Test
    void lintListsItsRules() {
        CliRunner r = CliRunner.run("lint", "--list-rules");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("EF001").contains("EF013");
    }

    @Test
    void exportsAsyncApiToStdoutAndPerService(@TempDir Path tmp) throws Exception {
        CliRunner v3 = CliRunner.run("export", SAMPLE.toString(), "--format", "asyncapi-3.0");
        assertThat(v3.code()).isZero();
        assertThat(v3.out()).startsWith("asyncapi: 3.0.0");
        CliRunner v2 = CliRunner.run("export", SAMPLE.toString(), "--format", "asyncapi-2.6", "--json");
        assertThat(new ObjectMapper().readTree(v2.out()).get("asyncapi").asText())
                .isEqualTo("2.6.0");

        Path dir = tmp.resolve("specs");
        CliRunner per = CliRunner.run(
                "export", SAMPLE.toString(), "--format", "asyncapi-3.0", "--per-service", "-o", dir.toString());
        assertThat(per.code()).isZero();
        assertThat(dir.resolve("checkout.asyncapi.yaml")).exists();
        assertThat(dir.resolve("billing.asyncapi.yaml")).exists();

        assertThat(CliRunner.run("export", SAMPLE.toString(), "--format", "pdf").code())
                .isEqualTo(2);
        assertThat(CliRunner.run("export", SAMPLE.toString(), "--format", "asyncapi-3.0", "--per-service")
                        .code())
                .isEqualTo(2);
    }

    @Test
    void exportsHtmlDocumentation(@TempDir Path tmp) throws Exception {
        Path html = tmp.resolve("doc.html");
        CliRunner r = CliRunner.run("export", SAMPLE.toString(), "--format", "html", "-o", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("<svg").contains("orders.placed.v1").contains("OrderPlaced");
        // Self-contained: nothing loaded from the network.
        assertThat(page).doesNotContainPattern("(src|href)=\"https?:").doesNotContain("@import");
    }

    @Test
    void importThenExportRoundTrips(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("orders.asyncapi.yaml");
        CliRunner exp = CliRunner.run("export", SAMPLE.toString(), "--format", "asyncapi-3.0", "-o", spec.toString());
        assertThat(exp.code()).isZero();
        Path design = tmp.resolve("imported.eventflow.yaml");
        CliRunner imp = CliRunner.run("import", spec.toString(), "-o", design.toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        var d = DesignFiles.open(design);
        assertThat(d.channels()).extracting(c -> c.address()).contains("orders.placed.v1", "billing.invoices.v1");
        assertThat(d.layout()).isNotEmpty();
    }

    @Test
    void importRefusesBrokenInputWithoutWritingAnything(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("broken.yaml");
        Files.writeString(spec, "asyncapi: 3.0.0\ninfo: {title: x\n");
        Path design = tmp.resolve("out.eventflow.yaml");
        CliRunner r = CliRunner.run("import", spec.toString(), "-o", design.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("broken.yaml").contains("nothing was imported");
        assertThat(design).doesNotExist();
    }
}
