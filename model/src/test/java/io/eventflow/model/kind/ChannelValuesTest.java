package io.eventflow.model.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.TestFiles;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Partitioner;
import io.eventflow.model.io.DesignFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A kind's channel settings as typed values by key ({@link KindProfile#channelValues}) read back the same. */
class ChannelValuesTest {
    @Test
    void everySampleChannelsSettingsReadBackFromTheirValues() throws Exception {
        int parts = 0;
        try (Stream<Path> files = Files.list(TestFiles.repo().resolve("assets/samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".eventflow.yaml"))
                    .sorted()
                    .toList()) {
                Design d = DesignFiles.parse(f.toString(), Files.readString(f)).design();
                for (Channel c : d.channels()) {
                    for (BrokerKind kind : BrokerKind.values()) {
                        KindProfile p = KindProfiles.of(kind);
                        Map<String, Object> values = p.channelValues(c);
                        parts += values.isEmpty() ? 0 : 1;
                        assertThat(p.withChannelValues(c, values))
                                .as(f + " " + c.id() + " " + kind)
                                .isEqualTo(c);
                    }
                }
            }
        }
        assertThat(parts).as("sample channels with settings").isGreaterThan(10);
    }

    @Test
    void oneValueChangesOnlyItsKey() {
        KindProfile p = ownerOf("partitions");
        assertThat(p.kind()).isNotEqualTo(BrokerKind.OTHER);
        Channel c = p.withChannelValues(
                new Channel("t", "b", null, List.of()),
                Map.of("partitions", 3, "replicationFactor", 2, "partitioner", Partitioner.ROUND_ROBIN));
        Map<String, Object> values = new LinkedHashMap<>(p.channelValues(c));
        assertThat(values).containsEntry("partitions", 3).containsEntry("replicationFactor", 2);
        values.put("partitions", 8);
        Channel changed = p.withChannelValues(c, values);
        assertThat(p.channelValues(changed))
                .containsEntry("partitions", 8)
                .containsEntry("replicationFactor", 2)
                .containsEntry("partitioner", Partitioner.ROUND_ROBIN);
        assertThat(changed.settings().partitionCount()).isEqualTo(8);
    }

    @Test
    void aValueOfTheWrongTypeIsLeftOut() {
        KindProfile p = ownerOf("partitions");
        Channel c = p.withChannelValues(new Channel("t", "b", null, List.of()), Map.of("partitions", "three"));
        assertThat(p.channelValues(c)).doesNotContainKey("partitions");
        assertThat(p.readsChannelKey("partitions", "three")).isFalse();
    }

    private static KindProfile ownerOf(String key) {
        for (BrokerKind kind : BrokerKind.values()) {
            if (KindProfiles.of(kind).readsChannelKey(key, 1)) {
                return KindProfiles.of(kind);
            }
        }
        throw new AssertionError("no kind reads " + key);
    }
}
