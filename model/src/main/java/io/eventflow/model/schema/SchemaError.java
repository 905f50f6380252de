package io.eventflow.model.schema;

import java.util.Objects;

/**
 * Why a payload schema does not parse, and where.
 *
 * @param message what is wrong, in the words of the schema's parser
 * @param pointer JSON pointer inside the payload when the schema is a YAML/JSON tree in the design (so the design
 *     file's line can be found), {@code ""} for the payload as a whole
 * @param line 1-based line inside the schema text (the payload as written when it is text, its JSON rendering when it
 *     is a tree), 0 when unknown
 * @param column 1-based column on that line, 0 when unknown
 */
public record SchemaError(String message, String pointer, int line, int column) {
    public SchemaError {
        Objects.requireNonNull(message, "message");
        pointer = pointer == null ? "" : pointer;
    }

    /** {@code line 3, column 7: message} (or the message alone when the place is unknown). */
    public String describe() {
        if (line <= 0) {
            return message;
        }
        return "line " + line + (column > 0 ? ", column " + column : "") + ": " + message;
    }
}
