package io.eventflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final Path SAMPLE =
            Path.of(System.getProperty("eventflow.repo", "..")).resolve("assets/samples/order-pipeline.eventflow.yaml");

    @Test
    void validSampleExitsZero() {
        CliRunner r = CliRunner.run("validate", SAMPLE.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("valid");
    }

    @Test
    void errorsExitOneWithFileLineAndHint(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.eventflow.yaml");
        Files.writeString(
                bad,
                """
                eventflow: 1
                name: Broken
                brokers:
                  - {id: kafka, kind: kafka}
                channels:
                  - {id: orders, broker: kafak, partitions: 0}
                """);
        CliRunner r = CliRunner.run("validate", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        // Both errors at once, each with file:line:column.
        assertThat(r.out())
                .contains(bad + ":6:")
                .contains("unknown broker 'kafak'")
                .contains("did you mean 'kafka'");
        assertThat(r.out()).contains("partitions must be at least 1");
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unreadableInputExitsTwo(@TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("broken.eventflow.yaml");
        Files.writeString(broken, "eventflow: 1\nchannels: [unclosed\n");
        CliRunner r = CliRunner.run("validate", broken.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(broken.toString()).contains("not valid YAML");
        assertThat(CliRunner.run("validate", tmp.resolve("missing.yaml").toString())
                        .code())
                .isEqualTo(2);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliRunner.run("validate").code()).isEqualTo(2);
        assertThat(CliRunner.run("no-such-command").code()).isEqualTo(2);
    }

    @Test
    void versionAndHelp() {
        CliRunner v = CliRunner.run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).contains("EventFlow Studio").contains("Java ");
        CliRunner h = CliRunner.run("--help");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("validate");
    }
}
