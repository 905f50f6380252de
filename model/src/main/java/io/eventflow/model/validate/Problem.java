package io.eventflow.model.validate;

import java.util.Objects;

/**
 * One finding about a file: a syntax error, a validation error or a lint finding.
 *
 * @param rule stable id, e.g. {@code EF101} (validation) or {@code EF001} (lint)
 * @param severity how serious it is
 * @param element id of the element it concerns, or null for the file or design as a whole
 * @param message one line saying what is wrong
 * @param hint one line saying how to fix it, or null
 * @param pointer JSON pointer into the file, e.g. {@code /channels/0/broker}, or null
 * @param file the file's path as the user gave it, or null
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record Problem(
        String rule,
        Severity severity,
        String element,
        String message,
        String hint,
        String pointer,
        String file,
        int line,
        int column) {
    public Problem {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String rule, String element, String pointer, String message, String hint) {
        return new Problem(rule, Severity.ERROR, element, message, hint, pointer, null, 0, 0);
    }

    public Problem at(String newFile, int newLine, int newColumn) {
        return new Problem(rule, severity, element, message, hint, pointer, newFile, newLine, newColumn);
    }

    public Problem withSeverity(Severity newSeverity) {
        return new Problem(rule, newSeverity, element, message, hint, pointer, file, line, column);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: severity RULE: message (hint)}, the way compilers print. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        sb.append(severity).append(' ').append(rule).append(": ").append(message);
        if (element != null) {
            sb.append(" [").append(element).append(']');
        }
        if (hint != null) {
            sb.append("\n    hint: ").append(hint);
        }
        return sb.toString();
    }
}
