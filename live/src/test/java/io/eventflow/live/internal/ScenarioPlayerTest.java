package io.eventflow.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.server.LocalServerTests;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioPlayerTest {

    @Test
    void aReplayIsRefusedUpFrontWhenTheChannelsConnectorCannotReplay() throws Exception {
        Design d = LocalServerTests.sample("activity-redis-streams");
        Path f = Files.createTempFile("ef-replay", ".scenario.yaml");
        try {
            Files.writeString(
                    f,
                    """
                    eventflow-scenario: 1
                    design: activity-redis-streams.eventflow.yaml
                    actions:
                      - {at: 2s, kind: replay, group: sessionizer, channel: activity, to: earliest}
                    """);
            Scenario s = ScenarioReader.read(f, d);
            // a Redis stream has positions; whether the run replays it is the connector's word
            assertThat(ScenarioPlayer.refused(s, d, java.util.Map.of(), c -> true))
                    .isEmpty();
            assertThat(ScenarioPlayer.refused(s, d, java.util.Map.of(), c -> false))
                    .containsExactly("action 'replay' at 2s: channel 'activity' (redis) cannot be replayed by live"
                            + " mode's connector for its kind");
            // the registered Redis connector can
            var redis = io.eventflow.live.LiveConnectors.find(io.eventflow.model.design.BrokerKind.REDIS)
                    .orElseThrow();
            assertThat(redis.replayable(d.channel("activity").orElseThrow())).isTrue();
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
