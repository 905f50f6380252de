package io.eventflow.simulator.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.simulator.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Random MQTT designs and fault schedules: conservation, determinism, QoS 2 without duplicates. */
class MqttProperties {
    /** A random MQTT design and scenario derived from one number. */
    record Random(String design, String faults, String actions) {
        static Random of(long seed, boolean qos2NoRetain) {
            SplitMix64 r = new SplitMix64(seed);
            int pubQos = qos2NoRetain ? 2 : r.nextInt(3);
            int subQos = qos2NoRetain ? 2 : r.nextInt(3);
            boolean retained = !qos2NoRetain && r.chance(0.4);
            String expiry = new String[] {"", ", sessionExpiry: 300ms", ", sessionExpiry: 1h"}[r.nextInt(3)];
            String delivery = new String[] {"at-most-once", "at-least-once", "exactly-once"}[r.nextInt(3)];
            int instances = 1 + r.nextInt(3);
            String sub = "{channel: t, group: g, qos: " + subQos + expiry + ", delivery: " + delivery
                    + ", processing: {distribution: exponential, mean: " + (1 + r.nextInt(30)) + "ms}, concurrency: "
                    + (1 + r.nextInt(3)) + (r.chance(0.5) ? ", receiveMaximum: " + (1 + r.nextInt(4)) : "")
                    + (r.chance(0.3) ? ", retry: {maxAttempts: 2, backoff: fixed, initial: 20ms}, deadLetter: dlq" : "")
                    + "}";
            String design =
                    """
                    eventflow: 1
                    name: random-mqtt
                    brokers: [{id: b, kind: mqtt}]
                    messages: [{id: M, sizeBytes: 200}]
                    channels:
                      - {id: t, broker: b, messages: [M], qos: %d, retained: %s}
                      - {id: dlq, broker: b, messages: [M], qos: 1}
                      - {id: status, broker: b, messages: [M], qos: 1}
                    services:
                      - id: p
                        publishes:
                          - {channel: t, message: M, rate: %d/s, arrival: poisson}
                          - {channel: status, message: M, will: true}
                        producer: {retry: {maxAttempts: 3, backoff: fixed, initial: 100ms}}
                      - id: c
                        instances: %d
                        subscribes: [%s]
                      - id: d
                        subscribes: [{channel: status, group: d, qos: 1}, {channel: dlq, group: d, qos: 1}]
                    """
                            .formatted(pubQos, retained, 20 + r.nextInt(150), instances, sub);
            List<String> fs = new ArrayList<>();
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                fs.add(fault(r, instances, qos2NoRetain));
            }
            String actions =
                    r.chance(0.3) ? "{at: " + t(r) + ", kind: scale, target: c, instances: " + r.nextInt(4) + "}" : "";
            return new Random(design, String.join(", ", fs), actions);
        }

        private static String t(SplitMix64 r) {
            return (r.nextInt(4000) / 1000.0) + "s";
        }

        private static String fault(SplitMix64 r, int instances, boolean noDuplicates) {
            String at = t(r);
            String dur = (50 + r.nextInt(1500)) + "ms";
            switch (r.nextInt(noDuplicates ? 6 : 7)) {
                case 0:
                    return "{at: " + at + ", kind: crash, target: " + (r.chance(0.7) ? "c" : "p") + ", instance: 0"
                            + (r.chance(0.7) ? ", restartAfter: " + dur : "") + "}";
                case 1:
                    return "{at: " + at + ", kind: broker-crash, target: b, node: 0, restartAfter: " + dur + "}";
                case 2:
                    return "{at: " + at + ", kind: partition, between: [" + (r.chance(0.5) ? "p" : "c") + ", b], for: "
                            + dur + "}";
                case 3:
                    return "{at: " + at + ", kind: latency, link: [b, c], delay: " + r.nextInt(100) + "ms, for: " + dur
                            + "}";
                case 4:
                    return "{at: " + at + ", kind: slow, target: c, factor: " + (1 + r.nextInt(5)) + ", for: " + dur
                            + "}";
                case 5:
                    return "{at: " + at + ", kind: poison, target: t, percent: " + r.nextInt(30) + ", for: " + dur
                            + "}";
                default:
                    return "{at: " + at + ", kind: duplicate, link: [b, c], percent: " + r.nextInt(60) + ", for: " + dur
                            + "}";
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

    @Property(tries = 40)
    void conservationAlwaysHolds(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) throws Exception {
        Random rr = Random.of(seed, false);
        Runs r = rr.run(); // throws when an invariant fails
        assertThat(r.report.invariants().get("conservation")).as(rr.toString()).isTrue();
    }

    @Property(tries = 25)
    void qos2WithoutRetainedMessagesNeverDuplicates(@ForAll @LongRange(min = 0, max = 1_000_000) long seed)
            throws Exception {
        Random rr = Random.of(seed, true);
        Runs r = rr.run();
        assertThat(r.group("g").duplicates()).as(rr.toString()).isZero();
    }

    @Property(tries = 15)
    void sameSeedSameTrace(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) throws Exception {
        Random rr = Random.of(seed, false);
        assertThat(rr.run().trace).isEqualTo(rr.run().trace);
    }
}
