package io.eventflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.report.SimulationReport.GroupReport;
import org.junit.jupiter.api.Test;

/** {@link Simulation.Builder#drain}: publishing stops at the duration, consumers go on for the drain. */
class DrainKnownAnswerTest {
    private static final String DESIGN =
            """
            eventflow: 1
            name: drain
            brokers: [{id: k, kind: kafka}]
            messages: [{id: M}]
            channels: [{id: orders, broker: k, messages: [M]}]
            services:
              - id: p
                publishes: [{channel: orders, message: M, rate: 10/s}]
              - id: c
                subscribes: [{channel: orders, group: c, processing: 500ms}]
            """;

    private static SimulationReport run(long drainNanos) throws Exception {
        Design d = DesignFiles.parse("drain", DESIGN).design();
        Simulation sim = Simulation.builder(d)
                .seed(1)
                .duration(1_000_000_000L)
                .drain(drainNanos)
                .build();
        sim.runToEnd();
        return sim.report();
    }

    @Test
    void consumersFinishDuringTheDrainAndNothingMoreIsPublished() throws Exception {
        // 10/s constant for 1 s: arrivals at 0.1 s .. 0.9 s (the one due at 1.0 s finds publishing stopped) = 9.
        // Processing 500 ms one at a time: m0 0.1-0.6 s, m1 0.6-1.1 s, ..., m8 ends at 0.1 + 9 x 0.5 = 4.6 s.
        GroupReport noDrain = run(0).groups().get("c");
        assertThat(noDrain.owed()).isEqualTo(9);
        // by 1.0 s only m0 is done; m1 is being processed, the rest wait: in flight
        assertThat(noDrain.processed()).isEqualTo(1);
        assertThat(noDrain.inFlight()).isEqualTo(8);
        // with a drain of 5 s (to 6 s) all 9 are processed by 4.6 s, and still only 9 were published
        SimulationReport drained = run(5_000_000_000L);
        GroupReport c = drained.groups().get("c");
        assertThat(c.owed()).isEqualTo(9);
        assertThat(c.processed()).isEqualTo(9);
        assertThat(c.inFlight()).isZero();
        assertThat(drained.totals().published()).isEqualTo(9);
        // a drain of 3 s (to 4 s): m0..m6 end by 0.1 + 7 x 0.5 = 3.6 s, m7 ends at 4.1 s: 7 processed
        assertThat(run(3_000_000_000L).groups().get("c").processed()).isEqualTo(7);
    }

    @Test
    void aNegativeDrainIsRefused() {
        assertThatThrownBy(() -> Simulation.builder(null).drain(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
