package io.eventflow.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.simulator.bench.M1Bench;
import io.eventflow.simulator.bench.M1Options;
import io.eventflow.simulator.report.SimulationReport;
import org.junit.jupiter.api.Test;

class MessageReuseTest {
    private static final long N = 20_000;

    private static Engine run(String dispatch, long linkDelay) {
        M1Options o = M1Options.parse("--messages", String.valueOf(N), "--dispatch", dispatch);
        Engine w = EngineBuilder.build(DesignCompiler.compile(M1Bench.design(o)), 1);
        w.keepConsumed = false;
        if (linkDelay > 0) {
            Link l = w.link("producers", "broker");
            l.delay = linkDelay;
            l.changed();
        }
        w.limitPublishing(N, Long.MAX_VALUE);
        EngineBuilder.start(w);
        w.kernel.runToEnd();
        return w;
    }

    private static void assertAllProcessed(Engine w) {
        SimulationReport r = Accounting.report(w, "m1", 1, 0);
        assertThat(r.violations()).isEmpty();
        assertThat(r.totals().processed()).isEqualTo(N);
    }

    @Test
    void amqpReusesAckedMessages() {
        Engine w = run("shared", 0);
        assertAllProcessed(w);
        assertThat(w.published()).isEqualTo(N);
        // one object per message in the system at once (queue + consumer), not one per publication
        assertThat(w.messagesAllocated()).isLessThan(N / 50);
    }

    @Test
    void messagesThatCrossedTheNetworkAreNotReused() {
        Engine w = run("shared", 1_000_000);
        assertAllProcessed(w);
        assertThat(w.messagesAllocated()).isEqualTo(N);
    }

    @Test
    void kafkaLogsDoNotReuse() {
        Engine w = run("rr", 0);
        assertAllProcessed(w);
        assertThat(w.messagesAllocated()).isEqualTo(N);
    }

    @Test
    void reuseDoesNotChangeTheTrajectory() {
        // figures of the same run recorded before messages were reused (commit 296890a), to the last bit
        M1Bench.Result r = M1Bench.measure(M1Options.parse("--messages", String.valueOf(N)));
        assertThat(r.meanLatency()).isEqualTo(5.375778070791233);
        assertThat(r.simTime()).isEqualTo(24933.075160904);
        assertThat(r.maxQueueDepth()).isEqualTo(43);
    }
}
