package io.eventflow.app.simview;

import io.eventflow.app.canvas.KindLook;
import io.eventflow.app.canvas.KindLooks;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.InputException;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.scenario.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The scenarios offered for a design: none, the scenario files next to it, and the bundled samples. */
public final class ScenarioCatalog {
    /** Bundled sample scenarios (class-path resources): each broker kind's, in the kinds' order. */
    public static final List<String> SAMPLES = KindLooks.all().stream()
            .map(KindLook::sampleScenario)
            .filter(java.util.Objects::nonNull)
            .toList();

    private static final String SAMPLE_DIR = "/assets/samples/";

    /** One entry of the selector: a file, a bundled sample (file null), or no scenario (both null). */
    public record Choice(String name, Path file, String resource) {
        public static final Choice NONE = new Choice("(no scenario)", null, null);

        @Override
        public String toString() {
            return name;
        }
    }

    private ScenarioCatalog() {}

    public static List<Choice> choices(Path designFile) {
        List<Choice> out = new ArrayList<>();
        out.add(Choice.NONE);
        if (designFile != null && designFile.getParent() != null && Files.isDirectory(designFile.getParent())) {
            try (Stream<Path> s = Files.list(designFile.getParent())) {
                s.filter(p -> p.getFileName().toString().endsWith(ScenarioReader.EXTENSION))
                        .sorted()
                        .forEach(p -> out.add(new Choice(p.getFileName().toString(), p, null)));
            } catch (IOException e) {
                org.tinylog.Logger.warn(e, "cannot list scenarios next to {}", designFile);
            }
        }
        for (String s : SAMPLES) {
            out.add(new Choice("sample: " + s, null, SAMPLE_DIR + s));
        }
        return out;
    }

    /** Reads a choice, checking its targets against the design. */
    public static Scenario load(Choice c, Design design) throws IOException, InputException {
        if (c.file() != null) {
            return ScenarioReader.read(c.file(), design);
        }
        if (c.resource() != null) {
            try (InputStream in = ScenarioCatalog.class.getResourceAsStream(c.resource())) {
                if (in == null) {
                    throw new IOException("the sample scenario is missing from the application: " + c.resource());
                }
                return ScenarioReader.parse(c.name(), new String(in.readAllBytes(), StandardCharsets.UTF_8), design);
            }
        }
        return Scenario.EMPTY;
    }

    /**
     * The scenario made for a design, or null: the file next to it with the same base name ({@code X.eventflow.yaml} →
     * {@code X.scenario.yaml}), else a bundled sample scenario with that base name or named after the design.
     */
    public static Choice sampleFor(List<Choice> choices, Design d, Path designFile) {
        String base = designFile == null || designFile.getFileName() == null
                ? null
                : designFile.getFileName().toString().replaceFirst("\\.eventflow\\.ya?ml$", "")
                        + ScenarioReader.EXTENSION;
        if (base != null) {
            for (Choice c : choices) {
                if (c.file() != null && c.file().getFileName().toString().equals(base)) {
                    return c;
                }
            }
            for (Choice c : choices) {
                if (c.resource() != null && c.resource().endsWith("/" + base)) {
                    return c;
                }
            }
        }
        String key = d.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return choices.stream()
                .filter(c -> c.resource() != null && c.resource().contains(key))
                .findFirst()
                .orElse(null);
    }
}
