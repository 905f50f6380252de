package io.eventflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    private static final Path SAMPLES =
            Path.of(System.getProperty("eventflow.repo", "..")).toAbsolutePath().resolve("assets/samples");
    private static final String DESIGN =
            SAMPLES.resolve("order-pipeline.eventflow.yaml").toString();

    @Test
    void sweepsSeedsAndSettingsAndWritesJson(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("sweep.json");
        CliRunner r = CliRunner.run(
                "sweep",
                DESIGN,
                "--scenario",
                SAMPLES.resolve("order-pipeline.scenario.yaml").toString(),
                "--seeds",
                "1..3",
                "--duration",
                "15s",
                "--vary",
                "billing.instances=2,4",
                "--jobs",
                "2",
                "--report",
                report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("sweep of 'Order pipeline': 2 combinations x 3 seeds (1..3)")
                .contains("billing.instances=2   3 runs")
                .contains("billing.instances=4   3 runs")
                .contains("latencyMs.p99")
                .contains("groups.billing.maxLag");
        assertThat(r.err()).contains("6 runs in").contains("on 2 jobs").contains("wrote " + report);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("runsDone").asLong()).isEqualTo(6);
        assertThat(json.get("combinations")).hasSize(2);
        assertThat(json.get("combinations")
                        .get(1)
                        .get("figures")
                        .get("groups.billing.maxLag")
                        .has("p95"))
                .isTrue();
    }

    @Test
    void sameSweepSameResultWhateverTheJobs(@TempDir Path tmp) throws Exception {
        String[] common = {"sweep", DESIGN, "--seeds", "1..4", "--duration", "5s", "--vary", "orders.partitions=3,6"};
        Path one = tmp.resolve("one.csv");
        Path two = tmp.resolve("two.csv");
        assertThat(CliRunner.run(concat(common, "--jobs", "1", "--report", one.toString()))
                        .code())
                .isZero();
        assertThat(CliRunner.run(concat(common, "--jobs", "2", "--report", two.toString()))
                        .code())
                .isZero();
        assertThat(Files.readString(two)).isEqualTo(Files.readString(one));
        assertThat(Files.readString(one)).startsWith("orders.partitions,figure,runs,min,p5,p50,p95,max,mean");
    }

    @Test
    void minimiseFindsTheSmallestSettingWithItsEvidence() {
        CliRunner r = CliRunner.run(
                "sweep",
                DESIGN,
                "--seeds",
                "1..3",
                "--duration",
                "5s",
                "--vary",
                "checkout.rate=1000/s",
                "--vary",
                "billing.instances=1..8",
                "--goal",
                "groups.billing.latencyMs.p99 < 200",
                "--share",
                "100%",
                "--minimise",
                "billing.instances");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("smallest billing.instances meeting the goal in at least 100% of seeds (bisection")
                // 1000/s on 6 partitions: with 5 instances one takes two partitions (333/s), more than it handles
                // (4 ms each: 250/s); with 6 each takes one. Bisection over 1..8 tries 8, 4, 6, 5.
                .contains("billing.instances = 6 with checkout.rate=1000/s")
                .contains("6 meets it: met in 3 of 3 seeds (100%); groups.billing.latencyMs.p99 p50 ")
                .contains("5 does not: met in 0 of 3 seeds (0%)")
                .contains("tried: 8, 4, 6, 5");
    }

    @Test
    void badInputIsAUsageErrorSayingWhatIsWrong() {
        CliRunner unknown = CliRunner.run("sweep", DESIGN, "--vary", "biling.instances=1..3");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("eventflow sweep: 'instances' is a setting of a service, and there is no service 'biling':"
                        + " did you mean 'billing'?");
        CliRunner goal = CliRunner.run("sweep", DESIGN, "--goal", "latencyMs.p99 < 200 and groups.biling.lost == 0");
        assertThat(goal.code()).isEqualTo(2);
        assertThat(goal.err()).contains("did you mean 'groups.billing.lost'?");
        CliRunner noGoal =
                CliRunner.run("sweep", DESIGN, "--vary", "billing.instances=1..3", "--minimise", "billing.instances");
        assertThat(noGoal.err()).contains("--minimise needs a --goal");
        CliRunner seeds = CliRunner.run("sweep", DESIGN, "--seeds", "10..1");
        assertThat(seeds.err()).contains("the seed range 10..1 ends before it starts");
        CliRunner share = CliRunner.run("sweep", DESIGN, "--goal", "latencyMs.p99 < 1", "--share", "150%");
        assertThat(share.err()).contains("--share: '150%' is not a share");
        CliRunner missing = CliRunner.run("sweep", "no-such.eventflow.yaml");
        assertThat(missing.code()).isEqualTo(2);
    }

    @Test
    void aGoalNoCombinationMeetsExitsOne() {
        CliRunner r = CliRunner.run(
                "sweep", DESIGN, "--seeds", "1..2", "--duration", "2s", "--goal", "totals.published > 1e9");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no combination meets the goal in 95% of seeds");
    }

    @Test
    void theProgressBarShowsRunsRateAndTimeLeft() {
        assertThat(ProgressBar.line(50, 200, 10))
                .isEqualTo("[#######.......................] 50/200 runs  5.0 runs/s  0:30 left");
        assertThat(ProgressBar.line(7, -1, 2)).isEqualTo("7 runs  3.5 runs/s  0:02");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
