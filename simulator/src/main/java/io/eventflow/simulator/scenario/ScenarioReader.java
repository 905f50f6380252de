package io.eventflow.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.io.InputException;
import io.eventflow.model.io.SourceTree;
import io.eventflow.model.validate.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code *.scenario.yaml} files. Every problem is reported at once with file, line and column, in the same
 * form as design problems. With a design, targets are checked against it too.
 */
public final class ScenarioReader {
    public static final String EXTENSION = ".scenario.yaml";
    private static final Set<String> TOP = Set.of(
            "eventflow-scenario", "design", "seed", "duration", "faults", "actions", "description", "name", "payloads");

    private final SourceTree tree;
    private final List<Problem> problems = new ArrayList<>();

    private ScenarioReader(SourceTree tree) {
        this.tree = tree;
    }

    /** Reads a scenario file; {@code design} may be null (then targets are not checked). */
    public static Scenario read(Path path, Design design) throws InputException {
        return run(SourceTree.read(path), design);
    }

    /** The design file a scenario names, resolved against the scenario file's folder; null when it names none. */
    public static Path designPath(Path scenarioFile, Scenario scenario) {
        if (scenario.design() == null) {
            return null;
        }
        Path dir = scenarioFile.toAbsolutePath().getParent();
        return dir == null ? Path.of(scenario.design()) : dir.resolve(scenario.design());
    }

    /** Reads scenario text; {@code name} names it in problems. */
    public static Scenario parse(String name, String text, Design design) throws InputException {
        return run(SourceTree.parse(name, text), design);
    }

    private static Scenario run(SourceTree tree, Design design) throws InputException {
        ScenarioReader r = new ScenarioReader(tree);
        Scenario s = r.scenario();
        if (design != null && r.problems.isEmpty()) {
            ScenarioChecker.check(s, design, r.problems);
        }
        if (!r.problems.isEmpty()) {
            throw new InputException(r.problems.stream().map(tree::locate).toList());
        }
        return s;
    }

    private void error(String pointer, String message, String hint) {
        problems.add(Problem.error("EF301", null, pointer, message, hint));
    }

    private Scenario scenario() {
        JsonNode root = tree.root();
        if (!root.isObject()) {
            error("", "a scenario file is a map of keys", "start with 'eventflow-scenario: 1'");
            return Scenario.EMPTY;
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP.contains(k) && !k.startsWith("x-")) {
                error("/" + k, "unknown key '" + k + "'", "use one of " + String.join(", ", TOP));
            }
        }
        JsonNode v = root.get("eventflow-scenario");
        if (v == null || !v.isInt() || v.asInt() != 1) {
            error("/eventflow-scenario", "'eventflow-scenario: 1' is required", "add it as the first line");
        }
        String design = root.hasNonNull("design") ? root.get("design").asText() : null;
        Long seed = null;
        if (root.has("seed")) {
            if (root.get("seed").canConvertToLong()) {
                seed = root.get("seed").asLong();
            } else {
                error("/seed", "seed must be a whole number", null);
            }
        }
        Long duration = root.has("duration") ? span(root.get("duration"), "/duration", 0) : null;
        List<Fault> faults = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        list(root, "faults").forEach(i -> {
            Fault f = new FaultParser(this, "/faults/" + i, root.get("faults").get(i)).fault();
            if (f != null) {
                faults.add(f);
            }
        });
        list(root, "actions").forEach(i -> {
            Action a =
                    new FaultParser(this, "/actions/" + i, root.get("actions").get(i)).action();
            if (a != null) {
                actions.add(a);
            }
        });
        return new Scenario(design, seed, duration, faults, actions, payloads(root));
    }

    /** {@code payloads: fixed | encoded}; absent: fixed. */
    private Scenario.Payloads payloads(JsonNode root) {
        JsonNode n = root.get("payloads");
        if (n == null || n.isNull()) {
            return Scenario.Payloads.FIXED;
        }
        return switch (n.asText()) {
            case "fixed" -> Scenario.Payloads.FIXED;
            case "encoded" -> Scenario.Payloads.ENCODED;
            default -> {
                error(
                        "/payloads",
                        "payloads is 'fixed' or 'encoded', not '" + n.asText() + "'",
                        "'encoded' gives each message an encoded example of its type (see scenario-format.md)");
                yield Scenario.Payloads.FIXED;
            }
        };
    }

    private List<Integer> list(JsonNode root, String key) {
        JsonNode n = root.get(key);
        List<Integer> idx = new ArrayList<>();
        if (n == null || n.isNull()) {
            return idx;
        }
        if (!n.isArray()) {
            error("/" + key, "'" + key + "' must be a list", "write one '- {at: ..., kind: ...}' per line");
            return idx;
        }
        for (int i = 0; i < n.size(); i++) {
            idx.add(i);
        }
        return idx;
    }

    /** Reads a duration; records a problem and returns {@code dflt} when it is not one. */
    long span(JsonNode n, String pointer, long dflt) {
        try {
            // A bare number is seconds; TimeSpan.parse says so too and refuses negative and too long durations.
            return TimeSpan.parse(n.asText()).nanos();
        } catch (IllegalArgumentException e) {
            error(pointer, e.getMessage(), null);
            return dflt;
        }
    }

    double rate(JsonNode n, String pointer) {
        try {
            // A bare number is per second; Rate.parse refuses negative rates and rates over the limit.
            return Rate.parse(n.asText()).perSecond();
        } catch (IllegalArgumentException e) {
            error(pointer, e.getMessage(), null);
            return 0;
        }
    }

    void problem(String pointer, String message, String hint) {
        error(pointer, message, hint);
    }
}
