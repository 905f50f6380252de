package io.eventflow.simulator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalTest {
    private final Map<String, Double> run =
            Map.of("latencyMs.p99", 150.0, "groups.billing.lost", 0.0, "totals.duplicates", 12.0);

    @Test
    void comparesFiguresWithNumbers() {
        assertThat(Goal.parse("latencyMs.p99 < 200").test(run)).isTrue();
        assertThat(Goal.parse("latencyMs.p99 < 150").test(run)).isFalse();
        assertThat(Goal.parse("latencyMs.p99 <= 150").test(run)).isTrue();
        assertThat(Goal.parse("totals.duplicates >= 12 and totals.duplicates > 11.5")
                        .test(run))
                .isTrue();
        assertThat(Goal.parse("groups.billing.lost == 0").test(run)).isTrue();
        assertThat(Goal.parse("groups.billing.lost != 0").test(run)).isFalse();
        assertThat(Goal.parse("latencyMs.p99<2e2").test(run)).isTrue();
    }

    @Test
    void andBindsTighterThanOrAndParenthesesGroup() {
        // false and false or true = (false and false) or true = true
        assertThat(Goal.parse("latencyMs.p99 > 999 and totals.duplicates > 999 or groups.billing.lost == 0")
                        .test(run))
                .isTrue();
        // false and (false or true) = false
        assertThat(Goal.parse("latencyMs.p99 > 999 and (totals.duplicates > 999 or groups.billing.lost == 0)")
                        .test(run))
                .isFalse();
    }

    @Test
    void aFigureTheRunDidNotReportCountsAsZero() {
        assertThat(Goal.parse("lostByCause.crash == 0").test(run)).isTrue();
    }

    @Test
    void namesItsPathsAndChecksThemAgainstTheReport() {
        Goal g = Goal.parse("latencyMs.p99 < 200 and groups.billing.lost == 0");
        assertThat(g.paths()).containsExactly("latencyMs.p99", "groups.billing.lost");
        assertThat(g.clauses())
                .containsExactly(
                        new Goal.Clause("latencyMs.p99", "<", 200), new Goal.Clause("groups.billing.lost", "==", 0));
        g.check(List.of("latencyMs.p99", "groups.billing.lost"));
        assertThatThrownBy(() -> Goal.parse("latencyMs.p98 < 200").check(List.of("latencyMs.p99", "latencyMs.p50")))
                .hasMessage("the goal's 'latencyMs.p98' is not a figure of the report: did you mean 'latencyMs.p99'?");
        assertThatThrownBy(() -> Goal.parse("queue.depth < 2").check(List.of("latencyMs.p99")))
                .hasMessage("the goal's 'queue.depth' is not a figure of the report (see docs/simulator.md)");
    }

    @Test
    void malformedGoalsSayWhere() {
        assertThatThrownBy(() -> Goal.parse("")).hasMessageContaining("the goal is empty");
        assertThatThrownBy(() -> Goal.parse("latencyMs.p99 < "))
                .hasMessage("goal 'latencyMs.p99 <': expected a number after 'latencyMs.p99 <' at the end");
        assertThatThrownBy(() -> Goal.parse("latencyMs.p99 = 3")).hasMessageContaining("cannot read '= 3'");
        assertThatThrownBy(() -> Goal.parse("latencyMs.p99 < 200 latencyMs.p50 < 1"))
                .hasMessageContaining("expected 'and', 'or' or the end, found 'latencyMs.p50'");
        assertThatThrownBy(() -> Goal.parse("(latencyMs.p99 < 200")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> Goal.parse("200 > latencyMs.p99"))
                .hasMessageContaining("expected a figure such as latencyMs.p99, found '200'");
    }
}
