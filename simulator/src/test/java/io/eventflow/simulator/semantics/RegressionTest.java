package io.eventflow.simulator.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Samples the property tests once found failing, kept as fixed cases. */
class RegressionTest {
    @Test
    void exactlyOnceKafkaSample1628() throws Exception {
        RandomRuns rr = new RandomRuns(1628, true, "exactly-once", false);
        assertThat(rr.run().report.ok()).isTrue();
    }

    @Test
    void amqpRequeuedMessageThatExpiredMeanwhile() throws Exception {
        RandomRuns rr = new RandomRuns(20, false, "exactly-once", true);
        assertThat(rr.run().report.ok()).isTrue();
    }
}
