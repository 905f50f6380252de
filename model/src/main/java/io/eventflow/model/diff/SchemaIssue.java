package io.eventflow.model.diff;

/**
 * One difference between two versions of a payload schema.
 *
 * @param rule what changed, e.g. {@code required-added}, {@code field-type-changed}
 * @param path where in the schema: a JSON pointer for JSON Schema, {@code Message.field} for Protobuf, the Avro
 *     checker's location for Avro
 * @param message one line for people
 * @param backward whether a reader on the new schema reads data written with the old one
 * @param forward whether a reader on the old schema reads data written with the new one
 */
public record SchemaIssue(String rule, String path, String message, Impact backward, Impact forward) {
    /** A narrowing change: the new schema accepts less (old data may not read), old readers read new data. */
    static SchemaIssue narrowing(String rule, String path, String message) {
        return new SchemaIssue(rule, path, message, Impact.BREAKING, Impact.NON_BREAKING);
    }

    /** A widening change: the new schema accepts more (old readers may not read new data). */
    static SchemaIssue widening(String rule, String path, String message) {
        return new SchemaIssue(rule, path, message, Impact.NON_BREAKING, Impact.BREAKING);
    }

    static SchemaIssue both(String rule, String path, String message) {
        return new SchemaIssue(rule, path, message, Impact.BREAKING, Impact.BREAKING);
    }

    static SchemaIssue harmless(String rule, String path, String message) {
        return new SchemaIssue(rule, path, message, Impact.NON_BREAKING, Impact.NON_BREAKING);
    }

    /** Whether it breaks the given directions. */
    boolean breaks(boolean checkBackward, boolean checkForward) {
        return (checkBackward && backward == Impact.BREAKING) || (checkForward && forward == Impact.BREAKING);
    }
}
