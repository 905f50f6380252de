package io.eventflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class M1BenchTest {
    @Test
    void messageReuseDoesNotChangeTheTrajectory() {
        // figures of the same run recorded before messages were reused (commit 296890a), to the last bit
        M1Bench.Result r = M1Bench.measure(M1Options.parse("--messages", "20000"));
        assertThat(r.meanLatency()).isEqualTo(5.375778070791233);
        assertThat(r.simTime()).isEqualTo(24933.075160904);
        assertThat(r.maxQueueDepth()).isEqualTo(43);
    }
}
