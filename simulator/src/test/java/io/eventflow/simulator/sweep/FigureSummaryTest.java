package io.eventflow.simulator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FigureSummaryTest {
    @Test
    void oneToAHundred() {
        FigureSummary s = new FigureSummary(false);
        for (int i = 1; i <= 100; i++) {
            s.add(i);
        }
        Stats st = s.stats(100);
        // nearest rank: p5 is the 5th value of 100, p50 the 50th, p95 the 95th
        assertThat(st.p5()).isEqualTo(5);
        assertThat(st.p50()).isEqualTo(50);
        assertThat(st.p95()).isEqualTo(95);
        assertThat(st.min()).isEqualTo(1);
        assertThat(st.max()).isEqualTo(100);
        assertThat(st.mean()).isEqualTo(50.5);
        // sample variance of 1..100 = n(n+1)/12 = 841.6667; s = 29.0115; t(0.975, 99) = 1.9842;
        // half width = 1.9842 * 29.0115 / sqrt(100) = 5.7565
        assertThat(st.meanHigh() - st.mean()).isCloseTo(5.7565, within(1e-3));
        assertThat(st.mean() - st.meanLow()).isCloseTo(5.7565, within(1e-3));
    }

    @Test
    void runsWithoutTheFigureCountAsZero() {
        FigureSummary s = new FigureSummary(false);
        s.add(10);
        s.add(30);
        Stats st = s.stats(4); // 0, 0, 10, 30
        assertThat(st.n()).isEqualTo(4);
        assertThat(st.min()).isEqualTo(0);
        assertThat(st.p50()).isEqualTo(0); // 2nd of 4
        assertThat(st.p95()).isEqualTo(30); // 4th of 4
        assertThat(st.mean()).isEqualTo(10); // 40 / 4
    }

    @Test
    void millisecondsKeepMicroseconds() {
        FigureSummary s = new FigureSummary(true);
        s.add(1.2344);
        s.add(2.5);
        Stats st = s.stats(2);
        assertThat(st.min()).isEqualTo(1.234);
        assertThat(st.max()).isEqualTo(2.5);
        assertThat(st.mean()).isEqualTo(1.867); // (1234 + 2500) / 2 = 1867 us
    }

    @Test
    void oneRunHasNoSpread() {
        FigureSummary s = new FigureSummary(false);
        s.add(7);
        Stats st = s.stats(1);
        assertThat(List.of(st.min(), st.p5(), st.p50(), st.p95(), st.max(), st.meanLow(), st.meanHigh()))
                .containsOnly(7.0);
    }

    @Test
    void pastTheExactBufferAHistogramKeepsPercentilesAndTheOrderDoesNotMatter() {
        List<Integer> values = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            values.add(i * 1000); // up to 1e6: bucketed to 3 significant digits
        }
        FigureSummary inOrder = new FigureSummary(false);
        values.forEach(inOrder::add);
        Collections.shuffle(values, new Random(7));
        FigureSummary shuffled = new FigureSummary(false);
        values.forEach(shuffled::add);
        Stats a = inOrder.stats(1000);
        assertThat(shuffled.stats(1000)).isEqualTo(a);
        // p50: the 500th value, 500000, within 0.1%; min, max and mean exact
        assertThat(a.p50()).isCloseTo(500_000, within(500.0));
        assertThat(a.p5()).isCloseTo(50_000, within(50.0));
        assertThat(a.p95()).isCloseTo(950_000, within(950.0));
        assertThat(a.min()).isEqualTo(1000);
        assertThat(a.max()).isEqualTo(1_000_000);
        assertThat(a.mean()).isEqualTo(500_500); // 1000 * (1000 + 1) / 2
    }

    @Test
    void studentsTQuantiles() {
        assertThat(Stats.t975(1)).isEqualTo(12.706);
        assertThat(Stats.t975(30)).isEqualTo(2.042);
        assertThat(Stats.t975(60)).isCloseTo(2.0003, within(1e-3));
        assertThat(Stats.t975(1000)).isCloseTo(1.9623, within(1e-3));
    }
}
