package io.eventflow.live.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.simulator.report.SimulationReport;
import org.junit.jupiter.api.Test;

/** The activity sample live on a private redis-server. */
class RedisLiveRunTest {

    @Test
    void activitySampleConservesEveryMessageThroughCrashesAndPoison() throws Exception {
        LocalServerTests.requireProgram("redis-server", LocalRedisServer.program());
        // The sample's own crashes and poison, sooner (its broker crash is refused by live mode until calibration).
        String scenario =
                """
                eventflow-scenario: 1
                design: activity-redis-streams.eventflow.yaml
                faults:
                  - {at: 1s, kind: crash, target: search-indexer, restartAfter: 1s}
                  - {at: 1s, kind: poison, target: activity, percent: 5, for: 1s}
                  - {at: 2s, kind: crash, target: analytics, instance: 1}
                """;
        LiveResult r = SampleRuns.run(LocalServerTests.sample("activity-redis-streams"), scenario, 3, 5);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        // Every group of a stream gets every entry: sessionizer and indexer are owed the same.
        assertThat(rep.groups().get("sessionizer").owed())
                .isPositive()
                .isEqualTo(rep.groups().get("indexer").owed());
        assertThat(rep.groups().get("sessionizer").processed()).isPositive();
        assertThat(r.notes()).anyMatch(n -> n.contains("redis-server"));
        LocalServerTests.assertNoChildNamed("redis-server");
    }

    @Test
    void replayMovesTheGroupOnceAndReprocessesWhatItHadProcessed() throws Exception {
        LocalServerTests.requireProgram("redis-server", LocalRedisServer.program());
        // sessionizer back to the stream's start, analytics to the entries of sessions added since 0.5 s
        String scenario =
                """
                eventflow-scenario: 1
                design: activity-redis-streams.eventflow.yaml
                actions:
                  - {at: 1.5s, kind: replay, group: sessionizer, channel: activity, to: earliest}
                  - {at: 2s, kind: replay, group: analytics, channel: sessions, to: time, time: 500ms}
                """;
        LiveResult r = SampleRuns.run(LocalServerTests.sample("activity-redis-streams"), scenario, 3, 5);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        assertThat(r.notes()).noneMatch(n -> n.contains("replay"));
        // What the sessionizer had processed by 1.5 s (about 1.5 s x 180/s) comes back once more: reprocessed, not
        // duplicates; analytics re-reads what was added from 0.5 s to 2 s.
        var sessionizer = rep.groups().get("sessionizer");
        assertThat(sessionizer.reprocessed()).isGreaterThan(100).isLessThanOrEqualTo(sessionizer.processed());
        var analytics = rep.groups().get("analytics");
        assertThat(analytics.reprocessed()).isGreaterThan(50).isLessThan(analytics.processed());
        assertThat(rep.groups().get("indexer").reprocessed()).isZero();
    }

    @Test
    void entriesMaxLenTrimsAreEvictedFromTheChannelAndTrimmedForAGroupThatHadNotReadThem() throws Exception {
        LocalServerTests.requireProgram("redis-server", LocalRedisServer.program());
        // 100/s into a stream capped at exactly 20 entries, read at 10/s: at the end the stream holds its last 20
        // entries; every other entry the run added was evicted, and what the slow group had not read is trimmed.
        io.eventflow.model.design.Design d = SampleRuns.design(
                """
                eventflow: 1
                name: MAXLEN
                brokers:
                  - {id: redis, kind: redis}
                messages:
                  - id: Click
                    payload: {type: object, properties: {at: {type: string}}}
                channels:
                  - {id: clicks, broker: redis, address: clicks, messages: [Click], maxLen: 20}
                services:
                  - id: web
                    publishes:
                      - {channel: clicks, message: Click, rate: 100/s}
                  - id: counter
                    subscribes:
                      - {channel: clicks, group: counter, processing: 100ms, prefetch: 1, delivery: at-least-once}
                """);
        LiveResult r = SampleRuns.run(d, null, 2, 1);
        SimulationReport rep = r.report();
        SampleRuns.assertConserved(rep);
        long published = rep.channels().get("clicks").published();
        assertThat(published).isGreaterThan(100);
        assertThat(rep.channels().get("clicks").evicted()).isEqualTo(published - 20);
        assertThat(rep.groups().get("counter").lostByCause().get("trimmed")).isPositive();
    }
}
