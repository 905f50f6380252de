package io.eventflow.app.inspector;

import io.eventflow.model.design.Design;
import io.eventflow.model.design.LintSettings;
import io.eventflow.model.validate.Linter;
import io.eventflow.model.validate.RuleInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** The design's lint settings: each rule off or at a level, and the limits some rules check against. */
final class LintForm {
    /** The levels a rule can be set to; none (the empty entry) keeps the rule's default. */
    static final String[] LEVELS = {"off", "info", "warning", "error"};

    private LintForm() {}

    /**
     * The lint section. A design that customises nothing shows a link that opens the settings in place: fourteen
     * rule choices are clutter most of the time, and building them is a third of the window's start-up.
     */
    static void add(Form f, InspectorViewModel vm, Design d) {
        LintSettings l = d.lint() == null ? LintSettings.DEFAULT : d.lint();
        f.section("Lint");
        if (l.isEmpty()) {
            javafx.scene.control.Hyperlink open = new javafx.scene.control.Hyperlink(
                    "Lint settings: defaults (" + Linter.rules().size() + " rules) — edit…");
            open.setId("lint-settings-open");
            open.setOnAction(e -> {
                open.setVisible(false);
                open.setManaged(false);
                rows(f, vm, l);
            });
            f.wide(open);
            return;
        }
        rows(f, vm, l);
    }

    private static void rows(Form f, InspectorViewModel vm, LintSettings l) {
        f.text(
                "Max message size",
                l.maxMessageSize(),
                Parsers.SIZE,
                v -> vm.editDesign("lint max message size", x -> withLint(x, s -> s.withMaxMessageSize(v))));
        f.text(
                "Address pattern",
                l.addressPattern(),
                Parsers.REGEX,
                v -> vm.editDesign("lint address pattern", x -> withLint(x, s -> s.withAddressPattern(v))));
        f.text(
                "Expected downtime",
                l.expectedDowntime(),
                Parsers.DURATION,
                v -> vm.editDesign("lint expected downtime", x -> withLint(x, s -> s.withExpectedDowntime(v))));
        for (RuleInfo r : Linter.rules()) {
            // The rule's name above its level, its reason as the tooltip of both: EF0xx alone says nothing.
            javafx.scene.control.Label name = new javafx.scene.control.Label(r.id() + " · " + r.title());
            name.setId("lint-rule-" + r.id().toLowerCase(java.util.Locale.ROOT));
            name.getStyleClass().add("lint-rule-name");
            name.setWrapText(true);
            javafx.scene.control.Tooltip why = new javafx.scene.control.Tooltip(r.why());
            why.setWrapText(true);
            why.setMaxWidth(420);
            name.setTooltip(why);
            f.wide(name);
            var box = f.choice(
                    r.id(),
                    LEVELS,
                    l.rules().get(r.id()),
                    v -> vm.editDesign("lint rule " + r.id(), x -> withRule(x, r.id(), v)));
            box.setPromptText("default (" + r.defaultSeverity().key() + ")");
            box.setTooltip(why);
        }
    }

    /** The design with its lint settings changed (a null setting: its default). */
    static Design withLint(Design d, java.util.function.UnaryOperator<LintSettings> change) {
        LintSettings l = d.lint() == null ? LintSettings.DEFAULT : d.lint();
        return d.withLint(change.apply(l));
    }

    /** The design with a rule set to a level, or back to its default when {@code level} is null. */
    static Design withRule(Design d, String rule, String level) {
        LintSettings l = d.lint() == null ? LintSettings.DEFAULT : d.lint();
        Map<String, String> rules = new LinkedHashMap<>(l.rules());
        if (level == null) {
            rules.remove(rule);
        } else {
            rules.put(rule, level);
        }
        return withLint(d, x -> x.withRules(rules));
    }
}
