package io.eventflow.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Objects;

/**
 * An example value made from a payload schema, and its encoding on the wire.
 *
 * @param value the value as JSON (for Avro, Avro's JSON encoding; for Protobuf, the canonical JSON mapping of its
 *     fields), what documentation and AsyncAPI {@code examples} show
 * @param bytes the value encoded as the format sends it (Avro binary, Protobuf wire format, MessagePack, UTF-8 JSON)
 * @param encoding the encoding's name, e.g. {@code Avro binary}
 */
public record Example(JsonNode value, byte[] bytes, String encoding) {
    public Example {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(encoding, "encoding");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The encoded size in bytes. */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Example e
                && value.equals(e.value)
                && Arrays.equals(bytes, e.bytes)
                && encoding.equals(e.encoding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, Arrays.hashCode(bytes), encoding);
    }

    @Override
    public String toString() {
        return "Example[" + encoding + ", " + bytes.length + " bytes, " + value + "]";
    }
}
