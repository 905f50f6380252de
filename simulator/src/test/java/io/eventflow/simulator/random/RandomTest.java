package io.eventflow.simulator.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RandomTest {
    @Test
    void splitMixMatchesReferenceVector() {
        // SplitMix64 seeded with 0: first output is 0xE220A8397B1DCDAF (Vigna's reference implementation).
        assertThat(new SplitMix64(0).nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    }

    @Test
    void streamsDependOnlyOnSeedAndId() {
        RandomStreams a = new RandomStreams(42);
        RandomStreams b = new RandomStreams(42);
        b.stream("svc:other"); // creating another component's stream changes nothing
        assertThat(a.stream("svc:billing").nextLong())
                .isEqualTo(b.stream("svc:billing").nextLong());
        assertThat(a.stream("svc:billing").nextLong())
                .isNotEqualTo(a.stream("svc:billing#1").nextLong());
        assertThat(new RandomStreams(43).stream("svc:billing").nextLong())
                .isNotEqualTo(a.stream("svc:billing").nextLong());
    }

    @Test
    void distributionMeans() {
        SplitMix64 r = new SplitMix64(7);
        Delay[] ds = {
            new Delay.Exponential(1000),
            new Delay.Uniform(0, 2000),
            new Delay.Normal(1000, 100),
            new Delay.LogNormal(1000, 500),
            Delay.constant(1000)
        };
        for (Delay d : ds) {
            double sum = 0;
            int n = 200_000;
            for (int i = 0; i < n; i++) {
                sum += d.sample(r);
            }
            assertThat(sum / n).as(d.toString()).isCloseTo(1000, within(15.0));
        }
    }

    @Test
    void backoffBaseAndJitterBounds() {
        Backoff exp = new Backoff(true, 100, 1000, 2, Backoff.Jitter.NONE);
        // 100, 200, 400, 800, then capped at 1000
        assertThat(new long[] {exp.base(1), exp.base(2), exp.base(3), exp.base(4), exp.base(5)})
                .containsExactly(100, 200, 400, 800, 1000);
        SplitMix64 r = new SplitMix64(1);
        for (int i = 0; i < 1000; i++) {
            long full = new Backoff(true, 100, 1000, 2, Backoff.Jitter.FULL).delay(3, 0, r);
            assertThat(full).isBetween(0L, 400L);
            long equal = new Backoff(true, 100, 1000, 2, Backoff.Jitter.EQUAL).delay(3, 0, r);
            assertThat(equal).isBetween(200L, 400L);
            long dec = new Backoff(true, 100, 1000, 2, Backoff.Jitter.DECORRELATED).delay(3, 300, r);
            assertThat(dec).isBetween(100L, 900L);
        }
        assertThat(Backoff.fixed(50).delay(9, 0, r)).isEqualTo(50);
    }
}
