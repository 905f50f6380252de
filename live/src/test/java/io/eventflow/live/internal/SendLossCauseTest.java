package io.eventflow.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.live.Envelope;
import io.eventflow.live.LiveChannel;
import io.eventflow.live.LiveProducer;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A failed send is lost by {@code crash} when a node of its broker crashed during it, even when the failure comes
 * after the node is back (a request the crashed leader never answered times out later): that depended on timing
 * before, and a loaded machine counted such sends as {@code network} (KafkaFaultsLiveTest's broker crash).
 */
class SendLossCauseTest {
    /** A producer that answers nothing until the test says so. */
    private static final class Held implements LiveProducer {
        final List<SendCallback> callbacks = new ArrayList<>();
        final List<Envelope> sent = new ArrayList<>();

        @Override
        public void send(LiveChannel channel, Envelope message, SendCallback callback) {
            sent.add(message);
            callbacks.add(callback);
        }

        void fail(int i) {
            callbacks.get(i).done(sent.get(i), new RuntimeException("request timed out"));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public void kill() {}
    }

    @Test
    void aSendPendingWhileANodeWasDownIsLostByCrashWhenItFailsAfterTheNodeIsBack() throws Exception {
        Design d = DesignFiles.load(Path.of(System.getProperty("eventflow.repo", ".."))
                        .resolve("assets/samples/order-pipeline.eventflow.yaml"))
                .design();
        Channel c = d.channels().get(0);
        Run run = new Run(
                d, 1, "ef-test-", Map.of(), Map.of(c.id(), new LiveChannel(c, c.id(), false)), new LiveTrace(null));
        run.ledger().channel(c.id());
        run.ledger().group("g", "g", c.id());
        Held p = new Held();
        Runnable send = () -> run.send(p, c.id(), run.newMessage(c.id(), null, null, null, -1), true, "x", () -> false);
        send.run(); // 0: sent before the crash, fails after the node is back
        run.nodeDown(c.broker(), true);
        send.run(); // 1: sent while the node is down, fails after it is back
        run.nodeDown(c.broker(), false);
        send.run(); // 2 and 3: sent after the node is back; 2 fails (no crash during it), 3 is acknowledged
        send.run();
        p.fail(0);
        p.fail(1);
        p.fail(2);
        p.callbacks.get(3).done(p.sent.get(3), null);
        var g = run.ledger()
                .report("d", 1, 1, 1, Map.of(), Map.of("g", java.util.Set.of(3L)))
                .groups()
                .get("g");
        // 0 and 1 met the crash; 2 was sent and failed with every node up: network; 3 is on the broker (read back)
        assertThat(g.lostByCause()).containsEntry("crash", 2L).containsEntry("network", 1L);
        assertThat(g.lost()).isEqualTo(3);
        assertThat(g.inFlight()).isEqualTo(1);
        assertThat(g.owed()).isEqualTo(4);
    }
}
