package io.eventflow.app.simview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The labelled stops of the logarithmic speed slider and the timeline's time axis. */
class RunControlsScaleTest {
    @Test
    void speedStopsAreLabelledPowersOfTen() {
        assertThat(RunControls.stopLabel(-2)).isEqualTo("0.01×");
        assertThat(RunControls.stopLabel(0)).isEqualTo("1×");
        assertThat(RunControls.stopLabel(3)).isEqualTo("1k×");
        assertThat(RunControls.stopLabel(4)).isEqualTo("10k×");
    }

    @Test
    void timelineTicksAreOneTwoOrFiveAndAtLeast70PixelsApart() {
        long s = 1_000_000_000L;
        // 60 s on 700 px: at least 6 s per 70 px, so the step is 10 s (1, 2, 5 × 10^k: 5 s is too dense).
        assertThat(TimelineView.tickStep(60 * s, 700)).isEqualTo(10 * s);
        // 60 s on 1400 px: at least 3 s, so 5 s.
        assertThat(TimelineView.tickStep(60 * s, 1400)).isEqualTo(5 * s);
        // 1 s on 1000 px: at least 70 ms, so 100 ms.
        assertThat(TimelineView.tickStep(s, 1000)).isEqualTo(100_000_000L);
        // 1 h on 700 px: at least 360 s, so 500 s.
        assertThat(TimelineView.tickStep(3600 * s, 700)).isEqualTo(500 * s);
    }
}
