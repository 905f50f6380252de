package io.eventflow.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.live.run.LiveRun;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a live run refuses before it starts, and how it fails on an endpoint that does not answer. */
class LiveRunRefusalTest {
    private static final Path SAMPLES =
            Path.of(System.getProperty("eventflow.repo", "..")).resolve("assets/samples");

    private static Design orderPipeline() throws Exception {
        return DesignFiles.open(SAMPLES.resolve("order-pipeline.eventflow.yaml"));
    }

    @Test
    void faultsLiveModeDoesNotRunAreRefusedByName() throws Exception {
        Design d = orderPipeline();
        var s = ScenarioReader.read(SAMPLES.resolve("order-pipeline.scenario.yaml"), d);
        // embedded: network faults go through the fault proxy and the node crash runs; duplicate does not
        assertThatThrownBy(() -> LiveRun.builder(d).scenario(s).build().run())
                .isInstanceOf(LiveException.class)
                .hasMessageContaining("fault 'duplicate' at 30s on kafka -> billing is not run live")
                .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
    }

    @Test
    void networkFaultsAndBrokerCrashesAreRefusedOnTheUsersBrokers() throws Exception {
        Design d = orderPipeline();
        var s = ScenarioReader.read(SAMPLES.resolve("order-pipeline.scenario.yaml"), d);
        assertThatThrownBy(() -> LiveRun.builder(d)
                        .scenario(s)
                        .endpoints(Map.of("kafka", new Endpoint("kafka", "127.0.0.1:1", Map.of(), null)))
                        .build()
                        .run())
                .isInstanceOf(LiveException.class)
                .hasMessageContaining("fault 'broker-crash' at 20s on 'kafka' node 1 is not run live: broker 'kafka'"
                        + " is yours (--brokers): live mode crashes only the brokers it started itself")
                .hasMessageContaining("fault 'partition' at 25s between 'checkout' and 'kafka' is not run live:"
                        + " broker 'kafka' is yours (--brokers)")
                .hasMessageContaining("fault 'latency' at 30s on kafka -> billing")
                .hasMessageContaining("fault 'drop' at 30s on checkout -> kafka")
                .hasMessageContaining("fault 'duplicate' at 30s")
                .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(5));
    }

    @Test
    void networkFaultsAndBrokerCrashesOnTheUsersJmsBrokerAreRefusedNamingIt() throws Exception {
        // JMS runs both on the embedded ActiveMQ; on the user's broker (--brokers) neither runs
        Design d = DesignFiles.open(SAMPLES.resolve("trading-jms.eventflow.yaml"));
        var s = ScenarioReader.parse(
                "jms.scenario.yaml",
                """
                eventflow-scenario: 1
                faults:
                  - {at: 1s, kind: broker-crash, target: amq, node: 0, restartAfter: 1s}
                  - {at: 2s, kind: partition, between: [order-entry, amq], for: 1s}
                """,
                d);
        assertThatThrownBy(() -> LiveRun.builder(d)
                        .scenario(s)
                        .endpoints(Map.of("amq", new Endpoint("amq", "tcp://127.0.0.1:1", Map.of(), null)))
                        .build()
                        .run())
                .isInstanceOf(LiveException.class)
                .hasMessageContaining("fault 'broker-crash' at 1s on 'amq' node 0 is not run live: broker 'amq' is"
                        + " yours (--brokers)")
                .hasMessageContaining("fault 'partition' at 2s between 'order-entry' and 'amq' is not run live:"
                        + " broker 'amq' is yours (--brokers)");
    }

    @Test
    void unreachableEndpointFailsInTimeNamingIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> LiveRun.builder(orderPipeline())
                        .duration(Duration.ofSeconds(1))
                        .endpoints(Map.of("kafka", new Endpoint("kafka", address, Map.of(), null)))
                        .connectTimeout(Duration.ofSeconds(3))
                        .build()
                        .run())
                .isInstanceOf(LiveException.class)
                .hasMessageContaining("Kafka broker 'kafka' at " + address)
                .hasMessageContaining("no answer within 3 s");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(15);
    }

    @Test
    void brokersOfKindsWithoutConnectorAndUnknownEndpointsAreNamed() throws Exception {
        Path f = java.nio.file.Files.createTempFile("other", ".eventflow.yaml");
        java.nio.file.Files.writeString(
                f,
                """
                eventflow: 1
                name: Other
                brokers:
                  - {id: bus, kind: other}
                channels:
                  - {id: c, broker: bus}
                """);
        Design d = DesignFiles.open(f);
        java.nio.file.Files.delete(f);
        assertThatThrownBy(() -> LiveRun.builder(d)
                        .endpoints(Map.of("nope", new Endpoint("nope", "x:1", Map.of(), null)))
                        .build()
                        .run())
                .isInstanceOf(LiveException.class)
                .hasMessageContaining("broker 'bus' is of kind other, which live mode does not run yet")
                .hasMessageContaining("--brokers names broker 'nope', which is not in the design");
    }
}
