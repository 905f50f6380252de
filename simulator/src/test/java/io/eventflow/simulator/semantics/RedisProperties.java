package io.eventflow.simulator.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Random Redis Streams designs under random faults (tries capped to keep the suite within the CI budget). */
class RedisProperties {
    @Property(tries = 30)
    void conservationAlwaysHolds(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 2) int guarantee)
            throws Exception {
        RedisRandomRuns rr = new RedisRandomRuns(seed, SimulationProperties.GUARANTEES[guarantee]);
        Runs r = rr.run(); // throws when an invariant fails
        assertThat(r.report.invariants().get("conservation")).as(rr.toString()).isTrue();
    }

    @Property(tries = 15)
    void exactlyOnceNeverDuplicates(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) throws Exception {
        RedisRandomRuns rr = new RedisRandomRuns(seed, "exactly-once");
        assertThat(rr.run().group("g").duplicates()).as(rr.toString()).isZero();
    }

    @Property(tries = 10)
    void sameSeedSameTrace(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) throws Exception {
        RedisRandomRuns rr = new RedisRandomRuns(seed, "at-least-once");
        assertThat(rr.run().trace).isEqualTo(rr.run().trace);
    }
}
