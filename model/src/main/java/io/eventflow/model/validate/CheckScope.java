package io.eventflow.model.validate;

/**
 * Which checks of a design to run. Reading the messages' payload schemas (Avro, Protobuf with Wire, JSON Schema and
 * MessagePack with a JSON Schema validator) loads some 800 classes on first use; an editor shows a design first and
 * checks its payload schemas afterwards, off its UI thread ({@link #WITHOUT_PAYLOAD_SCHEMAS}, then {@link
 * #PAYLOAD_SCHEMAS}). The two parts together find exactly what {@link #ALL} finds.
 */
public enum CheckScope {
    /** Every check. */
    ALL,
    /** Every check that does not read a payload schema. */
    WITHOUT_PAYLOAD_SCHEMAS,
    /**
     * Only the checks that read payload schemas: a schema that does not parse (EF107), and the lint rules that
     * measure a message from its schema's example (EF003 for a message without {@code sizeBytes}, EF025).
     */
    PAYLOAD_SCHEMAS;

    /** Whether this scope runs the checks that read payload schemas. */
    public boolean payloadSchemas() {
        return this != WITHOUT_PAYLOAD_SCHEMAS;
    }

    /** Whether this scope runs the checks that do not read payload schemas. */
    public boolean others() {
        return this != PAYLOAD_SCHEMAS;
    }
}
