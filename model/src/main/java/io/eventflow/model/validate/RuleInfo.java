package io.eventflow.model.validate;

import java.util.Objects;

/**
 * Describes one lint rule, for help texts, the docs and settings dialogs.
 *
 * @param id stable id, e.g. {@code EF001}; designs switch rules with {@code lint: {rules: {EF001: off}}}
 * @param defaultSeverity the severity of its findings unless the design re-levels it
 * @param title a short name, e.g. "more than one message type on a channel"
 * @param why one or two sentences on why it matters and what to do
 */
public record RuleInfo(String id, Severity defaultSeverity, String title, String why) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(why, "why");
    }
}
