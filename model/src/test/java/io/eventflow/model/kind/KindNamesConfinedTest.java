package io.eventflow.model.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.TestFiles;
import io.eventflow.model.design.BrokerKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the target "the code about a broker kind lives in that kind's files": outside the files of a kind, the kind's
 * name does not appear in the main sources of {@code model}, {@code simulator}, {@code live} and {@code app}.
 *
 * <p>A file belongs to a kind when its name contains one of the kind's words ({@code KafkaProfile.java}, {@code
 * SqsQueue.java}, {@code RedisBroker.java}, {@code SnsTopic.java}) or it is in a package named by one of them (the
 * live connectors' {@code io.eventflow.live.redis}). The words (case-insensitive): kafka; amqp, rabbit;
 * mqtt; sqs, sns; redis; postgres; jms, activemq. Always allowed: the enum {@code BrokerKind} and the registries
 * that list every kind's files ({@code KindSettings}' permits, {@code KindProfiles}, the simulator's {@code
 * BrokerKinds}, the inspector's {@code KindForms}, the canvas's {@code KindLooks}).
 * Everything else that still names a kind is on {@code kind-names-allowed.txt} ({@code file kind} per line), a list
 * that may only shrink: an entry that no longer names its kind fails this test until it is removed.
 */
class KindNamesConfinedTest {
    static final Map<BrokerKind, List<String>> WORDS = new EnumMap<>(BrokerKind.class);

    static {
        WORDS.put(BrokerKind.KAFKA, List.of("kafka"));
        WORDS.put(BrokerKind.AMQP, List.of("amqp", "rabbit"));
        WORDS.put(BrokerKind.MQTT, List.of("mqtt"));
        WORDS.put(BrokerKind.SQS, List.of("sqs", "sns"));
        WORDS.put(BrokerKind.REDIS, List.of("redis"));
        WORDS.put(BrokerKind.POSTGRES, List.of("postgres"));
        WORDS.put(BrokerKind.JMS, List.of("jms", "activemq"));
    }

    /** Files that may name every kind. */
    static final Set<String> EVERY_KIND = Set.of(
            "model/src/main/java/io/eventflow/model/design/BrokerKind.java",
            "model/src/main/java/io/eventflow/model/design/KindSettings.java",
            "model/src/main/java/io/eventflow/model/kind/KindProfiles.java",
            "simulator/src/main/java/io/eventflow/simulator/broker/BrokerKinds.java",
            "app/src/main/java/io/eventflow/app/inspector/KindForms.java",
            "app/src/main/java/io/eventflow/app/canvas/KindLooks.java");

    static final List<String> MODULES = List.of("model", "simulator", "live", "app");

    @Test
    void kindNamesStayInTheirKindsFiles() throws IOException {
        Set<String> found = violations();
        Set<String> allowed = allowList();
        Set<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(allowed);
        Set<String> stale = new TreeSet<>(allowed);
        stale.removeAll(found);
        assertThat(unexpected)
                .as("files naming a broker kind they do not belong to: move that code to the kind's files"
                        + " (KindProfile, the kind's settings record, its runtime, its form)")
                .isEmpty();
        assertThat(stale)
                .as("entries of kind-names-allowed.txt that no longer name their kind: remove them")
                .isEmpty();
    }

    @Test
    void everyKindHasItsProfile() {
        for (BrokerKind kind : BrokerKind.values()) {
            assertThat(KindProfiles.of(kind).kind()).isEqualTo(kind);
        }
    }

    static Set<String> violations() throws IOException {
        Path repo = TestFiles.repo();
        Set<String> out = new TreeSet<>();
        for (String module : MODULES) {
            Path main = repo.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file :
                        files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String rel = repo.relativize(file).toString().replace('\\', '/');
                    if (EVERY_KIND.contains(rel)) {
                        continue;
                    }
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    List<String> packages = new ArrayList<>();
                    main.relativize(file.getParent()).forEach(d -> packages.add(d.toString()));
                    String text = Files.readString(file).toLowerCase(Locale.ROOT);
                    for (Map.Entry<BrokerKind, List<String>> e : WORDS.entrySet()) {
                        boolean own = e.getValue().stream().anyMatch(w -> name.contains(w) || packages.contains(w));
                        if (!own && e.getValue().stream().anyMatch(text::contains)) {
                            out.add(rel + " " + e.getKey().key());
                        }
                    }
                }
            }
        }
        return out;
    }

    static Set<String> allowList() throws IOException {
        Set<String> out = new TreeSet<>();
        try (InputStream in = KindNamesConfinedTest.class.getResourceAsStream("kind-names-allowed.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    /** Prints the current violations in the allow-list's format (for regenerating it after moving code). */
    public static void main(String[] args) throws IOException {
        List<String> lines = new ArrayList<>(violations());
        lines.forEach(System.out::println);
    }
}
