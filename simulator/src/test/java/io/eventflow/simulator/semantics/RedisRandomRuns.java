package io.eventflow.simulator.semantics;

import io.eventflow.simulator.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/** Random Redis Streams designs and fault schedules for {@link RedisProperties}, derived from one number. */
final class RedisRandomRuns {
    final String design;
    final String faults;
    final String actions;

    RedisRandomRuns(long seed, String guarantee) {
        SplitMix64 r = new SplitMix64(seed);
        int instances = 1 + r.nextInt(3);
        String sub = "{channel: orders, group: g, processing: {distribution: exponential, mean: " + (1 + r.nextInt(20))
                + "ms}, concurrency: " + (1 + r.nextInt(2)) + ", delivery: " + guarantee
                + (r.chance(0.5) ? ", claimIdle: " + (20 + r.nextInt(500)) + "ms" : "")
                + ", retry: {maxAttempts: " + (1 + r.nextInt(3))
                + ", backoff: exponential, initial: 20ms, jitter: full}"
                + (r.chance(0.5) ? ", deadLetter: dlq" : "") + "}";
        String broker = "{id: b, kind: redis" + (r.chance(0.3) ? ", x-appendfsync: always" : "") + "}";
        String stream = r.chance(0.4) ? ", maxLen: " + (5 + r.nextInt(100)) : "";
        String producer = "{acks: all, idempotent: " + r.chance(0.5)
                + (r.chance(0.5) ? ", retry: {maxAttempts: 3, backoff: fixed, initial: 100ms}" : "") + "}";
        design =
                """
                eventflow: 1
                name: random-redis
                brokers: [%s]
                messages: [{id: M, sizeBytes: 200}]
                channels:
                  - {id: orders, broker: b, messages: [M]%s}
                  - {id: dlq, broker: b, messages: [M]}
                  - {id: out, broker: b, messages: [M]}
                services:
                  - id: p
                    instances: %d
                    publishes: [{channel: orders, message: M, rate: %d/s, arrival: poisson}]
                    producer: %s
                  - id: c
                    instances: %d
                    subscribes: [%s]
                    publishes: [{channel: out, message: M, per: processed}]
                  - id: d
                    subscribes: [{channel: out, group: d, processing: 1ms}]
                """
                        .formatted(broker, stream, 1 + r.nextInt(2), 20 + r.nextInt(180), producer, instances, sub);
        List<String> fs = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            fs.add(fault(r, instances));
        }
        faults = String.join(", ", fs);
        List<String> as = new ArrayList<>();
        if (r.chance(0.3)) {
            as.add("{at: " + t(r) + ", kind: scale, target: c, instances: " + (1 + r.nextInt(4)) + "}");
        }
        if (r.chance(0.3)) {
            as.add("{at: " + t(r) + ", kind: redrive, from: dlq, to: orders}");
        }
        if (r.chance(0.3)) {
            as.add("{at: " + t(r) + ", kind: replay, group: g, channel: orders, to: earliest}");
        }
        actions = String.join(", ", as);
    }

    private static String t(SplitMix64 r) {
        return (r.nextInt(4000) / 1000.0) + "s";
    }

    private static String fault(SplitMix64 r, int instances) {
        String at = t(r);
        String dur = (50 + r.nextInt(1500)) + "ms";
        return switch (r.nextInt(8)) {
            case 0 -> "{at: " + at + ", kind: crash, target: c, instance: " + r.nextInt(instances)
                    + (r.chance(0.7) ? ", restartAfter: " + dur : "") + "}";
            case 1 -> "{at: " + at + ", kind: broker-crash, target: b, node: 0, restartAfter: " + dur + "}";
            case 2 -> "{at: " + at + ", kind: partition, between: [" + (r.chance(0.5) ? "p" : "c") + ", b], for: " + dur
                    + "}";
            case 3 -> "{at: " + at + ", kind: latency, link: [b, c], delay: " + r.nextInt(100) + "ms, for: " + dur
                    + "}";
            case 4 -> "{at: " + at + ", kind: drop, link: [" + (r.chance(0.5) ? "p, b" : "b, c") + "], percent: "
                    + r.nextInt(60) + ", for: " + dur + "}";
            case 5 -> "{at: " + at + ", kind: duplicate, link: [" + (r.chance(0.5) ? "p, b" : "b, c") + "], percent: "
                    + r.nextInt(60) + ", for: " + dur + "}";
            case 6 -> "{at: " + at + ", kind: slow, target: c, factor: " + (1 + r.nextInt(50)) + ", for: " + dur + "}";
            default -> "{at: " + at + ", kind: poison, target: orders, percent: " + r.nextInt(30) + ", for: " + dur
                    + "}";
        };
    }

    Runs run() throws Exception {
        return Runs.run(design, "5s", faults, actions);
    }

    @Override
    public String toString() {
        return design + "\nfaults: [" + faults + "]\nactions: [" + actions + "]";
    }
}
