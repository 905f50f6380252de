package io.eventflow.model.schema;

import io.eventflow.model.design.MessageType;
import java.util.Objects;

/**
 * The size one message of a type is taken to have, and where that figure comes from. This is the one place that
 * decides a message's size: lint (EF003, EF025), the simulator's byte-based limits and the inspector read it.
 *
 * @param bytes the size in bytes
 * @param source where it comes from
 * @param encoding for {@link Source#MEASURED}, the encoding measured (e.g. {@code Avro binary}); else null
 */
public record MessageSize(long bytes, Source source, String encoding) {
    /** The size when the design types none and no example can be made from its schema. */
    public static final long DEFAULT_BYTES = 1024;

    /** Where a message size comes from. */
    public enum Source {
        /** Typed in the design ({@code sizeBytes}). */
        TYPED,
        /** The encoded size of the example generated from the payload schema. */
        MEASURED,
        /** Neither: the 1 KiB default. */
        DEFAULT
    }

    public MessageSize {
        Objects.requireNonNull(source, "source");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes < 0");
        }
    }

    /** The size of one message of this type: typed, else measured from its schema's example, else 1 KiB. */
    public static MessageSize of(MessageType m) {
        if (m.size() != null) {
            return new MessageSize(m.size().bytes(), Source.TYPED, null);
        }
        return measured(m).orElse(new MessageSize(DEFAULT_BYTES, Source.DEFAULT, null));
    }

    /** The encoded size of the example made from the message's schema, whatever {@code sizeBytes} says. */
    public static java.util.Optional<MessageSize> measured(MessageType m) {
        return PayloadSchemas.check(m)
                .exampleIfAny()
                .map(e -> new MessageSize(e.size(), Source.MEASURED, e.encoding()));
    }

    /** E.g. {@code 37 bytes, measured from the Avro binary example}. */
    public String describe() {
        String amount = bytes + (bytes == 1 ? " byte" : " bytes");
        return switch (source) {
            case TYPED -> amount + ", typed (sizeBytes)";
            case MEASURED -> amount + ", measured from the " + encoding + " example";
            case DEFAULT -> amount + ", the default (no sizeBytes, no example from a schema)";
        };
    }
}
