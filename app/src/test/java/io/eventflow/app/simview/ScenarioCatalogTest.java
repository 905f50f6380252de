package io.eventflow.app.simview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioCatalogTest {
    @TempDir
    Path dir;

    private static List<String> names(List<ScenarioCatalog.Choice> choices) {
        return choices.stream().map(ScenarioCatalog.Choice::name).toList();
    }

    @Test
    void offersTheScenariosNextToTheDesignThatAreForItAndNoOtherDesigns() throws Exception {
        Path design = dir.resolve("shop.eventflow.yaml");
        Files.writeString(design, "eventflow: 1\n");
        Files.writeString(dir.resolve("shop.scenario.yaml"), "eventflow-scenario: 1\ndesign: shop.eventflow.yaml\n");
        Files.writeString(
                dir.resolve("quoted.scenario.yaml"), "eventflow-scenario: 1\ndesign: 'shop.eventflow.yaml' # it\n");
        Files.writeString(dir.resolve("any.scenario.yaml"), "eventflow-scenario: 1\nduration: 10s\n");
        Files.writeString(dir.resolve("other.scenario.yaml"), "eventflow-scenario: 1\ndesign: other.eventflow.yaml\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(
                dir.resolve("sub").resolve("nested.scenario.yaml"),
                "design: ../shop.eventflow.yaml\n"); // not listed: another folder
        // a nested key named design (not top level) does not count
        Files.writeString(dir.resolve("nested-key.scenario.yaml"), "faults:\n  - {design: other}\n");

        assertThat(names(ScenarioCatalog.choices(design, "Shop")))
                .containsExactly(
                        "(no scenario)",
                        "any.scenario.yaml",
                        "nested-key.scenario.yaml",
                        "quoted.scenario.yaml",
                        "shop.scenario.yaml");
    }

    @Test
    void offersOnlyTheBundledSampleMadeForTheDesignAndNotTwice() throws Exception {
        String sample = ScenarioCatalog.SAMPLES.get(0);
        String base = sample.replace(".scenario.yaml", "");
        // a copy of a sample design elsewhere: its bundled scenario is offered, the other samples' are not
        Path copy = dir.resolve(base + ".eventflow.yaml");
        Files.writeString(copy, "eventflow: 1\n");
        assertThat(names(ScenarioCatalog.choices(copy, "Something else")))
                .containsExactly("(no scenario)", "sample: " + sample);
        // with the scenario file next to it (the samples folder itself), the bundled one is not listed again
        Files.writeString(dir.resolve(sample), "eventflow-scenario: 1\ndesign: " + base + ".eventflow.yaml\n");
        assertThat(names(ScenarioCatalog.choices(copy, "Something else"))).containsExactly("(no scenario)", sample);
        // a new design in the same folder gets neither the folder's scenario of the sample nor the bundled one
        Path fresh = dir.resolve("fresh.eventflow.yaml");
        assertThat(names(ScenarioCatalog.choices(fresh, "Fresh"))).containsExactly("(no scenario)");
    }
}
