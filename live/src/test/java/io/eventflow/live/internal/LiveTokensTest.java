package io.eventflow.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.simulator.SimulationSnapshot.InFlight;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live view's moving tokens: on the design's edges, travelling, then processing, sampled and bounded. */
class LiveTokensTest {

    @Test
    void aPublishTravelsItsEdgeAndADeliveryStaysInItsServiceUntilProcessed() throws Exception {
        LiveTokens t = new LiveTokens();
        t.published("checkout", "orders", 1, 1);
        t.delivered("orders", "billing", 1, 1, TimeUnit.SECONDS.toNanos(30));
        List<InFlight> now = t.now();
        assertThat(now)
                .extracting(f -> f.from() + ">" + f.to() + " " + f.phase())
                .containsExactly("checkout>orders wire", "orders>billing wire");
        assertThat(now).allSatisfy(f -> assertThat(f.progress()).isBetween(0.0, 1.0));

        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(LiveTokens.TRAVEL_NANOS) + 50);
        // the publish has arrived; the delivery is still processed (30 s drawn), along its processing time
        List<InFlight> later = t.now();
        assertThat(later)
                .extracting(f -> f.from() + ">" + f.to() + " " + f.phase())
                .containsExactly("orders>billing processing");
        assertThat(later.get(0).progress()).isLessThan(0.1);

        t.processed("billing", 1);
        assertThat(t.now()).isEmpty();
    }

    @Test
    void aClientShowsAtMostOneMessageEveryFiftyMilliseconds() throws Exception {
        LiveTokens.Gate gate = new LiveTokens.Gate();
        assertThat(gate.due()).isTrue();
        int more = 0;
        long until = System.nanoTime() + LiveTokens.EVERY_NANOS / 2;
        while (System.nanoTime() < until) {
            more += gate.due() ? 1 : 0;
        }
        assertThat(more).isZero();
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(LiveTokens.EVERY_NANOS) + 10);
        assertThat(gate.due()).isTrue();
    }

    @Test
    void atMostMaxTokensAreKeptTheOldestGoFirst() {
        LiveTokens t = new LiveTokens();
        for (int i = 0; i < LiveTokens.MAX + 100; i++) {
            t.published("checkout", "orders", i, i);
        }
        List<InFlight> now = t.now();
        assertThat(now).hasSize(LiveTokens.MAX);
        assertThat(now.get(0).messageId()).isEqualTo(100);
        assertThat(now.get(now.size() - 1).messageId()).isEqualTo(LiveTokens.MAX + 99);
    }
}
