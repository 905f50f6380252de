package io.eventflow.model.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * What reading a message's payload schema found.
 *
 * @param format the schema's language
 * @param status whether it was read, and how that went
 * @param error why it does not parse ({@link Status#BROKEN} only), else null
 * @param example an example value and its encoding, when one could be made (only with {@link Status#PARSED})
 * @param note why there is no example, or why the schema was not checked; null when there is nothing to say
 */
public record PayloadCheck(SchemaFormat format, Status status, SchemaError error, Example example, String note) {
    /** How reading the payload schema went. */
    public enum Status {
        /** The message has no payload schema. */
        NONE,
        /** The schema was not checked: a format this tool does not read, or a reference to another document. */
        UNCHECKED,
        /** The schema does not parse: see {@link #error()}. */
        BROKEN,
        /** The schema parsed; {@link #example()} is there unless {@link #note()} says why not. */
        PARSED
    }

    public PayloadCheck {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(status, "status");
        if ((status == Status.BROKEN) != (error != null)) {
            throw new IllegalArgumentException("an error goes with BROKEN, and only there");
        }
        if (example != null && status != Status.PARSED) {
            throw new IllegalArgumentException("an example needs a parsed schema");
        }
    }

    public static PayloadCheck none(SchemaFormat format) {
        return new PayloadCheck(format, Status.NONE, null, null, "no payload schema");
    }

    public static PayloadCheck unchecked(SchemaFormat format, String why) {
        return new PayloadCheck(format, Status.UNCHECKED, null, null, why);
    }

    public static PayloadCheck broken(SchemaFormat format, SchemaError error) {
        return new PayloadCheck(format, Status.BROKEN, error, null, null);
    }

    public static PayloadCheck parsed(SchemaFormat format, Example example, String noExampleWhy) {
        return new PayloadCheck(format, Status.PARSED, null, example, example == null ? noExampleWhy : null);
    }

    /** The example, when one was made. */
    public Optional<Example> exampleIfAny() {
        return Optional.ofNullable(example);
    }
}
