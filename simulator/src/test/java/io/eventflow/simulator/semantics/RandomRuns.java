package io.eventflow.simulator.semantics;

import io.eventflow.simulator.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/** Random designs and fault schedules for the property tests, derived from one number. */
final class RandomRuns {
    final boolean kafka;
    final String guarantee;
    final String design;

    final String faults;
    final String actions;

    RandomRuns(long seed, boolean kafka, String guarantee, boolean withReplay) {
        SplitMix64 r = new SplitMix64(seed);
        this.kafka = kafka;
        this.guarantee = guarantee;
        int partitions = 1 + r.nextInt(4);
        int instances = 1 + r.nextInt(3);
        int rate = 20 + r.nextInt(180);
        int mean = 1 + r.nextInt(20);
        boolean dlq = r.chance(0.5);
        int attempts = 1 + r.nextInt(3);
        String commit = r.chance(0.5) ? "commit: {mode: auto, interval: 200ms}" : "commit: {mode: after-processing}";
        String mech = guarantee.equals("exactly-once")
                ? (r.chance(0.5) ? ", mechanism: dedup" : ", mechanism: transactional")
                : "";
        String sub = "{channel: orders, group: g, processing: {distribution: exponential, mean: " + mean + "ms}, "
                + "concurrency: " + (1 + r.nextInt(2)) + ", prefetch: " + (1 + r.nextInt(5)) + ", delivery: "
                + guarantee + mech + ", " + commit + ", retry: {maxAttempts: " + attempts
                + ", backoff: exponential, initial: 20ms, jitter: full}" + (dlq ? ", deadLetter: dlq" : "") + "}";
        String broker = kafka ? "{id: b, kind: kafka, nodes: 3}" : "{id: b, kind: amqp}";
        String chan = kafka
                ? "partitions: " + partitions + ", replicationFactor: " + (1 + r.nextInt(3)) + ", minInSyncReplicas: 1"
                        + (r.chance(0.3) ? ", retention: 2s" : "")
                : (r.chance(0.3) ? "ttl: 1s" : "durable: true") + (r.chance(0.3) ? ", maxLength: 20" : "");
        String producer = "{acks: " + new String[] {"0", "1", "all"}[r.nextInt(3)] + ", idempotent: " + r.chance(0.5)
                + (r.chance(0.5) ? ", retry: {maxAttempts: 3, backoff: fixed, initial: 100ms}" : "") + "}";
        String yaml =
                """
                eventflow: 1
                name: random
                brokers: [%s]
                messages: [{id: M, sizeBytes: 200}]
                channels:
                  - {id: orders, broker: b, messages: [M], %s}
                  - {id: dlq, broker: b, messages: [M]}
                  - {id: out, broker: b, messages: [M]}
                services:
                  - id: p
                    instances: %d
                    publishes: [{channel: orders, message: M, rate: %d/s, arrival: poisson, key: k, keys: uniform(50)}]
                    producer: %s
                  - id: c
                    instances: %d
                    subscribes: [%s]
                    publishes: [{channel: out, message: M, per: processed}]
                  - id: d
                    subscribes: [{channel: out, group: d, processing: 1ms}]
                """
                        .formatted(broker, chan, 1 + r.nextInt(2), rate, producer, instances, sub);
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
            as.add("{at: " + t(r) + ", kind: rate, target: p, channel: orders, rate: " + (10 + r.nextInt(300)) + "/s}");
        }
        if (withReplay && kafka && r.chance(0.5)) {
            as.add("{at: " + t(r) + ", kind: replay, group: g, channel: orders, to: earliest}");
        }
        actions = String.join(", ", as);
        // drawn last, so that the designs drawn before these were added stay the same
        if (kafka && r.chance(0.5)) {
            yaml = yaml.replace("group: d, processing: 1ms", "group: d, processing: 1ms, isolation: read_committed");
        }
        if (kafka && r.chance(0.3)) {
            yaml = yaml.replaceFirst("prefetch: \\d+, ", ""); // max.poll.records 500
        }
        if (kafka && r.chance(0.5)) {
            yaml = yaml.replace("{channel: orders, group: g, ", "{channel: orders, group: g, startFrom: earliest, ");
        }
        design = yaml;
    }

    private static String t(SplitMix64 r) {
        return (r.nextInt(4000) / 1000.0) + "s";
    }

    private String fault(SplitMix64 r, int instances) {
        String at = t(r);
        String dur = (50 + r.nextInt(1500)) + "ms";
        switch (r.nextInt(11)) {
            case 0:
                return "{at: " + at + ", kind: crash, target: c, instance: " + r.nextInt(instances)
                        + (r.chance(0.7) ? ", restartAfter: " + dur : "") + "}";
            case 1:
                return "{at: " + at + ", kind: broker-crash, target: b, node: " + (kafka ? r.nextInt(3) : 0)
                        + ", restartAfter: " + dur + "}";
            case 2:
                return "{at: " + at + ", kind: partition, between: [" + (r.chance(0.5) ? "p" : "c") + ", b], for: "
                        + dur + "}";
            case 3:
                return "{at: " + at + ", kind: latency, link: [b, c], delay: " + r.nextInt(100)
                        + "ms, jitter: 5ms, for: " + dur + "}";
            case 4:
                return "{at: " + at + ", kind: drop, link: [" + (r.chance(0.5) ? "p, b" : "b, c") + "], percent: "
                        + r.nextInt(60) + ", for: " + dur + "}";
            case 5:
                return "{at: " + at + ", kind: duplicate, link: [" + (r.chance(0.5) ? "p, b" : "b, c") + "], percent: "
                        + r.nextInt(60) + ", for: " + dur + "}";
            case 6:
                return "{at: " + at + ", kind: reorder, link: [p, b], percent: " + r.nextInt(60) + ", for: " + dur
                        + "}";
            case 7:
                return "{at: " + at + ", kind: slow, target: c, factor: " + (1 + r.nextInt(5)) + ", for: " + dur + "}";
            case 8:
                return "{at: " + at + ", kind: poison, target: orders, percent: " + r.nextInt(30) + ", for: " + dur
                        + "}";
            case 9:
                return "{at: " + at + ", kind: retention, target: orders, maxBytes: " + (1 + r.nextInt(20))
                        + "KiB, for: " + dur + "}";
            default:
                return "{at: " + at + ", kind: bandwidth, link: [p, b], bytesPerSecond: " + (2000 + r.nextInt(40000))
                        + ", for: " + dur + "}";
        }
    }

    Runs run() throws Exception {
        return Runs.run(design, "5s", faults, actions);
    }

    @Override
    public String toString() {
        return design + "\nfaults: [" + faults + "]\nactions: [" + actions + "]";
    }
}
