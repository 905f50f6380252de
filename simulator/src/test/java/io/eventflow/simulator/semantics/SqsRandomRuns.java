package io.eventflow.simulator.semantics;

import io.eventflow.simulator.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/** Random SQS/SNS designs and fault schedules for the property tests, derived from one number. */
final class SqsRandomRuns {
    final String design;
    final String faults;
    final String actions;

    SqsRandomRuns(long seed, String guarantee) {
        SplitMix64 r = new SplitMix64(seed);
        boolean viaTopic = r.chance(0.5);
        int instances = 1 + r.nextInt(3);
        String mech = guarantee.equals("exactly-once")
                ? (r.chance(0.5) ? ", mechanism: dedup" : ", mechanism: transactional")
                : "";
        String queue = "visibilityTimeout: " + (100 + r.nextInt(1500)) + "ms"
                + (r.chance(0.5) ? ", maxReceiveCount: " + (1 + r.nextInt(4)) : "")
                + (r.chance(0.6) ? ", deadLetter: dlq" : "")
                + (r.chance(0.5) ? ", receiveWait: 20s" : "")
                + (r.chance(0.4) ? ", fifo: true" : "")
                + (viaTopic ? ", snsTopics: [topic]" : "");
        String sub = "{channel: orders, group: g, processing: {distribution: exponential, mean: "
                + (1 + r.nextInt(r.chance(0.3) ? 800 : 30)) + "ms}, concurrency: " + (1 + r.nextInt(3))
                + ", delivery: " + guarantee + mech + ", x-pollInterval: " + (20 + r.nextInt(500)) + "ms"
                + (r.chance(0.3) ? ", retry: {maxAttempts: 3, backoff: fixed, initial: 50ms}" : "") + "}";
        String producer = "{retry: {maxAttempts: " + (1 + r.nextInt(3)) + ", backoff: fixed, initial: 100ms}}";
        design =
                """
                eventflow: 1
                name: random-sqs
                brokers: [{id: b, kind: sqs}]
                messages: [{id: M, sizeBytes: 200}]
                channels:
                  - {id: topic, broker: b, messages: [M], snsTopic: true}
                  - {id: orders, broker: b, messages: [M], %s}
                  - {id: other, broker: b, messages: [M], snsTopics: [topic], receiveWait: 5s}
                  - {id: dlq, broker: b, messages: [M]}
                  - {id: out, broker: b, messages: [M]}
                services:
                  - id: p
                    instances: %d
                    publishes: [{channel: %s, message: M, rate: %d/s, arrival: poisson, key: k, keys: uniform(%d)}]
                    producer: %s
                  - id: c
                    instances: %d
                    subscribes: [%s]
                    publishes: [{channel: out, message: M, per: processed}]
                  - id: d
                    subscribes: [{channel: out, group: d, processing: 1ms}, {channel: other, group: o, processing: 2ms}]
                """
                        .formatted(
                                queue,
                                1 + r.nextInt(2),
                                viaTopic ? "topic" : "orders",
                                20 + r.nextInt(150),
                                1 + r.nextInt(20),
                                producer,
                                instances,
                                sub);
        List<String> fs = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            fs.add(fault(r, instances, viaTopic));
        }
        faults = String.join(", ", fs);
        List<String> as = new ArrayList<>();
        if (r.chance(0.3)) {
            as.add("{at: " + t(r) + ", kind: scale, target: c, instances: " + (1 + r.nextInt(4)) + "}");
        }
        if (r.chance(0.3)) {
            as.add("{at: " + t(r) + ", kind: redrive, from: dlq, to: orders}");
        }
        actions = String.join(", ", as);
    }

    private static String t(SplitMix64 r) {
        return (r.nextInt(4000) / 1000.0) + "s";
    }

    private static String fault(SplitMix64 r, int instances, boolean viaTopic) {
        String at = t(r);
        String dur = (50 + r.nextInt(1500)) + "ms";
        return switch (r.nextInt(8)) {
            case 0 -> "{at: " + at + ", kind: crash, target: c, instance: " + r.nextInt(instances)
                    + (r.chance(0.7) ? ", restartAfter: " + dur : "") + "}";
            case 1 -> "{at: " + at + ", kind: partition, between: [" + (r.chance(0.5) ? "p" : "c") + ", b], for: " + dur
                    + "}";
            case 2 -> "{at: " + at + ", kind: latency, link: [b, c], delay: " + r.nextInt(300)
                    + "ms, jitter: 5ms, for: " + dur + "}";
            case 3 -> "{at: " + at + ", kind: drop, link: [" + (r.chance(0.5) ? "p, b" : "b, c") + "], percent: "
                    + r.nextInt(60) + ", for: " + dur + "}";
            case 4 -> "{at: " + at + ", kind: duplicate, link: [" + (r.chance(0.5) ? "p, b" : "b, c") + "], percent: "
                    + r.nextInt(60) + ", for: " + dur + "}";
            case 5 -> "{at: " + at + ", kind: reorder, link: [p, b], percent: " + r.nextInt(60) + ", for: " + dur + "}";
            case 6 -> "{at: " + at + ", kind: slow, target: c, factor: " + (1 + r.nextInt(20)) + ", for: " + dur + "}";
            default -> "{at: " + at + ", kind: poison, target: " + (viaTopic && r.chance(0.5) ? "topic" : "orders")
                    + ", percent: " + r.nextInt(30) + ", for: " + dur + "}";
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
