package io.eventflow.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Signing;
import io.eventflow.model.design.SigningAlgorithm;
import io.eventflow.model.design.TimeSpan;
import org.junit.jupiter.api.Test;

/** The default sign and verify times: the measured table, interpolated by size. */
class SigningCostsTest {
    @Test
    void measuredFiguresAtTheMeasuredSizes() {
        Signing hmac = Signing.SIGNED; // algorithm not named: HMAC-SHA256
        assertThat(SigningCosts.signNanos(hmac, 256)).isEqualTo(2_120);
        assertThat(SigningCosts.signNanos(hmac, 1024)).isEqualTo(2_270);
        assertThat(SigningCosts.verifyNanos(hmac, 16 * 1024)).isEqualTo(11_980);
        assertThat(SigningCosts.verifyNanos(Signing.with(SigningAlgorithm.RSA_PSS_2048), 1024))
                .isEqualTo(31_060);
    }

    @Test
    void interpolatedBetweenAndExtendedBeyond() {
        long[] t = {1_000, 2_000, 17_000};
        assertThat(SigningCosts.at(t, 100)).isEqualTo(1_000); // below 256 B: the 256 B figure
        assertThat(SigningCosts.at(t, 640)).isEqualTo(1_000 + (640 - 256) * 1_000 / 768); // halfway: 1500
        assertThat(SigningCosts.at(t, 8_704)).isEqualTo(2_000 + (8_704 - 1_024) * 15_000 / 15_360); // 9500
        // beyond 16 KiB with the 1 KiB..16 KiB slope (1 ns per 1.024 bytes): 32 KiB -> 17000 + 16384 / 1.024
        assertThat(SigningCosts.at(t, 32 * 1024)).isEqualTo(17_000 + 16_000);
        // a 16 KiB figure below the 1 KiB one (noise): larger messages cost the 16 KiB figure, not less
        assertThat(SigningCosts.at(new long[] {900, 800, 600}, 64 * 1024)).isEqualTo(600);
    }

    @Test
    void theDesignsOwnTimesWin() {
        Signing s = Signing.with(SigningAlgorithm.ED25519)
                .withSignTime(TimeSpan.parse("40us"))
                .withVerifyTime(TimeSpan.parse("90us"));
        assertThat(SigningCosts.signNanos(s, 100_000)).isEqualTo(40_000);
        assertThat(SigningCosts.verifyNanos(s, 1)).isEqualTo(90_000);
    }
}
