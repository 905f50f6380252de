package io.eventflow.simulator.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Random Postgres LISTEN/NOTIFY and JMS designs under random faults (tries capped for the CI budget). */
class PgJmsProperties {
    @Property(tries = 40)
    void conservationAlwaysHolds(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll boolean postgres,
            @ForAll @IntRange(min = 0, max = 2) int guaranteeIndex)
            throws Exception {
        PgJmsRandomRuns rr = new PgJmsRandomRuns(seed, postgres, SimulationProperties.GUARANTEES[guaranteeIndex]);
        Runs r = rr.run(); // throws when an invariant fails
        assertThat(r.report.invariants().get("conservation")).as(rr.toString()).isTrue();
    }

    @Property(tries = 20)
    void exactlyOnceNeverDuplicates(@ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll boolean postgres)
            throws Exception {
        // holds for Postgres too: the dedup store (or transaction) absorbs every session's extra copy
        PgJmsRandomRuns rr = new PgJmsRandomRuns(seed, postgres, "exactly-once");
        Runs r = rr.run();
        // g and h (on a JMS queue: one group, named g, as they compete for one queue)
        r.report.groups().forEach((name, g) -> {
            if (!name.equals("d")) {
                assertThat(g.duplicates()).as(name + "\n" + rr).isZero();
            }
        });
    }

    @Property(tries = 10)
    void sameSeedSameTrace(@ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll boolean postgres)
            throws Exception {
        PgJmsRandomRuns rr = new PgJmsRandomRuns(seed, postgres, "at-least-once");
        assertThat(rr.run().trace).as(rr.toString()).isEqualTo(rr.run().trace);
    }
}
