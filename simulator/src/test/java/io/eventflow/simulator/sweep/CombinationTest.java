package io.eventflow.simulator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.KafkaTopic;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinationTest {
    private final Design tiny = TinyDesign.design();

    @Test
    void everyCombinationWithTheLastSettingChangingFastest() {
        List<Variation> vs =
                List.of(Variation.parse("worker.instances=1..3", tiny), Variation.parse("jobs.partitions=4,8", tiny));
        List<Combination> all = Combination.expand(vs);
        assertThat(all).hasSize(6); // 3 x 2
        assertThat(all.stream().map(c -> c.label(vs)))
                .containsExactly(
                        "worker.instances=1, jobs.partitions=4",
                        "worker.instances=1, jobs.partitions=8",
                        "worker.instances=2, jobs.partitions=4",
                        "worker.instances=2, jobs.partitions=8",
                        "worker.instances=3, jobs.partitions=4",
                        "worker.instances=3, jobs.partitions=8");
        assertThat(all).extracting(Combination::index).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void noVariationIsTheDesignAsItIs() {
        List<Combination> all = Combination.expand(List.of());
        assertThat(all).hasSize(1);
        assertThat(all.get(0).label(List.of())).isEqualTo("(design as is)");
        assertThat(all.get(0).apply(tiny, List.of())).isSameAs(tiny);
    }

    @Test
    void applyingIsATypedEditOfTheDesign() {
        List<Variation> vs = List.of(
                Variation.parse("worker.instances=5", tiny),
                Variation.parse("jobs.partitions=12", tiny),
                Variation.parse("source.rate=2000/s", tiny),
                Variation.parse("worker.processing=2ms", tiny),
                Variation.parse("worker.concurrency=3", tiny),
                Variation.parse("kafka.nodes=3", tiny));
        Design d = Combination.expand(vs).get(0).apply(tiny, vs);
        assertThat(d.service("worker").orElseThrow().instances()).isEqualTo(5);
        assertThat(KafkaTopic.of(d.channel("jobs").orElseThrow()).partitions()).isEqualTo(12);
        assertThat(d.service("source").orElseThrow().publishes().get(0).rate().perSecond())
                .isEqualTo(2000.0);
        assertThat(d.service("source").orElseThrow().publishes().get(0).rate().text())
                .isEqualTo("2000/s");
        var sub = d.service("worker").orElseThrow().subscribes().get(0);
        assertThat(sub.processing().mean().nanos()).isEqualTo(2_000_000L);
        assertThat(sub.concurrency()).isEqualTo(3);
        assertThat(d.broker("kafka").orElseThrow().nodes()).isEqualTo(3);
        // the original is untouched
        assertThat(tiny.service("worker").orElseThrow().instances()).isEqualTo(1);
        assertThat(Setting.INSTANCES.current(tiny, new ElementRef("worker", null)))
                .isEqualTo("1");
    }

    @Test
    void tooManyCombinationsAreRefused() {
        List<Variation> vs = List.of(
                Variation.parse("worker.instances=1..10000", tiny), Variation.parse("jobs.partitions=1..10000", tiny));
        assertThatThrownBy(() -> Combination.expand(vs)).hasMessageContaining("combinations of settings");
    }
}
