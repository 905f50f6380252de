package io.eventflow.app.document;

import io.eventflow.model.validate.Problem;
import java.util.List;

/**
 * What the deferred checks of a {@link DocumentViewModel} found in one design (those that read payload schemas).
 *
 * @param validation validation errors: they block Simulate and Export
 * @param advice lint findings
 */
public record SchemaProblems(List<Problem> validation, List<Problem> advice) {
    static final SchemaProblems NONE = new SchemaProblems(List.of(), List.of());

    public SchemaProblems {
        validation = List.copyOf(validation);
        advice = List.copyOf(advice);
    }
}
