package io.eventflow.simulator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.design.Design;
import io.eventflow.simulator.sweep.Setting.Kind;
import io.eventflow.simulator.sweep.Setting.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariationTest {
    private final Design tiny = TinyDesign.design();

    private static List<String> texts(List<Value> vs) {
        return vs.stream().map(Value::text).toList();
    }

    @Test
    void countRangesStepByOneUnlessTold() {
        assertThat(texts(Variation.parseValues("1..8", Kind.COUNT)))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        // 1, 1+3, 1+6, 1+9 = 10 would pass 9: stops at 7
        assertThat(texts(Variation.parseValues("1..9 step 3", Kind.COUNT))).containsExactly("1", "4", "7");
    }

    @Test
    void listsAndRangesMixSortedWithoutRepeats() {
        assertThat(texts(Variation.parseValues("12, 3,6,3", Kind.COUNT))).containsExactly("3", "6", "12");
        assertThat(texts(Variation.parseValues("1..3,16,2", Kind.COUNT))).containsExactly("1", "2", "3", "16");
    }

    @Test
    void rateRangesKeepTheirUnit() {
        List<Value> vs = Variation.parseValues("1000/s..5000/s step 1000/s", Kind.RATE);
        assertThat(texts(vs)).containsExactly("1000/s", "2000/s", "3000/s", "4000/s", "5000/s");
        assertThat(vs.get(2).number()).isEqualTo(3000.0);
        // 60000/min = 1000/s; step 30000/min = 500/s
        List<Value> perMinute = Variation.parseValues("60000/min..120000/min step 30000/min", Kind.RATE);
        assertThat(texts(perMinute)).containsExactly("60000/min", "90000/min", "120000/min");
        assertThat(perMinute.get(1).number()).isEqualTo(1500.0);
    }

    @Test
    void timeRangesNeedAStep() {
        List<Value> vs = Variation.parseValues("2ms..6ms step 2ms", Kind.TIME);
        assertThat(vs).extracting(Value::number).containsExactly(2e6, 4e6, 6e6);
        assertThatThrownBy(() -> Variation.parseValues("2ms..6ms", Kind.TIME))
                .hasMessageContaining("needs a step, e.g. 2ms..10ms step 2ms");
        assertThatThrownBy(() -> Variation.parseValues("1000/s..2000/s", Kind.RATE))
                .hasMessageContaining("needs a step, e.g. 1000/s..5000/s step 1000/s");
    }

    @Test
    void badValuesAreRefusedSayingWhy() {
        assertThatThrownBy(() -> Variation.parseValues("8..1", Kind.COUNT))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> Variation.parseValues("0..3", Kind.COUNT))
                .hasMessageContaining("'0' is not a count from 1 to 1000000");
        assertThatThrownBy(() -> Variation.parseValues("two", Kind.COUNT)).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> Variation.parseValues("1,,2", Kind.COUNT)).hasMessageContaining("an empty value");
        assertThatThrownBy(() -> Variation.parseValues("1ms..2ms step 0ms", Kind.TIME))
                .hasMessageContaining("must be more than 0");
        assertThatThrownBy(() -> Variation.parseValues("fast", Kind.RATE)).hasMessageContaining("is not a rate");
        assertThatThrownBy(() -> Variation.parseValues("1..1000000", Kind.COUNT))
                .hasMessageContaining("at most");
    }

    @Test
    void parsesElementSettingAndValuesAgainstTheDesign() {
        Variation v = Variation.parse("worker.instances=1..3", tiny);
        assertThat(v.name()).isEqualTo("worker.instances");
        assertThat(v.setting()).isEqualTo(Setting.INSTANCES);
        assertThat(v.texts()).containsExactly("1", "2", "3");
        Variation rate = Variation.parse("source.rate=500/s,1000/s", tiny);
        assertThat(rate.ref()).isEqualTo(new ElementRef("source", "jobs"));
        assertThat(Variation.parse("jobs.partitions=3,6,12", tiny).ref()).isEqualTo(new ElementRef("jobs", null));
    }

    @Test
    void unknownElementSettingOrValueSaysWhatIsMeant() {
        assertThatThrownBy(() -> Variation.parse("wroker.instances=1..3", tiny))
                .isInstanceOf(SweepException.class)
                .hasMessage("'instances' is a setting of a service, and there is no service 'wroker': did you mean"
                        + " 'worker'?");
        assertThatThrownBy(() -> Variation.parse("worker.instanses=1..3", tiny))
                .hasMessageStartingWith("'instanses' is not a setting a sweep can vary: did you mean 'instances'?");
        assertThatThrownBy(() -> Variation.parse("worker.partitions=1..3", tiny))
                .hasMessageContaining("no channel 'worker'");
        assertThatThrownBy(() -> Variation.parse("worker.instances=1..x", tiny))
                .hasMessage("worker.instances: 'x' is not a whole number");
        assertThatThrownBy(() -> Variation.parse("worker.instances", tiny))
                .hasMessageContaining("is not ELEMENT.SETTING=VALUES");
        assertThatThrownBy(() -> Variation.parse("worker.rate=1/s", tiny))
                .hasMessage("'worker' publishes at a rate on no channel, so it has no 'rate'");
        assertThatThrownBy(() -> Variation.parse("worker@job.concurrency=1", tiny))
                .hasMessage("'worker' subscribes to no channel 'job': did you mean 'jobs'?");
    }
}
