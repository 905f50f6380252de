package io.eventflow.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When two figures count as different, and far apart. */
class ReportComparisonTest {
    @Test
    void countsDifferWhenTheyRoundApartAndAreFarBeyondTenPercent() {
        // 100 vs 100: same; 100 vs 105: differs by 5 of 105 (4.8%), not far; 100 vs 120: 20 of 120 (16.7%), far
        assertThat(new ReportComparison.Row("p", null, 100, 100, false).differs())
                .isFalse();
        ReportComparison.Row near = new ReportComparison.Row("p", null, 100, 105, false);
        assertThat(near.differs()).isTrue();
        assertThat(near.far()).isFalse();
        assertThat(near.differenceText()).isEqualTo("+5");
        assertThat(new ReportComparison.Row("p", null, 100, 120, false).far()).isTrue();
    }

    @Test
    void latenciesAreFarOnlyBeyondTenPercentAndOneMillisecond() {
        // 2.0 vs 2.5 ms: 25% but 0.5 ms, not far; 20 vs 25 ms: 20% and 5 ms, far
        ReportComparison.Row small = new ReportComparison.Row("latencyMs.p50", null, 2.0, 2.5, true);
        assertThat(small.differs()).isTrue();
        assertThat(small.far()).isFalse();
        assertThat(small.differenceText()).isEqualTo("+0.500");
        assertThat(new ReportComparison.Row("latencyMs.p50", null, 20, 25, true).far())
                .isTrue();
    }

    @Test
    void aGroupOnlyOneReportHasDiffersAndHasNoDifference() {
        ReportComparison.Row r = new ReportComparison.Row("owed", "g", Double.NaN, 10, false);
        assertThat(r.differs()).isTrue();
        assertThat(r.far()).isTrue();
        assertThat(r.differenceText()).isEqualTo("-");
        assertThat(r.simulatedText()).isEqualTo("-");
    }
}
