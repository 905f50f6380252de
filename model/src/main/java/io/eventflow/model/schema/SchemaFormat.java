package io.eventflow.model.schema;

import io.eventflow.model.design.MessageType;
import java.util.Locale;

/** The language a message's payload schema is written in, from its {@code schemaFormat} and {@code contentType}. */
public enum SchemaFormat {
    /** JSON Schema (draft-07 unless the schema names another draft in {@code $schema}), values sent as JSON text. */
    JSON_SCHEMA("JSON Schema", "JSON"),
    /** An Apache Avro schema, values sent in Avro's binary encoding. */
    AVRO("Avro", "Avro binary"),
    /** Protocol Buffers {@code .proto} text, values sent in the Protobuf wire format. */
    PROTOBUF("Protobuf", "Protobuf wire format"),
    /** A JSON Schema describing the value, sent encoded as MessagePack (content type {@code application/msgpack}). */
    MESSAGEPACK("JSON Schema (MessagePack)", "MessagePack"),
    /** A format this tool does not read (RAML, OpenAPI, ...): the payload is kept as written, not checked. */
    OTHER("other", null);

    private final String title;
    private final String encoding;

    SchemaFormat(String title, String encoding) {
        this.title = title;
        this.encoding = encoding;
    }

    /** The schema language's name, e.g. {@code Avro}. */
    public String title() {
        return title;
    }

    /** How values of this format are encoded on the wire, e.g. {@code Avro binary}; null for {@link #OTHER}. */
    public String encoding() {
        return encoding;
    }

    /** The format of the message's payload. */
    public static SchemaFormat of(MessageType m) {
        return of(m.schemaFormat(), m.contentType());
    }

    /**
     * The format named by an AsyncAPI {@code schemaFormat} (null: the AsyncAPI default, JSON Schema) and the message's
     * {@code contentType} (a JSON Schema with a MessagePack content type is MessagePack).
     */
    public static SchemaFormat of(String schemaFormat, String contentType) {
        String f = schemaFormat == null
                ? ""
                : schemaFormat.toLowerCase(Locale.ROOT).trim();
        if (f.startsWith("application/vnd.apache.avro")) {
            return AVRO;
        }
        if (f.startsWith("application/vnd.google.protobuf") || f.startsWith("application/x-protobuf")) {
            return PROTOBUF;
        }
        boolean json =
                f.isEmpty() || f.startsWith("application/schema+") || f.startsWith("application/vnd.aai.asyncapi");
        if (!json) {
            return OTHER;
        }
        String c =
                contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
        return c.startsWith("application/msgpack")
                        || c.startsWith("application/x-msgpack")
                        || c.startsWith("application/vnd.msgpack")
                ? MESSAGEPACK
                : JSON_SCHEMA;
    }
}
