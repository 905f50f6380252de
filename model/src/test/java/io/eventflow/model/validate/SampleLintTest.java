package io.eventflow.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.TestFiles;
import io.eventflow.model.io.DesignFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The samples show good practice: lint finds nothing worse than advice (info) in them. */
class SampleLintTest {
    static Stream<Path> samples() throws Exception {
        return TestFiles.sampleDesigns().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void samplesHaveNoLintWarnings(Path sample) throws Exception {
        List<Problem> findings = DesignFiles.lint(DesignFiles.load(sample));
        assertThat(findings)
                .as(sample.toString())
                .allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.INFO))
                .allSatisfy(p -> assertThat(p.line()).isPositive());
    }
}
