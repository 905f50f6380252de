package io.eventflow.live.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveResult;
import io.eventflow.live.LiveRun;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.report.SimulationReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The order-pipeline sample live on one embedded 3-node Kafka cluster shared by the class. */
class KafkaLiveRunTest {
    private static EmbeddedKafka kafka;
    private static Design design;

    @BeforeAll
    static void start() throws Exception {
        design = DesignFiles.open(Path.of(System.getProperty("eventflow.repo", ".."))
                .resolve("assets/samples/order-pipeline.eventflow.yaml"));
        kafka = EmbeddedKafka.start(3);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Map<String, Endpoint> endpoints() {
        return Map.of(
                "kafka",
                new Endpoint(
                        "kafka",
                        kafka.bootstrap(),
                        Map.of("session.timeout.ms", "3000", "heartbeat.interval.ms", "1000"),
                        null));
    }

    @Test
    void orderPipelineConservesEveryMessage() throws Exception {
        LiveResult r = LiveRun.builder(design)
                .seed(7)
                .duration(Duration.ofSeconds(3))
                .endpoints(endpoints())
                .build()
                .run();
        SimulationReport rep = r.report();
        System.err.println(rep.summaryTable());
        System.err.println(r.notes());
        assertThat(rep.violations()).isEmpty();
        assertThat(rep.ok()).isTrue();
        // 200/s Poisson for 3 s: about 600 orders
        assertThat(rep.totals().published()).isBetween(300L, 1500L);
        SimulationReport.GroupReport billing = rep.groups().get("billing");
        assertThat(billing.owed()).isGreaterThan(300);
        assertThat(billing.processed()).isEqualTo(billing.owed());
        assertThat(billing.lost()).isZero();
        // every processed order made one invoice, every invoice one shipment
        assertThat(rep.groups().get("shipping").owed()).isEqualTo(billing.processed() + billing.duplicates());
    }
}
