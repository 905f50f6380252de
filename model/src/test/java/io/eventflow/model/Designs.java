package io.eventflow.model;

import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.io.InputException;

/** Small designs for tests, and helpers to vary them. */
public final class Designs {
    /** A valid design that no lint rule finds anything in. */
    public static final String CLEAN =
            """
            eventflow: 1
            name: Lint base
            brokers:
              - {id: kafka, kind: kafka, nodes: 3}
              - {id: rabbit, kind: amqp}
            messages:
              - id: A
                payload: {title: A, type: object}
                correlationId: header:correlationId
                sizeBytes: 1KiB
              - id: B
                payload: {title: B, type: object}
                correlationId: header:correlationId
            channels:
              - {id: a, broker: kafka, address: a.v1, messages: [A], partitions: 3}
              - {id: a-dlq, broker: kafka, address: a.dlq, messages: [A]}
              - {id: b, broker: rabbit, address: b.v1, messages: [B], ttl: 2d, deadLetter: b-dlq}
              - {id: b-dlq, broker: rabbit, address: b.dlq, messages: [B]}
            services:
              - id: p
                publishes:
                  - {channel: a, message: A, rate: 10/s}
                  - {channel: b, message: B, rate: 1/s}
              - id: c
                instances: 3
                subscribes:
                  - {channel: a, group: c, deadLetter: a-dlq, dedupWindow: 1h}
                  - {channel: b, dedupWindow: 1h}
              - id: ops
                subscribes:
                  - {channel: a-dlq, delivery: at-most-once}
                  - {channel: b-dlq, delivery: at-most-once}
            """;

    public static final String FILE = "test.eventflow.yaml";

    private Designs() {}

    /** Parses design text, failing the test if it is not even YAML. */
    public static DesignFiles.Loaded load(String yaml) {
        try {
            return DesignFiles.parse(FILE, yaml);
        } catch (InputException e) {
            throw new AssertionError("not readable: " + e.getMessage(), e);
        }
    }

    /** {@code text} with {@code from} replaced by {@code to}; fails when {@code from} is not there (a stale test). */
    public static String edit(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new AssertionError("the test design has no '" + from + "'");
        }
        return text.replace(from, to);
    }

    /** The 1-based line of the first occurrence of {@code needle}. */
    public static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            throw new AssertionError("no '" + needle + "' in the text");
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
