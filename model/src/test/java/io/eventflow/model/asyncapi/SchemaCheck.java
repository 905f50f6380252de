package io.eventflow.model.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.eventflow.model.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Validates documents against the official AsyncAPI JSON Schemas in the shared folder. */
final class SchemaCheck {
    private static final ConcurrentHashMap<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaCheck() {}

    static JsonSchema schema(String version) {
        Path file = TestFiles.shared().resolve("asyncapi/schemas/" + version + ".json");
        return SCHEMAS.computeIfAbsent(version, v -> {
            try {
                JsonNode node = new ObjectMapper().readTree(file.toFile());
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The schema errors of a document, as readable lines; empty when valid. */
    static List<String> errors(JsonNode doc) {
        String version = doc.path("asyncapi").asText();
        Set<ValidationMessage> messages = schema(version).validate(doc);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
