package io.eventflow.simulator.semantics;

/** Inline Redis Streams designs for {@link RedisKnownAnswerTest} (run with {@link Runs#run}). */
final class RedisRuns {
    /**
     * One producer 'p' at 10/s constant (t = 0.1 s, 0.2 s, ...) → stream 'orders' → group 'c' of {@code instances}
     * consumers, 10 ms per entry. {@code %s} slots: stream settings, broker settings, subscription settings.
     */
    static final String DESIGN =
            """
            eventflow: 1
            name: rs
            brokers: [{id: redis, kind: redis%s}]
            messages: [{id: M, sizeBytes: 1024}]
            channels:
              - {id: orders, broker: redis, messages: [M]%s}
              - {id: dlq, broker: redis, messages: [M]}
            services:
              - id: p
                publishes: [{channel: orders, message: M, rate: 10/s, arrival: constant}]
                producer: {acks: all}
              - id: c
                instances: %d
                subscribes:
                  - {channel: orders, group: c, processing: %s, %s}
            """;

    private RedisRuns() {}

    static String redis(String stream, int instances, String sub) {
        return redis("", stream, instances, "10ms", sub);
    }

    static String redis(String broker, String stream, int instances, String processing, String sub) {
        return DESIGN.formatted(broker, stream, instances, processing, sub);
    }
}
