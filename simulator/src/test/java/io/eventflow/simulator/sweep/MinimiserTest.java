package io.eventflow.simulator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.design.Design;
import io.eventflow.simulator.sweep.SweepSpec.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimiserTest {
    private final Design tiny = TinyDesign.design();

    private SweepRunner runner(String goal, String... vary) {
        List<Variation> vs =
                java.util.Arrays.stream(vary).map(v -> Variation.parse(v, tiny)).toList();
        return new SweepRunner(
                new SweepSpec(tiny, null, vs, Seeds.parse("1..4"), 2_000_000_000L, null, Goal.parse(goal), 0.75), 2);
    }

    private static String value(Minimiser.Answer a) {
        return a.answer() == null
                ? null
                : a.answer().combination().values().get(0).text();
    }

    @Test
    void bisectionFindsWhatTryingEveryValueFinds() {
        String goal = "groups.worker.maxLag < 40";
        Minimiser.Result scan = Minimiser.minimise(
                runner(goal, "worker.instances=1..12"), "worker.instances", Minimiser.Search.SCAN, null);
        Minimiser.Result bisect = Minimiser.minimise(
                runner(goal, "worker.instances=1..12"), "worker.instances", Minimiser.Search.BISECTION, null);
        String brute = value(scan.answers().get(0));
        // 1000/s at 250/s per instance needs more than 4 instances
        assertThat(Integer.parseInt(brute)).isGreaterThan(4).isLessThan(12);
        assertThat(value(bisect.answers().get(0))).isEqualTo(brute);
        // bisection over 12 values: the top, then at most ceil(log2(13)) = 4 more
        assertThat(bisect.answers().get(0).tried()).hasSizeLessThanOrEqualTo(5);
        assertThat(scan.answers().get(0).tried()).hasSize(Integer.parseInt(brute));
        // the evidence: the value just below fails
        Minimiser.Answer a = bisect.answers().get(0);
        assertThat(a.below().combination().values().get(0).number()).isEqualTo(Integer.parseInt(brute) - 1);
        assertThat(bisect.sweep().meetsGoal(a.below())).isFalse();
        assertThat(bisect.sweep().meetsGoal(a.answer())).isTrue();
    }

    @Test
    void oneAnswerPerCombinationOfTheOtherSettings() {
        Minimiser.Result r = Minimiser.minimise(
                runner("groups.worker.maxLag < 40", "worker.instances=1..12", "source.rate=500/s,1000/s"),
                "worker.instances",
                Minimiser.Search.BISECTION,
                null);
        assertThat(r.answers())
                .extracting(Minimiser.Answer::others)
                .containsExactly("source.rate=500/s", "source.rate=1000/s");
        int half = Integer.parseInt(value(r.answers().get(0)));
        int full = Integer.parseInt(value(r.answers().get(1)));
        assertThat(half).isLessThan(full);
    }

    @Test
    void noValueMeetsAnImpossibleGoal() {
        Minimiser.Result r = Minimiser.minimise(
                runner("groups.worker.maxLag < 0", "worker.instances=1..4"),
                "worker.instances",
                Minimiser.Search.BISECTION,
                null);
        assertThat(r.answers().get(0).answer()).isNull();
        assertThat(r.answers().get(0).tried()).hasSize(1); // the largest value fails: no smaller one is tried
    }

    @Test
    void theMinimisedSettingMustBeVaried() {
        assertThatThrownBy(() -> Minimiser.minimise(
                        runner("groups.worker.maxLag < 40", "jobs.partitions=4,8"),
                        "worker.instances",
                        Minimiser.Search.BISECTION,
                        null))
                .hasMessage("--minimise worker.instances: it is not varied; add --vary worker.instances=VALUES (the"
                        + " values to search); varied: jobs.partitions");
    }
}
