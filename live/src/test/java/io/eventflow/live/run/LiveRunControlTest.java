package io.eventflow.live.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.LiveResult;
import io.eventflow.live.server.LocalServerTests;
import io.eventflow.live.server.SampleRuns;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.SimulationSnapshot;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Progress, pause and stop of a live run, on the trading sample's embedded ActiveMQ. */
class LiveRunControlTest {

    @Test
    void progressShowsTheRunPauseStopsTheProducersAndStopEndsTheRunEarly() throws Exception {
        Design d = LocalServerTests.sample("trading-jms");
        LiveRun run = LiveRun.builder(d)
                .seed(7)
                .duration(Duration.ofSeconds(60))
                .drain(Duration.ofSeconds(20))
                .build();
        assertThat(run.progress()).as("nothing before publishing").isNull();
        long t0 = System.nanoTime();
        CompletableFuture<LiveResult> result = CompletableFuture.supplyAsync(() -> {
            try {
                return run.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        LiveProgress p = awaitPrices(run, 50);
        SimulationSnapshot.ChannelState prices = channel(p.snapshot(), "prices");
        assertThat(p.snapshot().groups()).anyMatch(g -> g.channel().equals("prices"));
        assertThat(p.report().ok()).as("the report so far conserves").isTrue();
        // every instance of the design, alive: order-entry 2, market-data 1, matching-engine 2, risk 1, dashboard 2,
        // operations 1
        assertThat(p.snapshot().instances()).hasSize(2 + 1 + 2 + 1 + 2 + 1);
        assertThat(p.snapshot().instances()).allMatch(SimulationSnapshot.InstanceState::alive);
        assertThat(p.snapshot().instances()).anyMatch(i -> i.service().equals("market-data"));

        run.pause();
        Thread.sleep(600); // sends under way are answered
        long pausedAt = channel(run.progress().snapshot(), "prices").published();
        Thread.sleep(1000);
        // market-data publishes prices at 200/s: paused, not one more
        assertThat(channel(run.progress().snapshot(), "prices").published()).isEqualTo(pausedAt);
        run.resume();
        awaitPrices(run, pausedAt + 50);

        run.stop();
        LiveResult r = result.get(60, TimeUnit.SECONDS);
        // 60 s of publishing and a 20 s drain were asked; stop ends it well before
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(55);
        SampleRuns.assertConserved(r.report());
        assertThat(r.report().channels().get("prices").published()).isGreaterThanOrEqualTo(prices.published());
    }

    private static LiveProgress awaitPrices(LiveRun run, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            LiveProgress p = run.progress();
            if (p != null && channel(p.snapshot(), "prices").published() >= atLeast) {
                return p;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("prices did not reach " + atLeast + " published messages in 60 s");
    }

    private static SimulationSnapshot.ChannelState channel(SimulationSnapshot s, String id) {
        return s.channels().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
