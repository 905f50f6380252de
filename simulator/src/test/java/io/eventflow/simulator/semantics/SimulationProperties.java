package io.eventflow.simulator.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Random designs and fault schedules (tries capped to keep the suite within the CI budget). */
class SimulationProperties {
    static final String[] GUARANTEES = {"at-most-once", "at-least-once", "exactly-once"};

    @Property(tries = 40)
    void conservationAlwaysHolds(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll boolean kafka,
            @ForAll @IntRange(min = 0, max = 2) int guaranteeIndex)
            throws Exception {
        RandomRuns rr = new RandomRuns(seed, kafka, GUARANTEES[guaranteeIndex], true);
        Runs r = rr.run(); // throws when an invariant fails
        assertThat(r.report.invariants().get("conservation")).as(rr.toString()).isTrue();
    }

    @Example
    void aBacklogLostOverAPartitionedLinkDoesNotOverflowTheStack() throws Exception {
        // found by conservationAlwaysHolds on kafka: under at-most-once each message fetched during the 624 ms
        // partition was lost at once and the next fetched from inside that loss, thousands deep (StackOverflowError
        // before). Kafka now re-fetches a lost fetch after the request timeout instead; an auto-ack AMQP queue still
        // loses each delivery at once and takes the next from inside that loss.
        RandomRuns rr = new RandomRuns(279039, false, "at-most-once", true);
        Runs r = rr.run();
        assertThat(r.report.invariants().get("conservation")).as(rr.toString()).isTrue();
        assertThat(r.lost("g", "network")).as(rr.toString()).isPositive();
        RandomRuns kafka = new RandomRuns(279039, true, "at-most-once", true);
        Runs k = kafka.run();
        assertThat(k.report.invariants().get("conservation"))
                .as(kafka.toString())
                .isTrue();
        // the run lasts 5 s, less than the 30 s request timeout: the fetches lost in the partition are not yet
        // re-fetched, so they are neither lost nor redelivered (conservation counts them in flight)
        assertThat(k.lost("g", "network")).as(kafka.toString()).isZero();
    }

    @Property(tries = 25)
    void exactlyOnceNeverDuplicates(@ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll boolean kafka)
            throws Exception {
        RandomRuns rr = new RandomRuns(seed, kafka, "exactly-once", true);
        Runs r = rr.run();
        assertThat(r.group("g").duplicates()).as(rr.toString()).isZero();
    }

    @Property(tries = 25)
    void firstProcessingsFollowOffsetOrderWithinAPartition(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 2) int guaranteeIndex)
            throws Exception {
        RandomRuns rr = new RandomRuns(seed, true, GUARANTEES[guaranteeIndex], false);
        Runs r = rr.run();
        Map<String, Long> lastOffset = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        r.trace
                .lines()
                .filter(l -> l.startsWith("{\"kind\":\"processed\"") && l.contains("\"group\":\"g\""))
                .forEach(l -> {
                    long id = Long.parseLong(l.replaceAll(".*\"messageId\":(\\d+).*", "$1"));
                    String part = l.replaceAll(".*\"partition\":(-?\\d+).*", "$1");
                    long off = Long.parseLong(l.replaceAll(".*\"offset\":(-?\\d+).*", "$1"));
                    if (seen.add(id)) {
                        Long prev = lastOffset.get(part);
                        lastOffset.put(part, off);
                        assertThat(prev == null || prev < off)
                                .as("partition %s: offset %d after %d\n%s", part, off, prev, rr)
                                .isTrue();
                    }
                });
    }

    @Property(tries = 15)
    void sameSeedSameTrace(@ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll boolean kafka)
            throws Exception {
        RandomRuns rr = new RandomRuns(seed, kafka, "at-least-once", true);
        assertThat(rr.run().trace).isEqualTo(rr.run().trace);
    }
}
