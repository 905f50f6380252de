package io.eventflow.simulator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflow.model.design.Design;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.report.SimulationReport;
import io.eventflow.simulator.sweep.SweepSpec.Seeds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {
    private static final long TWO_SECONDS = 2_000_000_000L;
    private final Design tiny = TinyDesign.design();

    private SweepSpec spec(String seeds, String goal, String... vary) {
        List<Variation> vs =
                java.util.Arrays.stream(vary).map(v -> Variation.parse(v, tiny)).toList();
        return new SweepSpec(
                tiny,
                null,
                vs,
                Seeds.parse(seeds),
                TWO_SECONDS,
                null,
                goal == null ? null : Goal.parse(goal),
                SweepSpec.DEFAULT_SHARE);
    }

    @Test
    void aSweepOfOneSeedGivesThatRunsReport() {
        SweepResult r = new SweepRunner(spec("7", null), 1).run(null);
        Simulation sim = Simulation.builder(tiny).seed(7).duration(TWO_SECONDS).build();
        sim.runToEnd();
        SimulationReport direct = sim.report();
        CombinationResult c = r.combinations().get(0);
        assertThat(c.runs()).isEqualTo(1);
        Map<String, Double> figures = Figures.of(direct);
        for (String f :
                List.of("totals.published", "totals.processed", "groups.worker.maxLag", "channels.jobs.maxDepth")) {
            assertThat(c.stats(f).p50()).as(f).isEqualTo(figures.get(f));
        }
        assertThat(c.stats("latencyMs.p99").p50())
                .isCloseTo(figures.get("latencyMs.p99"), org.assertj.core.api.Assertions.within(0.001));
        assertThat(r.complete()).isTrue();
    }

    @Test
    void theResultIsTheSameWhateverTheNumberOfJobs() {
        SweepSpec s = spec("1..6", "groups.worker.maxLag < 50", "worker.instances=3..5", "jobs.partitions=4,8");
        String one = SweepReport.json(new SweepRunner(s, 1).run(null), null);
        String two = SweepReport.json(new SweepRunner(s, 2).run(null), null);
        String three = SweepReport.json(new SweepRunner(s, 3).run(null), null);
        assertThat(withoutWallTime(two)).isEqualTo(withoutWallTime(one));
        assertThat(withoutWallTime(three)).isEqualTo(withoutWallTime(one));
        assertThat(one).contains("\"runsDone\": 36"); // 3 x 2 combinations x 6 seeds
    }

    private static String withoutWallTime(String json) {
        return json.replaceAll("\"wallSeconds\": [0-9.e+-]+", "");
    }

    @Test
    void moreInstancesDrainTheBacklog() {
        SweepResult r = new SweepRunner(spec("1..4", null, "worker.instances=2,6"), 2).run(null);
        Stats two = r.combinations().get(0).stats("groups.worker.maxLag");
        Stats six = r.combinations().get(1).stats("groups.worker.maxLag");
        // 2 instances handle 500/s of 1000/s: about 500 a second pile up, ~1000 after 2 s
        assertThat(two.min()).isGreaterThan(500);
        assertThat(six.max()).isLessThan(100);
    }

    @Test
    void progressIsReportedAndACancelKeepsWhatFinished() {
        SweepRunner runner = new SweepRunner(spec("1..40", null), 2);
        long[] seen = {0};
        SweepResult r = runner.run((done, total) -> {
            seen[0] = done;
            assertThat(total).isEqualTo(40);
            if (done == 5) {
                runner.cancel();
            }
        });
        assertThat(r.complete()).isFalse();
        assertThat(r.runsDone()).isBetween(5L, 8L); // what was in flight when cancelled may still finish
        assertThat(r.combinations().get(0).runs()).isEqualTo(r.runsDone());
        assertThat(seen[0]).isEqualTo(r.runsDone());
    }

    @Test
    void aCombinationTheDesignRefusesStopsTheSweepBeforeAnyRun() {
        Design d = tiny;
        SweepSpec s = new SweepSpec(
                d,
                null,
                List.of(
                        Variation.parse("jobs.replicationFactor=1", d),
                        Variation.parse("jobs.minInSyncReplicas=1,2", d)),
                Seeds.parse("1..3"),
                TWO_SECONDS,
                null,
                null,
                0.95);
        assertThatThrownBy(() -> new SweepRunner(s, 2).run(null))
                .isInstanceOf(SweepException.class)
                .hasMessageStartingWith("jobs.replicationFactor=1, jobs.minInSyncReplicas=2: ");
    }

    @Test
    void theGoalIsCountedPerSeed() {
        SweepResult r =
                new SweepRunner(spec("1..5", "groups.worker.maxLag < 100", "worker.instances=2,6"), 2).run(null);
        assertThat(r.combinations().get(0).goalMet()).isZero();
        assertThat(r.meetsGoal(r.combinations().get(0))).isFalse();
        assertThat(r.combinations().get(1).goalMet()).isEqualTo(5);
        assertThat(r.meetsGoal(r.combinations().get(1))).isTrue();
    }
}
