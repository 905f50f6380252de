package io.eventflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventflow live}: what it refuses before any broker starts (the runs themselves are tested in live). */
class LiveCommandTest {
    private static final Path SAMPLES =
            Path.of(System.getProperty("eventflow.repo", "..")).toAbsolutePath().resolve("assets/samples");

    @Test
    void faultsLiveModeDoesNotApplyAreNamedWithTheScenarioFile() {
        Path scenario = SAMPLES.resolve("order-pipeline.scenario.yaml");
        CliRunner r = CliRunner.run(
                "live", SAMPLES.resolve("order-pipeline.eventflow.yaml").toString(), "--scenario", scenario.toString());
        assertThat(r.code()).isEqualTo(EventflowCommand.USAGE);
        // embedded brokers take the network faults and the node crash; duplicate is not run live
        assertThat(r.err())
                .contains(scenario + ": fault 'duplicate' at 30s on kafka -> billing is not run live")
                .doesNotContain("'broker-crash' at 20s");
    }

    @Test
    void aBrokersFileWithASecretInItIsRefusedWithItsLineAndNotEchoed(@TempDir Path tmp) throws Exception {
        Path brokers = tmp.resolve("brokers.yaml");
        Files.writeString(
                brokers,
                """
                brokers:
                  kafka:
                    address: localhost:9092
                    properties: {sasl.jaas.config: "password=hunter2"}
                """);
        CliRunner r = CliRunner.run(
                "live", SAMPLES.resolve("order-pipeline.eventflow.yaml").toString(), "--brokers", brokers.toString());
        assertThat(r.code()).isEqualTo(EventflowCommand.USAGE);
        assertThat(r.err())
                .contains(brokers + ":4:")
                .contains("looks like a secret")
                .doesNotContain("hunter2");
    }

    @Test
    void anUnreachableBrokerFailsWithinTheTimeoutNamingIt(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path brokers = tmp.resolve("brokers.yaml");
        Files.writeString(brokers, "brokers:\n  kafka: {address: '127.0.0.1:" + port + "'}\n");
        CliRunner r = CliRunner.run(
                "live",
                SAMPLES.resolve("order-pipeline.eventflow.yaml").toString(),
                "--brokers",
                brokers.toString(),
                "--connect-timeout",
                "2s");
        assertThat(r.code()).isEqualTo(EventflowCommand.USAGE);
        assertThat(r.err()).contains("Kafka broker 'kafka' at 127.0.0.1:" + port + ": no answer within 2 s");
    }
}
