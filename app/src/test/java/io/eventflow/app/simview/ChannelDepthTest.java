package io.eventflow.app.simview;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the live view shows under each kind of channel, and which scenario a sample opens with. */
class ChannelDepthTest {
    private static Design sample(String name) throws Exception {
        return DesignFiles.open(SimulationRunnerTest.SAMPLES.resolve(name + ".eventflow.yaml"));
    }

    @Test
    void snsTopicsShowNothingPostgresNoStoredDepthTheRestTheirDepth() throws Exception {
        var sqs = ChannelDepth.of(sample("orders-sqs-sns"));
        assertThat(sqs.get("order-events")).isEqualTo(ChannelDepth.NONE);
        assertThat(sqs.get("billing-queue")).isEqualTo(ChannelDepth.STORED);
        assertThat(ChannelDepth.NONE.label(0)).isNull();
        assertThat(ChannelDepth.NONE.bars()).isFalse();

        var pg = ChannelDepth.of(sample("jobs-postgres-notify"));
        assertThat(pg.values()).containsOnly(ChannelDepth.UNCOMMITTED);
        assertThat(ChannelDepth.UNCOMMITTED.bars()).isFalse();
        assertThat(ChannelDepth.UNCOMMITTED.label(0)).isEqualTo("stores nothing");
        assertThat(ChannelDepth.UNCOMMITTED.label(3)).isEqualTo("stores nothing · 3 awaiting commit");

        for (String s : List.of("iot-telemetry", "activity-redis-streams", "trading-jms", "order-pipeline")) {
            assertThat(ChannelDepth.of(sample(s)).values()).as(s).containsOnly(ChannelDepth.STORED);
        }
        assertThat(ChannelDepth.STORED.label(12)).isEqualTo("depth 12");
    }

    @Test
    void menusOfferReplayAndRetentionOnlyWhereTheScenarioCheckerAcceptsThem() throws Exception {
        Design redis = sample("activity-redis-streams");
        Design kafka = sample("order-pipeline");
        Design sqs = sample("orders-sqs-sns");
        Design pg = sample("jobs-postgres-notify");
        Design jms = sample("trading-jms");
        assertThat(FaultMenu.replayable(redis, redis.channels().get(0).id())).isTrue();
        assertThat(FaultMenu.replayable(kafka, "orders")).isTrue();
        assertThat(FaultMenu.replayable(sqs, "billing-queue")).isFalse();
        assertThat(FaultMenu.retentionApplies(kafka, kafka.channel("orders").orElseThrow()))
                .isTrue();
        assertThat(jms.channels()).allMatch(c -> FaultMenu.retentionApplies(jms, c));
        for (Design d : List.of(redis, sqs, pg, sample("iot-telemetry"))) {
            assertThat(d.channels()).noneMatch(c -> FaultMenu.retentionApplies(d, c));
        }
    }

    @Test
    void aSampleOpensWithTheScenarioNextToItElseTheBundledOne() throws Exception {
        for (String s : List.of(
                "iot-telemetry", "orders-sqs-sns", "activity-redis-streams", "jobs-postgres-notify", "trading-jms")) {
            Path file = SimulationRunnerTest.SAMPLES.resolve(s + ".eventflow.yaml");
            var choices = ScenarioCatalog.choices(file);
            var c = ScenarioCatalog.sampleFor(choices, sample(s), file);
            assertThat(c).as(s).isNotNull();
            assertThat(c.file()).isEqualTo(SimulationRunnerTest.SAMPLES.resolve(s + ".scenario.yaml"));
            // a copy elsewhere, without its scenario: the bundled one with the same base name
            Path elsewhere = Path.of("/nowhere/" + s + ".eventflow.yaml");
            var bundled = ScenarioCatalog.sampleFor(ScenarioCatalog.choices(elsewhere), sample(s), elsewhere);
            assertThat(bundled.resource()).isEqualTo("/assets/samples/" + s + ".scenario.yaml");
            assertThat(ScenarioCatalog.load(bundled, sample(s)).faults()).isNotEmpty();
        }
    }
}
