package io.eventflow.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.TestFiles;
import io.eventflow.model.design.Design;
import io.eventflow.model.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SampleRoundTripTest {
    static Stream<Path> samples() throws Exception {
        return TestFiles.sampleDesigns().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleLoadsWithoutErrors(Path sample) throws Exception {
        DesignFiles.Loaded loaded = DesignFiles.load(sample);
        List<Problem> errors =
                loaded.problems().stream().filter(Problem::isError).toList();
        assertThat(errors).as("errors in " + sample).isEmpty();
        assertThat(loaded.design().channels()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void loadSaveLoadIsLossless(Path sample, @TempDir Path tmp) throws Exception {
        Design first = DesignFiles.open(sample);
        Path copy = tmp.resolve("copy.eventflow.yaml");
        DesignFiles.save(first, copy);
        Design second = DesignFiles.open(copy);
        assertThat(second).isEqualTo(first);
        // Saving again gives the same bytes: the key order is stable.
        Path again = tmp.resolve("again.eventflow.yaml");
        DesignFiles.save(second, again);
        assertThat(Files.readString(again)).isEqualTo(Files.readString(copy));
    }
}
