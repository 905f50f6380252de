package io.eventflow.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.io.InputException;
import io.eventflow.model.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokersFileTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path f = dir.resolve("brokers.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsAddressSettingsAndSecretsFromTheEnvironment() throws Exception {
        Path f = write(
                """
                eventflow-brokers: 1
                brokers:
                  kafka:
                    address: kafka-1:9092,kafka-2:9092
                    properties: {security.protocol: SASL_SSL, sasl.mechanism: PLAIN}
                    secrets: {sasl.jaas.config: KAFKA_JAAS}
                """);
        Map<String, Endpoint> m = BrokersFile.read(f, Map.of("KAFKA_JAAS", "user=\"u\" password=\"p\"")::get);
        Endpoint e = m.get("kafka");
        assertThat(e.address()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(e.properties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "user=\"u\" password=\"p\"");
        assertThat(e.toString()).doesNotContain("password=").contains("sasl.jaas.config=***");
        assertThat(e.describe()).isEqualTo("broker 'kafka' at kafka-1:9092,kafka-2:9092");
    }

    @Test
    void refusesSecretsWrittenInTheFileAndNamesMissingVariablesWithTheirLine() throws Exception {
        Path f = write(
                """
                brokers:
                  kafka:
                    address: k:9092
                    properties: {ssl.truststore.password: hunter2}
                    secrets: {sasl.jaas.config: NOT_SET_ANYWHERE}
                    adress: typo
                """);
        assertThatThrownBy(() -> BrokersFile.read(f, Map.<String, String>of()::get))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    var lines = e.problems().stream().map(Problem::format).toList();
                    assertThat(lines).anySatisfy(l -> assertThat(l)
                            .contains("brokers.yaml:4:")
                            .contains("'ssl.truststore.password' looks like a secret"));
                    assertThat(lines).anySatisfy(l -> assertThat(l)
                            .contains("brokers.yaml:5:")
                            .contains("environment variable NOT_SET_ANYWHERE"));
                    assertThat(lines).anySatisfy(l -> assertThat(l).contains("unknown key 'adress'"));
                    assertThat(String.join("\n", lines)).doesNotContain("hunter2");
                });
    }
}
