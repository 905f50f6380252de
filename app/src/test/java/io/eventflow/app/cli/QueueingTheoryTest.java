package io.eventflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator against queueing theory: each case runs with 20 fixed seeds at 10^5 messages; the formula must lie in
 * the 95 % t-interval of the mean over seeds, and utilisation and throughput (means over seeds) within 1 %. The
 * seeds are 1..20 and are never changed to make a test pass.
 */
class QueueingTheoryTest {
    static final int SEEDS = 20;
    static final long MESSAGES = 100_000;
    static final double T_975_DF19 = 2.093024054408263;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "mm1", new M1Options(4, 0.2, 1, 1, MESSAGES, 0, "exp", "shared", 0, 1), Theory.mm1(0.8, 1)),
                Arguments.of(
                        "mm4", new M1Options(7, 0.5, 4, 1, MESSAGES, 0, "exp", "shared", 0, 1), Theory.mmc(3.5, 1, 4)),
                Arguments.of(
                        "md1", new M1Options(4, 0.2, 1, 1, MESSAGES, 0, "det", "shared", 0, 1), Theory.md1(0.8, 1)),
                Arguments.of(
                        "rr4",
                        new M1Options(7, 0.5, 4, 1, MESSAGES, 0, "exp", "rr", 0, 1),
                        perPartition(Theory.ekm1(3.5 / 4, 1, 4), 3.5)),
                Arguments.of(
                        "hash4",
                        new M1Options(7, 0.5, 4, 1, MESSAGES, 0, "exp", "hash", 0, 1),
                        perPartition(Theory.mm1(3.5 / 4, 1), 3.5)));
    }

    /** Each of the partitions is its own queue; the system's throughput is the total arrival rate. */
    static Theory.Prediction perPartition(Theory.Prediction p, double lambdaTotal) {
        return new Theory.Prediction(p.w(), p.wq(), p.utilisation(), lambdaTotal);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithTheory(String name, M1Options base, Theory.Prediction th) {
        double[] w = new double[SEEDS];
        double[] wq = new double[SEEDS];
        double util = 0;
        double thr = 0;
        for (int s = 0; s < SEEDS; s++) {
            M1Options o = new M1Options(
                    base.producers(),
                    base.rate(),
                    base.consumers(),
                    base.mu(),
                    base.messages(),
                    s + 1,
                    base.service(),
                    base.dispatch(),
                    base.warmup(),
                    1);
            M1Bench.Result r = M1Bench.measure(o);
            w[s] = r.meanLatency();
            wq[s] = r.meanWait();
            util += r.utilisation() / SEEDS;
            thr += r.throughput() / SEEDS;
        }
        assertInInterval(name + " W", w, th.w());
        assertInInterval(name + " Wq", wq, th.wq());
        assertThat(util).as(name + " utilisation").isCloseTo(th.utilisation(), within(0.01 * th.utilisation()));
        assertThat(thr).as(name + " throughput").isCloseTo(th.throughput(), within(0.01 * th.throughput()));
    }

    static void assertInInterval(String what, double[] xs, double theory) {
        double mean = 0;
        for (double x : xs) {
            mean += x / xs.length;
        }
        double var = 0;
        for (double x : xs) {
            var += (x - mean) * (x - mean) / (xs.length - 1);
        }
        double half = T_975_DF19 * Math.sqrt(var / xs.length);
        assertThat(theory)
                .as("%s: theory %.4f vs mean %.4f ± %.4f", what, theory, mean, half)
                .isBetween(mean - half, mean + half);
    }

    @Test
    void theoryFormulasMatchTheReferenceSelfTest() {
        assertThat(Theory.mm1(0.8, 1).w()).isCloseTo(5.0, within(1e-12));
        assertThat(Theory.md1(0.8, 1).wq()).isCloseTo(2.0, within(1e-12));
        assertThat(Theory.mmc(1, 1, 2).w()).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(Theory.ekm1(0.8, 1, 1).w()).isCloseTo(5.0, within(1e-9));
        // values quoted in shared/bench/README.md
        assertThat(Theory.mmc(3.5, 1, 4).w()).isCloseTo(2.4757, within(1e-4));
        assertThat(Theory.ekm1(0.875, 1, 4).w()).isCloseTo(5.1353, within(1e-4));
    }
}
