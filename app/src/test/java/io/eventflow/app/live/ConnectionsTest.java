package io.eventflow.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.live.BrokersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured brokers in the user's configuration folder. */
class ConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void aRememberedTypedSecretGoesToAnOwnerOnlyFileAndComesBack() throws Exception {
        Connections c = new Connections(dir, name -> null);
        c.save(List.of(new Connections.Connection(
                "mq",
                "amqp://mq:5672",
                Map.of("ssl", "true"),
                List.of(Connections.Secret.typed("password", "s3cret", true)))));
        assertThat(Files.readString(c.file())).doesNotContain("s3cret");
        assertThat(Files.readString(c.secretsFile())).contains("mq/password=s3cret");
        if (!System.getProperty("os.name", "").toLowerCase().contains("win")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(c.secretsFile())))
                    .isEqualTo("rw-------");
        }
        Connections next = new Connections(dir, name -> null);
        assertThat(next.endpoints().get("mq").properties())
                .containsEntry("password", "s3cret")
                .containsEntry("ssl", "true");
        assertThat(next.endpoints().get("mq").secretKeys()).containsExactly("password");
        // the file is the command line's --brokers format
        assertThat(BrokersFile.read(c.file())).containsKey("mq");

        // forgetting it (remember off) removes the file
        next.save(List.of(new Connections.Connection(
                "mq", "amqp://mq:5672", Map.of(), List.of(Connections.Secret.typed("password", "s3cret", false)))));
        assertThat(c.secretsFile()).doesNotExist();
    }

    @Test
    void anUnsetVariableIsNamedWhenTheRunAsksForTheEndpoints() throws Exception {
        Connections c = new Connections(dir, name -> null);
        c.save(List.of(new Connections.Connection(
                "kafka", "k:9092", Map.of(), List.of(Connections.Secret.fromEnv("sasl.jaas.config", "KAFKA_JAAS")))));
        assertThatThrownBy(c::endpoints)
                .hasMessageContaining("KAFKA_JAAS")
                .hasMessageContaining("'kafka'")
                .hasMessageContaining("sasl.jaas.config");
    }
}
