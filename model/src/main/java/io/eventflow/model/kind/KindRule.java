package io.eventflow.model.kind;

/**
 * A lint rule that only applies to channels of one kind, for the linter's catalogue.
 *
 * @param id stable id, e.g. {@code EF015}
 * @param info true when its findings are infos by default, false for warnings
 * @param title a short name
 * @param why one or two sentences on why it matters and what to do
 */
public record KindRule(String id, boolean info, String title, String why) {}
