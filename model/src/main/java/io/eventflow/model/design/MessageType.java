package io.eventflow.model.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * A message type that flows on channels.
 *
 * @param id stable id, unique among message types
 * @param name the message name when it differs from the id (AsyncAPI {@code name})
 * @param title human title
 * @param summary one-line summary
 * @param description longer text
 * @param contentType e.g. {@code application/json}, {@code application/avro}
 * @param schemaFormat the payload's schema format when not JSON Schema, e.g.
 *     {@code application/vnd.apache.avro;version=1.9.0} or {@code application/vnd.google.protobuf;version=3}
 * @param payload the payload schema: a JSON Schema object, an Avro schema (object) or Protobuf text (string node);
 *     {@code null} when the message has no schema
 * @param headers JSON Schema of the headers (an object schema) or a map of header name to schema; may be null
 * @param correlationId where the correlation id lives: {@code header:NAME}, {@code payload:NAME}, or an AsyncAPI runtime
 *     expression ({@code $message.header#/x}); null when none
 * @param size typical size of one message
 * @param signing how the message is signed ({@link Signing#UNSIGNED} opts out of its channels' signing); null when
 *     the message says nothing (its channels' signing applies)
 * @param examples example messages (a list), or null
 * @param compatibility the compatibility mode its payload schema keeps between versions (the channels' or {@link
 *     Compatibility#DEFAULT} when null), checked by {@code eventflow diff}
 * @param extensions {@code x-} keys kept verbatim
 */
public record MessageType(
        String id,
        String name,
        String title,
        String summary,
        String description,
        String contentType,
        String schemaFormat,
        JsonNode payload,
        JsonNode headers,
        String correlationId,
        DataSize size,
        Signing signing,
        JsonNode examples,
        Compatibility compatibility,
        Map<String, JsonNode> extensions)
        implements Element {
    public MessageType {
        Objects.requireNonNull(id, "id");
        extensions = Extensions.copy(extensions);
    }

    /** A copy with {@code compatibility} set. */
    public MessageType withCompatibility(Compatibility newCompatibility) {
        return new MessageType(
                id,
                name,
                title,
                summary,
                description,
                contentType,
                schemaFormat,
                payload,
                headers,
                correlationId,
                size,
                signing,
                examples,
                newCompatibility,
                extensions);
    }

    public MessageType(String id) {
        this(id, null, null, null, null, null, null, null, null, null, null, null, null, null, Map.of());
    }

    /** Whether the message itself says it is signed (its channels may sign it too: {@link Signing#effective}). */
    public boolean isSigned() {
        return signing != null && signing.enabled();
    }

    /** Size in bytes, 1 KiB when not given. */
    public long sizeBytes() {
        return size == null ? 1024 : size.bytes();
    }

    public MessageType withId(String newId) {
        return new MessageType(
                newId,
                name,
                title,
                summary,
                description,
                contentType,
                schemaFormat,
                payload,
                headers,
                correlationId,
                size,
                signing,
                examples,
                compatibility,
                extensions);
    }

    public MessageType withPayload(JsonNode newPayload) {
        return new MessageType(
                id,
                name,
                title,
                summary,
                description,
                contentType,
                schemaFormat,
                newPayload,
                headers,
                correlationId,
                size,
                signing,
                examples,
                compatibility,
                extensions);
    }

    /** A copy with {@code name} set. */
    public MessageType withName(String newName) {
        return new MessageType(
                id,
                newName,
                title,
                summary,
                description,
                contentType,
                schemaFormat,
                payload,
                headers,
                correlationId,
                size,
                signing,
                examples,
                compatibility,
                extensions);
    }

    /** A copy with {@code title} set. */
    public MessageType withTitle(String newTitle) {
        return new MessageType(
                id,
                name,
                newTitle,
                summary,
                description,
                contentType,
                schemaFormat,
                payload,
                headers,
                correlationId,
                size,
                signing,
                examples,
                compatibility,
                extensions);
    }

    /** A copy with {@code summary} set. */
    public MessageType withSummary(String newSummary) {
        return new MessageType(
                id,
                name,
                title,
                newSummary,
                description,
                contentType,
                schemaFormat,
                payload,
                headers,
                correlationId,
                size,
                signing,
                examples,
                compatibility,
                extensions);
    }

    /** A copy with {@code description} set. */
    public MessageType withDescription(String newDescription) {
        return new MessageType(
                id,
                name,
                title,
                summary,
                newDescription,
                contentType,
                schemaFormat,
                payload,
                headers,
                correlationId,
                size,
                signing,
                examples,
                compatibility,
                extensions);
    }

    /** A copy with {@code contentType} set. */
    public MessageType withContentType(String newContentType) {
        return new MessageType(
                id,
                name,
                title,
                summary,
                description,
                newContentType,
                schemaFormat,
                payload,
                headers,
                correlationId,
                size,
                signing,
                examples,
                compatibility,
                extensions);
    }

    /** A copy with {@code schemaFormat} set. */
    public MessageType withSchemaFormat(String newSchemaFormat) {
        return new MessageType(
                id,
                name,
                title,
                summary,
                description,
                contentType,
                newSchemaFormat,
                payload,
                headers,
                correlationId,
                size,
                signing,
                examples,
                compatibility,
                extensions);
    }

    /** A copy with {@code headers} set. */
    public MessageType withHeaders(JsonNode newHeaders) {
        return new MessageType(
                id,
                name,
                title,
                summary,
                description,
                contentType,
                schemaFormat,
                payload,
                newHeaders,
                correlationId,
                size,
                signing,
                examples,
                compatibility,
                extensions);
    }

    /** A copy with {@code correlationId} set. */
    public MessageType withCorrelationId(String newCorrelationId) {
        return new MessageType(
                id,
                name,
                title,
                summary,
                description,
                contentType,
                schemaFormat,
                payload,
                headers,
                newCorrelationId,
                size,
                signing,
                examples,
                compatibility,
                extensions);
    }

    /** A copy with {@code size} set. */
    public MessageType withSize(DataSize newSize) {
        return new MessageType(
                id,
                name,
                title,
                summary,
                description,
                contentType,
                schemaFormat,
                payload,
                headers,
                correlationId,
                newSize,
                signing,
                examples,
                compatibility,
                extensions);
    }

    /** A copy with {@code signing} set (null: the channels' signing applies). */
    public MessageType withSigning(Signing newSigning) {
        return new MessageType(
                id,
                name,
                title,
                summary,
                description,
                contentType,
                schemaFormat,
                payload,
                headers,
                correlationId,
                size,
                newSigning,
                examples,
                compatibility,
                extensions);
    }

    @Override
    public <R> R match(
            java.util.function.Function<Broker, R> broker,
            java.util.function.Function<Channel, R> channel,
            java.util.function.Function<Service, R> service,
            java.util.function.Function<MessageType, R> message) {
        return message.apply(this);
    }
}
