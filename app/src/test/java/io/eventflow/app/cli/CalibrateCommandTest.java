package io.eventflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventflow calibrate}: the case list and bad input (the runs themselves are tested in live). */
class CalibrateCommandTest {
    @Test
    void listsTheCasesWithTheirBrokers() {
        CliRunner r = CliRunner.run("calibrate", "--list");
        assertThat(r.code()).isEqualTo(EventflowCommand.OK);
        assertThat(r.out())
                .contains("kafka-auto-commit-crash (quick): a consumer crash under auto-commit")
                .contains("[broker kafka]")
                .contains("jms-poison-dead-letter (quick)");
    }

    @Test
    void anUnknownCaseIsBadInputNamingTheCases() {
        CliRunner r = CliRunner.run("calibrate", "--cases", "kafka-auto-commit-crash,nope");
        assertThat(r.code()).isEqualTo(EventflowCommand.USAGE);
        assertThat(r.err()).contains("--cases: no calibration case nope").contains("jms-poison-dead-letter");
    }

    @Test
    void runsMustBePositive() {
        CliRunner r = CliRunner.run("calibrate", "--runs", "0");
        assertThat(r.code()).isEqualTo(EventflowCommand.USAGE);
        assertThat(r.err()).contains("--runs: 0 is not between 1 and 100");
    }

    @Test
    void aBadBrokersFileIsRefusedWithItsLine(@TempDir Path tmp) throws Exception {
        Path brokers = tmp.resolve("brokers.yaml");
        Files.writeString(
                brokers, "brokers:\n  kafka:\n    address: localhost:9092\n    properties: {sasl.jaas.config: x}\n");
        CliRunner r = CliRunner.run("calibrate", "--brokers", brokers.toString());
        assertThat(r.code()).isEqualTo(EventflowCommand.USAGE);
        assertThat(r.err()).contains(brokers + ":4:").contains("looks like a secret");
    }
}
