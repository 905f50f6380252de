package io.eventflow.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.Design;
import io.eventflow.model.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load, save, load keeps everything, including {@code x-} keys on every map of the file. */
class ExtensionsRoundTripTest {
    static final String DESIGN =
            """
            eventflow: 1
            name: Extensions everywhere
            version: "2.0"
            x-root: {owner: platform, tags: [a, b]}
            brokers:
              - {id: k, kind: kafka, nodes: 3, x-broker: 1}
              - {id: r, kind: amqp, x-broker: {nested: [1, 2.5, true, null]}}
            messages:
              - id: M
                payload: {title: M, type: object, x-schema-ext: kept}
                headers: {type: object}
                correlationId: header:correlationId
                sizeBytes: 2KiB
                signed: true
                examples: [{payload: {a: 1}}]
                x-message: "007"
            channels:
              - id: c
                broker: k
                address: c.v1
                messages: [M]
                partitions: 3
                retention: 1.50d
                retentionBytes: "007"
                cleanupPolicy: delete
                x-channel: [x]
              - id: q
                broker: r
                address: q.v1
                messages: [M]
                exchange: ex
                exchangeType: topic
                bindings: ["#"]
                ttl: 90s
                maxLength: 10
                overflow: reject-publish
                deadLetter: q-dlq
              - {id: q-dlq, broker: r, address: q.dlq, messages: [M]}
              - {id: replies, broker: k, address: replies.v1, messages: [M]}
            services:
              - id: s
                instances: 2
                x-service: yes please
                publishes:
                  - channel: c
                    message: M
                    rate: 12000/min
                    arrival: {kind: bursts, on: 2s, off: 8s, x-arrival: 1}
                    key: id
                    keys: uniform(100)
                    x-publication: 1
                producer:
                  acks: all
                  idempotent: true
                  x-producer: 1
                  retry: {maxAttempts: 5, backoff: exponential, initial: 100ms, multiplier: 1.5, jitter: full, x-retry: 1}
                requests:
                  - channel: q
                    message: M
                    replyChannel: replies
                    replyMessage: M
                    rate: 1/s
                    timeout: 2s
                    x-request: 1
                    retry: {maxAttempts: 2, x-retry: 2}
              - id: t
                subscribes:
                  - channel: c
                    group: g
                    startFrom: earliest
                    processing: {distribution: normal, mean: 4ms, stddev: 1ms, x-processing: 1}
                    concurrency: 2
                    prefetch: 10
                    delivery: exactly-once
                    mechanism: transactional
                    commit: {mode: after-processing, interval: 1s, x-commit: 1}
                    retry: {maxAttempts: 3, x-retry: 3}
                    deadLetter: q-dlq
                    maxDowntime: 30min
                    x-subscription: 1
                  - channel: q
                    processing: 2ms
                    reply: {channel: replies, message: M, x-reply: 1}
                  - {channel: q-dlq, delivery: at-most-once}
                  - {channel: replies, delivery: at-most-once}
            layout:
              s: {x: 10, y: 20.5, x-collapsed: true}
              c: {x: 270, y: 20}
            notes:
              s: "Note: with a colon"
            lint:
              rules: {EF001: off, EF005: info}
              maxMessageSize: 1MiB
              addressPattern: "^[a-z.]+$"
              expectedDowntime: 2h
              x-lint: 1
            """;

    @TempDir
    Path dir;

    @Test
    void loadSaveLoadKeepsEveryExtension() throws Exception {
        Path file = Files.writeString(dir.resolve("ext.eventflow.yaml"), DESIGN);
        DesignFiles.Loaded loaded = DesignFiles.load(file);
        assertThat(loaded.problems().stream().filter(Problem::isError)).isEmpty();
        Design first = loaded.design();

        Path copy = dir.resolve("copy.eventflow.yaml");
        DesignFiles.save(first, copy);
        Design second = DesignFiles.open(copy);
        assertThat(second).isEqualTo(first);

        JsonNode original = SourceTree.parse("a", DESIGN).root();
        JsonNode saved = SourceTree.read(copy).root();
        assertThat(extensionPaths(saved, "")).containsExactlyInAnyOrderElementsOf(extensionPaths(original, ""));
        assertThat(saved.at("/x-root")).isEqualTo(original.at("/x-root"));
        assertThat(saved.at("/brokers/1/x-broker")).isEqualTo(original.at("/brokers/1/x-broker"));
        assertThat(saved.at("/messages/0/payload")).isEqualTo(original.at("/messages/0/payload"));
        assertThat(saved.at("/messages/0/x-message").asText()).isEqualTo("007");
    }

    @Test
    void notationsAndLevelsAreWrittenAsTyped() throws Exception {
        Design design = DesignFiles.parse("ext.eventflow.yaml", DESIGN).design();
        String yaml = DesignWriter.toYaml(design);
        assertThat(yaml)
                .contains("retention: 1.50d")
                .contains("retentionBytes: \"007\"")
                .contains("rate: 12000/min")
                .contains("EF001: \"off\"")
                .contains("sizeBytes: 2KiB");
        assertThat(DesignFiles.parse("again", yaml).design()).isEqualTo(design);
    }

    @Test
    void savingTwiceGivesTheSameBytes() throws Exception {
        Design design = DesignFiles.parse("ext.eventflow.yaml", DESIGN).design();
        Path a = dir.resolve("a.eventflow.yaml");
        Path b = dir.resolve("b.eventflow.yaml");
        DesignFiles.save(design, a);
        DesignFiles.save(DesignFiles.open(a), b);
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /** Pointers of every {@code x-} key in the tree. */
    private static List<String> extensionPaths(JsonNode node, String pointer) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String p = pointer + "/" + e.getKey();
                if (e.getKey().startsWith("x-")) {
                    out.add(p);
                }
                out.addAll(extensionPaths(e.getValue(), p));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(extensionPaths(node.get(i), pointer + "/" + i));
            }
        }
        return out;
    }
}
