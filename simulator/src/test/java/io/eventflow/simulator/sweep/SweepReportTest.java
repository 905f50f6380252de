package io.eventflow.simulator.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.sweep.SweepSpec.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepReportTest {
    private final Design tiny = TinyDesign.design();

    private SweepResult result() {
        SweepSpec spec = new SweepSpec(
                tiny,
                null,
                List.of(Variation.parse("worker.instances=2,6", tiny)),
                Seeds.parse("1..3"),
                1_000_000_000L,
                null,
                Goal.parse("groups.worker.maxLag < 100"),
                0.95);
        return new SweepRunner(spec, 2).run(null);
    }

    @Test
    void jsonHasEveryCombinationWithItsFiguresAndGoal() throws Exception {
        SweepResult r = result();
        JsonNode j = new ObjectMapper().readTree(SweepReport.json(r, null));
        assertThat(j.get("design").asText()).isEqualTo("Tiny");
        assertThat(j.get("seeds").get("first").asLong()).isEqualTo(1);
        assertThat(j.get("seeds").get("last").asLong()).isEqualTo(3);
        assertThat(j.get("variations").get(0).get("name").asText()).isEqualTo("worker.instances");
        assertThat(j.get("variations").get(0).get("values").toString()).isEqualTo("[\"2\",\"6\"]");
        assertThat(j.get("runsDone").asLong()).isEqualTo(6);
        assertThat(j.get("complete").asBoolean()).isTrue();
        assertThat(j.get("goal").asText()).isEqualTo("groups.worker.maxLag < 100");
        JsonNode six = j.get("combinations").get(1);
        assertThat(six.get("settings").get("worker.instances").asText()).isEqualTo("6");
        assertThat(six.get("runs").asLong()).isEqualTo(3);
        assertThat(six.get("goal").get("meets").asBoolean()).isTrue();
        assertThat(j.get("combinations").get(0).get("goal").get("meets").asBoolean())
                .isFalse();
        JsonNode published = six.get("figures").get("totals.published");
        Stats s = r.combinations().get(1).stats("totals.published");
        assertThat(published.get("p50").asDouble()).isEqualTo(s.p50());
        assertThat(published.get("mean").asDouble()).isCloseTo(s.mean(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(published.fieldNames())
                .toIterable()
                .containsExactly("min", "p5", "p50", "p95", "max", "mean", "meanLow", "meanHigh");
        assertThat(six.get("figures").has("groups.worker.latencyMs.p99")).isTrue();
        assertThat(six.get("figures").has("channels.jobs.maxDepth")).isTrue();
    }

    @Test
    void csvHasOneRowPerCombinationAndFigure() {
        SweepResult r = result();
        List<String> lines = SweepReport.csv(r).lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("worker.instances,figure,runs,min,p5,p50,p95,max,mean,meanLow,meanHigh,goalShare");
        int figures = r.combinations().get(0).figureNames().size();
        assertThat(lines).hasSize(1 + 2 * figures);
        Stats s = r.combinations().get(1).stats("totals.published");
        assertThat(lines)
                .contains("6,totals.published,3," + SweepReport.num(s.min()) + "," + SweepReport.num(s.p5()) + ","
                        + SweepReport.num(s.p50()) + "," + SweepReport.num(s.p95()) + "," + SweepReport.num(s.max())
                        + "," + SweepReport.num(s.mean()) + "," + SweepReport.num(s.meanLow()) + ","
                        + SweepReport.num(s.meanHigh()) + ",1");
    }

    @Test
    void numbersAreWrittenPlainly() {
        assertThat(SweepReport.num(3)).isEqualTo("3");
        assertThat(SweepReport.num(2.5)).isEqualTo("2.5");
        assertThat(SweepReport.num(12.3456)).isEqualTo("12.3456");
        assertThat(SweepReport.num(Double.NaN)).isEqualTo("null");
    }
}
