package io.eventflow.simulator.semantics;

import io.eventflow.simulator.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/** Random Postgres LISTEN/NOTIFY and JMS designs and fault schedules for the property tests, from one number. */
final class PgJmsRandomRuns {
    final String design;
    final String faults;
    final String actions;
    private final boolean postgres;

    PgJmsRandomRuns(long seed, boolean postgres, String guarantee) {
        SplitMix64 r = new SplitMix64(seed);
        this.postgres = postgres;
        int instances = 1 + r.nextInt(3);
        int mean = 1 + r.nextInt(20);
        boolean topic = !postgres && r.chance(0.6);
        String mech = guarantee.equals("exactly-once")
                ? (r.chance(0.5) ? ", mechanism: dedup" : ", mechanism: transactional")
                : "";
        String common = "processing: {distribution: exponential, mean: " + mean + "ms}, concurrency: "
                + (1 + r.nextInt(2)) + ", prefetch: " + (1 + r.nextInt(5)) + ", delivery: " + guarantee + mech
                + ", retry: {maxAttempts: " + (1 + r.nextInt(3)) + ", backoff: fixed, initial: 20ms}"
                + (r.chance(0.5) ? ", deadLetter: dlq" : "");
        String subG = "{channel: orders, group: g, " + common + (topic && r.chance(0.5) ? ", durable: true" : "") + "}";
        String subH = "{channel: orders, group: h, " + common + (topic && r.chance(0.5) ? ", durable: true" : "") + "}";
        String broker = postgres ? "{id: b, kind: postgres}" : "{id: b, kind: jms}";
        String chan = postgres
                ? ""
                : ", destination: " + (topic ? "topic" : "queue") + (r.chance(0.3) ? ", ttl: 1s" : "")
                        + (r.chance(0.3) ? ", maxLength: 20" : "");
        String pub = "{channel: orders, message: M, rate: " + (20 + r.nextInt(180)) + "/s, arrival: poisson"
                + (postgres && r.chance(0.6)
                        ? ", transaction: " + (1 + r.nextInt(300)) + "ms, rollbackPercent: " + r.nextInt(40)
                        : "")
                + "}";
        String producer = "{acks: " + new String[] {"0", "1", "all"}[r.nextInt(3)]
                + (r.chance(0.5) ? ", retry: {maxAttempts: 3, backoff: fixed, initial: 100ms}" : "") + "}";
        design =
                """
                eventflow: 1
                name: random
                brokers: [%s]
                messages: [{id: M, sizeBytes: 200}]
                channels:
                  - {id: orders, broker: b, messages: [M]%s}
                  - {id: dlq, broker: b, messages: [M]}
                services:
                  - id: p
                    instances: %d
                    publishes: [%s]
                    producer: %s
                  - id: c
                    instances: %d
                    subscribes: [%s]
                  - id: e
                    instances: %d
                    subscribes: [%s]
                  - id: d
                    subscribes: [{channel: dlq, group: d, processing: 1ms}]
                """
                        .formatted(
                                broker, chan, 1 + r.nextInt(2), pub, producer, instances, subG, 1 + r.nextInt(2), subH);
        List<String> fs = new ArrayList<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            fs.add(fault(r, instances));
        }
        faults = String.join(", ", fs);
        List<String> as = new ArrayList<>();
        if (r.chance(0.3)) {
            as.add("{at: " + t(r) + ", kind: scale, target: c, instances: " + r.nextInt(4) + "}");
        }
        if (!postgres && r.chance(0.3)) {
            as.add("{at: " + t(r) + ", kind: redrive, from: dlq, to: orders}");
        }
        actions = String.join(", ", as);
    }

    private static String t(SplitMix64 r) {
        return (r.nextInt(4000) / 1000.0) + "s";
    }

    private static String fault(SplitMix64 r, int instances) {
        String at = t(r);
        String dur = (50 + r.nextInt(1500)) + "ms";
        String target = r.chance(0.5) ? "c" : "e";
        return switch (r.nextInt(9)) {
            case 0 -> "{at: " + at + ", kind: crash, target: " + target
                    + (target.equals("c") ? ", instance: " + r.nextInt(instances) : "")
                    + (r.chance(0.7) ? ", restartAfter: " + dur : "") + "}";
            case 1 -> "{at: " + at + ", kind: broker-crash, target: b, node: 0, restartAfter: " + dur + "}";
            case 2 -> "{at: " + at + ", kind: partition, between: [" + (r.chance(0.5) ? "p" : target) + ", b], for: "
                    + dur + "}";
            case 3 -> "{at: " + at + ", kind: latency, link: [b, " + target + "], delay: " + r.nextInt(100)
                    + "ms, for: " + dur + "}";
            case 4 -> "{at: " + at + ", kind: drop, link: [" + (r.chance(0.5) ? "p, b" : "b, " + target)
                    + "], percent: " + r.nextInt(60) + ", for: " + dur + "}";
            case 5 -> "{at: " + at + ", kind: duplicate, link: [" + (r.chance(0.5) ? "p, b" : "b, " + target)
                    + "], percent: " + r.nextInt(60) + ", for: " + dur + "}";
            case 6 -> "{at: " + at + ", kind: crash, target: p, restartAfter: " + dur + "}";
            case 7 -> "{at: " + at + ", kind: slow, target: " + target + ", factor: " + (1 + r.nextInt(5)) + ", for: "
                    + dur + "}";
            default -> "{at: " + at + ", kind: poison, target: orders, percent: " + r.nextInt(30) + ", for: " + dur
                    + "}";
        };
    }

    Runs run() throws Exception {
        return Runs.run(design, "5s", faults, actions);
    }

    @Override
    public String toString() {
        return (postgres ? "postgres\n" : "jms\n") + design + "\nfaults: [" + faults + "]\nactions: [" + actions + "]";
    }
}
