package io.eventflow.simulator.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Random SQS/SNS designs and fault schedules (few tries: the CI budget). */
class SqsProperties {
    @Property(tries = 30)
    void conservationAlwaysHolds(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 2) int guaranteeIndex)
            throws Exception {
        SqsRandomRuns rr = new SqsRandomRuns(seed, SimulationProperties.GUARANTEES[guaranteeIndex]);
        Runs r = rr.run(); // throws when an invariant fails
        assertThat(r.report.invariants().get("conservation")).as(rr.toString()).isTrue();
    }

    @Property(tries = 15)
    void exactlyOnceNeverDuplicates(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) throws Exception {
        SqsRandomRuns rr = new SqsRandomRuns(seed, "exactly-once");
        assertThat(rr.run().group("g").duplicates()).as(rr.toString()).isZero();
    }

    @Property(tries = 10)
    void sameSeedSameTrace(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) throws Exception {
        SqsRandomRuns rr = new SqsRandomRuns(seed, "at-least-once");
        assertThat(rr.run().trace).isEqualTo(rr.run().trace);
    }
}
