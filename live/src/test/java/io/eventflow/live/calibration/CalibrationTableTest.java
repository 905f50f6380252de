package io.eventflow.live.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of the calibration table: medians, spreads, tolerances, verdicts, and how rows are printed. */
class CalibrationTableTest {
    private static final Tolerance TEN = new Tolerance(10, 0.05, "ten, or 5 % of the simulated figure");

    @Test
    void medianOfAnOddCountIsTheMiddleOneAndOfAnEvenCountTheMeanOfTheTwoMiddleOnes() {
        Stats odd = Stats.of(7, 1, 4, 9, 3);
        // sorted 1 3 4 7 9: the third
        assertThat(odd.median()).isEqualTo(4);
        assertThat(odd.min()).isEqualTo(1);
        assertThat(odd.max()).isEqualTo(9);
        assertThat(odd.text()).isEqualTo("4 [1..9]");
        // sorted 1 3 4 7: (3 + 4) / 2
        assertThat(Stats.of(7, 1, 4, 3).median()).isEqualTo(3.5);
        assertThat(Stats.of(12).text()).isEqualTo("12");
        assertThatThrownBy(() -> new Stats(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toleranceIsTheLargerOfTheAbsoluteAmountAndTheShareOfTheSimulatedFigure() {
        // 5 % of 100 is 5, less than 10: 10 allowed
        assertThat(TEN.allowed(100)).isEqualTo(10);
        assertThat(TEN.allows(100, 110)).isTrue();
        assertThat(TEN.allows(100, 89)).isFalse();
        // 5 % of 400 is 20, more than 10: 20 allowed
        assertThat(TEN.allowed(400)).isEqualTo(20);
        assertThat(TEN.allows(400, 380)).isTrue();
        assertThat(TEN.allows(400, 379)).isFalse();
        assertThat(TEN.text()).isEqualTo("±max(10, 5%)");
        assertThat(new Tolerance(0, 0, "exact").allows(0, 0)).isTrue();
        assertThat(new Tolerance(0, 0, "exact").allows(0, 1)).isFalse();
        assertThat(new Tolerance(0, 0, "exact").text()).isEqualTo("±0");
        assertThat(new Tolerance(0, 0.1, "share").text()).isEqualTo("±10%");
        assertThatThrownBy(() -> new Tolerance(1, 0, " ")).hasMessageContaining("reason");
    }

    @Test
    void verdictComparesMediansNotSingleRuns() {
        Figure f = new Figure("g.duplicates", r -> 0, TEN);
        // simulated median 100; live runs 80, 104, 130: median 104, within 10 although two runs are not
        Row ok = Row.judged("c", f, Stats.of(99, 100, 101), Stats.of(130, 80, 104));
        assertThat(ok.verdict()).isEqualTo(Verdict.OK);
        assertThat(ok.difference()).isEqualTo(4);
        // live median 111: 11 more than 100, beyond 10
        Row beyond = Row.judged("c", f, Stats.of(100), Stats.of(111));
        assertThat(beyond.verdict()).isEqualTo(Verdict.BEYOND);
        Row skipped = Row.skipped("c", f, Stats.of(100), "no rabbitmq-server");
        assertThat(skipped.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(skipped.difference()).isNaN();
    }

    @Test
    void textTableShowsEveryColumnAndASkippedCaseSaysWhyOnce() {
        Figure a = new Figure("billing.duplicates", r -> 0, TEN);
        Figure b = new Figure("billing.lost", r -> 0, new Tolerance(0, 0, "nothing lost"));
        List<Row> rows = List.of(
                Row.judged("crash", a, Stats.of(399, 400, 402), Stats.of(395, 380, 410)),
                Row.judged("crash", b, Stats.of(0), Stats.of(2)),
                Row.skipped("rabbit", a, Stats.of(30), "broker 'rabbit': no rabbitmq-server"),
                Row.skipped("rabbit", b, Stats.of(0), "broker 'rabbit': no rabbitmq-server"));
        String text = CalibrationTable.text(rows);
        assertThat(text)
                .isEqualTo(
                        """
                        case    figure              simulated       live            difference  tolerance     verdict
                        crash   billing.duplicates  400 [399..402]  395 [380..410]  -5          ±max(10, 5%)  ok
                        crash   billing.lost        0               2               +2          ±0            beyond tolerance
                        rabbit  billing.duplicates  30              -               -           ±max(10, 5%)  skipped: broker 'rabbit': no rabbitmq-server
                        rabbit  billing.lost        0               -               -           ±0            skipped
                        """);
        String md = CalibrationTable.markdown(rows);
        assertThat(md).contains("| crash | `billing.lost` | 0 | 2 | +2 | ±0 | beyond tolerance | nothing lost |");
        String json = CalibrationTable.json(rows, 3);
        assertThat(json)
                .contains("\"runs\": 3")
                .contains("{\"case\": \"crash\", \"figure\": \"billing.duplicates\", \"simulated\": {\"median\": 400,"
                        + " \"min\": 399, \"max\": 402, \"values\": [399, 400, 402]}, \"live\": {\"median\": 395,"
                        + " \"min\": 380, \"max\": 410, \"values\": [395, 380, 410]}, \"difference\": -5")
                .contains("\"live\": null, \"difference\": null")
                .contains("\"verdict\": \"skipped\", \"why\": \"broker 'rabbit': no rabbitmq-server\"");
    }

    @Test
    void aCaseWhoseLiveRunsAllFailedSaysWhyAndIsNotOk() {
        Figure f = new Figure("ingest.lost/owed", r -> 0, new Tolerance(0.06, 0, "downtime"));
        Row failed = Row.failed("mqtt", f, Stats.of(0.402), "could not subscribe");
        assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failed.difference()).isNaN();
        assertThat(CalibrationTable.text(java.util.List.of(failed))).contains("failed: could not subscribe");
        assertThat(CalibrationTable.json(java.util.List.of(failed), 1)).contains("\"verdict\": \"failed\"");
    }

    @Test
    void quotesJsonStrings() {
        assertThat(CalibrationTable.quote("a \"b\"\n\\")).isEqualTo("\"a \\\"b\\\"\\n\\\\\"");
    }
}
