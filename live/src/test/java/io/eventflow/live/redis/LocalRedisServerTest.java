package io.eventflow.live.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.server.LocalServerTests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

class LocalRedisServerTest {

    @Test
    void startsPrivateServerRoundTripsAStreamThroughAGroupAndStopsWithoutLeftovers() throws Exception {
        LocalServerTests.requireProgram("redis-server", LocalRedisServer.program());
        long pid;
        try (LocalRedisServer server = LocalRedisServer.start()) {
            pid = server.pid();
            assertThat(server.endpoint()).isEqualTo("redis://127.0.0.1:" + server.port());
            try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
                jedis.xgroupCreate("s", "g", new StreamEntryID(0, 0), true);
                for (int i = 0; i < 1000; i++) {
                    jedis.xadd("s", XAddParams.xAddParams().maxLen(600).exactTrimming(), Map.of("id", "m" + i));
                }
                // MAXLEN 600 exact: of 1,000 entries the newest 600 remain.
                assertThat(jedis.xlen("s")).isEqualTo(600);
                Map<String, Integer> seen = new HashMap<>();
                int acked = 0;
                for (int round = 0; round < 100 && seen.size() < 600; round++) {
                    List<Map.Entry<String, List<StreamEntry>>> batch = jedis.xreadGroup(
                            "g",
                            "c1",
                            XReadGroupParams.xReadGroupParams().count(100).block(100),
                            Map.of("s", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
                    if (batch == null) {
                        continue;
                    }
                    for (StreamEntry e : batch.get(0).getValue()) {
                        seen.merge(e.getFields().get("id"), 1, Integer::sum);
                        acked += (int) jedis.xack("s", "g", e.getID());
                    }
                }
                assertThat(seen).hasSize(600).containsKeys("m400", "m999").doesNotContainKey("m399");
                assertThat(acked).isEqualTo(600);
            }
        }
        LocalServerTests.assertGone(List.of(pid));
        LocalServerTests.assertNoChildNamed("redis-server");
    }

    @Test
    void missingProgramMessageSaysWhatToInstallAndTheAlternative() {
        assertThat(LocalRedisServer.missingMessage())
                .contains("no redis-server program was found")
                .contains("apt-get install redis-server")
                .contains("--brokers");
    }
}
