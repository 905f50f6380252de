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

    /**
     * None, then the scenario files next to the design that are for it (their {@code design:} names this file, or
     * they name none), then the bundled sample scenario made for it, if any and not already listed as a file. Scenarios
     * of other designs are left out: their targets would not exist in this one.
     */
    public static List<Choice> choices(Path designFile) {
        return choices(designFile, null);
    }

    /** {@link #choices(Path)}, also matching bundled samples by the design's name (a sample opened from elsewhere). */
    public static List<Choice> choices(Path designFile, String designName) {
        List<Choice> out = new ArrayList<>();
        out.add(Choice.NONE);
        java.util.Set<String> listed = new java.util.HashSet<>();
        if (designFile != null && designFile.getParent() != null && Files.isDirectory(designFile.getParent())) {
            try (Stream<Path> s = Files.list(designFile.getParent())) {
                s.filter(p -> p.getFileName().toString().endsWith(ScenarioReader.EXTENSION))
                        .filter(p -> isFor(p, designFile))
                        .sorted()
                        .forEach(p -> {
                            out.add(new Choice(p.getFileName().toString(), p, null));
                            listed.add(p.getFileName().toString());
                        });
            } catch (IOException e) {
                org.tinylog.Logger.warn(e, "cannot list scenarios next to {}", designFile);
            }
        }
        String base = baseName(designFile);
        String key = designName == null
                ? null
                : designName.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        for (String s : SAMPLES) {
            boolean made = s.equals(base) || (key != null && !key.isEmpty() && s.contains(key));
            if (made && !listed.contains(s)) {
                out.add(new Choice("sample: " + s, null, SAMPLE_DIR + s));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern DESIGN_LINE =
            java.util.regex.Pattern.compile("^design:\\s*['\"]?([^'\"#]+?)['\"]?\\s*(#.*)?$");

    /**
     * True when the scenario file {@code scenario} is for {@code designFile}: its top-level {@code design:} resolves to
     * it, or it has none. Reads the file's first 64 KiB as text; a file that cannot be read is offered (choosing it
     * shows its error).
     */
    static boolean isFor(Path scenario, Path designFile) {
        String text;
        try (InputStream in = Files.newInputStream(scenario)) {
            text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return true;
        }
        for (String line : text.split("\\R")) {
            java.util.regex.Matcher m = DESIGN_LINE.matcher(line);
            if (m.matches()) {
                try {
                    Path named = scenario.toAbsolutePath()
                            .getParent()
                            .resolve(m.group(1).trim())
                            .normalize();
                    return named.equals(designFile.toAbsolutePath().normalize());
                } catch (java.nio.file.InvalidPathException e) {
                    return true;
                }
            }
        }
        return true;
    }

    private static String baseName(Path designFile) {
        return designFile == null || designFile.getFileName() == null
                ? null
                : designFile.getFileName().toString().replaceFirst("\\.eventflow\\.ya?ml$", "")
                        + ScenarioReader.EXTENSION;
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
