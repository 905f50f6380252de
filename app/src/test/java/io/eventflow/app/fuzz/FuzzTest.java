package io.eventflow.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI subset of the fuzzer: the hostile list, then mutated samples and AsyncAPI examples, with a fixed seed. Any
 * crash, hang or out-of-memory fails the build; the figures are printed. Long runs: {@link FuzzMain}.
 */
class FuzzTest {
    /** Cases in CI (about a minute on a quiet machine); {@code -Deventflow.fuzz.cases=N} changes it. */
    static final long CASES = Long.getLong("eventflow.fuzz.cases", 2000);

    @Test
    void noInputCrashesHangsOrExhaustsTheReaders(@TempDir Path work) throws Exception {
        Fuzzer f = new Fuzzer(
                Long.getLong("eventflow.fuzz.seed", 20261206L),
                Long.getLong("eventflow.fuzz.timeoutMs", 30_000L),
                FuzzMain.repo(),
                FuzzMain.shared(),
                work);
        Fuzzer.Stats s = f.run(CASES, Long.MAX_VALUE, null);
        System.err.println("fuzz (CI subset): " + s.summary());
        assertThat(s.cases).isEqualTo(CASES);
        assertThat(s.failuresTotal()).as(s.summary()).isZero();
        // The corpus was there: every target got cases and most mutated inputs are still read to the end.
        assertThat(s.byTarget).containsKeys(Fuzzer.Target.DESIGN, Fuzzer.Target.SCENARIO);
        assertThat(s.count(Fuzzer.Outcome.OK)).isPositive();
        assertThat(s.count(Fuzzer.Outcome.REFUSED)).isPositive();
        assertThat(Files.isDirectory(work)).isTrue();
    }
}
