package io.eventflow.simulator.semantics;

import static io.eventflow.simulator.semantics.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.simulator.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Random drops, latency and crashes on both links between a broker and its consumer, for every broker kind: the
 * recovery paths of lost deliveries and acknowledgements keep conservation (checked by {@link Runs#run}), are
 * deterministic, and never duplicate under exactly-once with an unbounded dedup store.
 */
class LinkFaultProperties {
    static final String[] KINDS = {"kafka", "amqp", "jms", "mqtt", "sqs", "redis", "postgres"};

    /** The design of one kind with subscription settings {@code sub}, and the broker's id. */
    static String[] design(String kind, String sub) {
        return switch (kind) {
            case "kafka" -> new String[] {Runs.kafka("", "all", "", 2, sub + ", commit: {mode: after-processing}"), kind
            };
            case "amqp" -> new String[] {Runs.amqp("", "all", sub + ", prefetch: 5"), "rabbit"};
            case "jms" -> new String[] {JmsKnownAnswerTest.queue("", "all", sub + ", prefetch: 5"), "amq"};
            case "mqtt" -> new String[] {LinkFaultKnownAnswerTest.mqtt(1, ", " + sub), "mqtt"};
            case "sqs" -> new String[] {
                SqsKnownAnswerTest.sqs(
                        SqsKnownAnswerTest.LONG_POLL + ", visibilityTimeout: 5s",
                        SqsKnownAnswerTest.RATE,
                        2,
                        "10ms",
                        ", " + sub),
                "aws"
            };
            case "redis" -> new String[] {RedisRuns.redis("", 2, sub + ", claimIdle: 3s"), "redis"};
            default -> new String[] {
                PostgresKnownAnswerTest.design("", 2, "10ms").replace("processing: 10ms", "processing: 10ms, " + sub),
                "pg"
            };
        };
    }

    /** One to four faults on the links between broker {@code b} and c, and crashes of c, drawn from {@code seed}. */
    static String faults(long seed, String b) {
        SplitMix64 r = new SplitMix64(seed);
        List<String> out = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String at = (r.nextInt(8000)) + "ms";
            String dur = (100 + r.nextInt(3000)) + "ms";
            out.add(
                    switch (r.nextInt(5)) {
                        case 0 -> "{at: " + at + ", kind: drop, link: [" + b + ", c], percent: " + (1 + r.nextInt(100))
                                + ", for: " + dur + "}";
                        case 1 -> "{at: " + at + ", kind: drop, link: [c, " + b + "], percent: " + (1 + r.nextInt(100))
                                + ", for: " + dur + "}";
                        case 2 -> "{at: " + at + ", kind: latency, link: [c, " + b + "], delay: " + r.nextInt(800)
                                + "ms, jitter: " + r.nextInt(50) + "ms, for: " + dur + "}";
                        case 3 -> "{at: " + at + ", kind: latency, link: [" + b + ", c], delay: " + r.nextInt(300)
                                + "ms, for: " + dur + "}";
                        default -> "{at: " + at + ", kind: crash, target: c, instance: 0, restartAfter: "
                                + (200 + r.nextInt(2000)) + "ms}";
                    });
        }
        return String.join(", ", out);
    }

    @Property(tries = 40)
    void lostDeliveriesAndAcksConserveAndAreDeterministic(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 6) int kind)
            throws Exception {
        String[] d = design(KINDS[kind], "delivery: at-least-once");
        String f = faults(seed, d[1]);
        // 75 s: AMQP/JMS requeues after the heartbeat (60 s) or inactivity (30 s) timeout happen within the run
        Runs a = run(d[0], "75s", f, "");
        Runs b = run(d[0], "75s", f, "");
        assertThat(a.trace).as(KINDS[kind] + ": " + f).isEqualTo(b.trace);
        assertThat(a.report.groups()).as(KINDS[kind] + ": " + f).isEqualTo(b.report.groups());
    }

    @Property(tries = 30)
    void exactlyOnceNeverDuplicatesUnderLinkFaults(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 6) int kind)
            throws Exception {
        String[] d = design(KINDS[kind], "delivery: exactly-once");
        String f = faults(seed, d[1]);
        Runs r = run(d[0], "75s", f, "");
        assertThat(r.group("c").duplicates()).as(KINDS[kind] + ": " + f).isZero();
    }
}
