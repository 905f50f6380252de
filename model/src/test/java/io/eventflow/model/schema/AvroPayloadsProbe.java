package io.eventflow.model.schema;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads an Avro schema without the cache, to show that two readings give the same example. */
final class AvroPayloadsProbe {
    private AvroPayloadsProbe() {}

    static Example fresh(JsonNode payload) {
        return AvroPayloads.check(payload).example();
    }
}
