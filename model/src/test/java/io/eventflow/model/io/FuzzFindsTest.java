package io.eventflow.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.Designs;
import io.eventflow.model.validate.Problem;
import org.junit.jupiter.api.Test;

/** Inputs the fuzzer found, kept as regression tests. */
class FuzzFindsTest {
    @Test
    void aNumberBeyondDoubleIsRefusedNotWrittenAsInfinity() throws Exception {
        // 1e999 read as infinity and was written back as 'Infinity', which the reader then refused.
        String yaml = Designs.CLEAN + "layout:\n  p: {x: 40, y: 1e999}\n";
        DesignFiles.Loaded loaded = DesignFiles.parse("huge.eventflow.yaml", yaml);
        assertThat(loaded.problems())
                .filteredOn(Problem::isError)
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("EF104");
                    assertThat(p.message()).isEqualTo("'y' is too large a number");
                    assertThat(p.line()).isEqualTo(Designs.lineOf(yaml, "1e999"));
                });
    }
}
