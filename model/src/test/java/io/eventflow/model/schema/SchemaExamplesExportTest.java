package io.eventflow.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.asyncapi.AsyncApiExporter;
import io.eventflow.model.asyncapi.AsyncApiVersion;
import io.eventflow.model.design.Design;
import io.eventflow.model.doc.HtmlDocWriter;
import io.eventflow.model.io.DesignFiles;
import org.junit.jupiter.api.Test;

/** AsyncAPI exports and the HTML documentation carry the examples made from Avro and Protobuf schemas. */
class SchemaExamplesExportTest {
    private static final String DESIGN =
            """
            eventflow: 1
            name: Schemas
            brokers:
              - {id: kafka, kind: kafka}
            messages:
              - id: Order
                schemaFormat: application/vnd.apache.avro;version=1.9.0
                payload: {type: record, name: Order, fields: [{name: orderId, type: string}, {name: total, type: double}]}
              - id: Paid
                schemaFormat: application/vnd.google.protobuf;version=3
                payload: |
                  syntax = "proto3";
                  message Paid { string order_id = 1; int64 cents = 2; }
              - id: Given
                schemaFormat: application/vnd.apache.avro;version=1.9.0
                payload: {type: record, name: Given, fields: [{name: a, type: int}]}
                examples:
                  - {name: mine, payload: {a: 42}}
            channels:
              - {id: orders, broker: kafka, address: orders, messages: [Order, Paid, Given]}
            """;

    private static Design design() throws Exception {
        return DesignFiles.parse("s.eventflow.yaml", DESIGN).design();
    }

    @Test
    void asyncApiMessagesGetTheSchemaExampleUnlessTheyHaveTheirOwn() throws Exception {
        JsonNode messages = AsyncApiExporter.toTree(design(), AsyncApiVersion.V3_0)
                .path("components")
                .path("messages");
        JsonNode order = messages.path("Order").path("examples").get(0);
        // "orderId": 1 + 7 bytes, 1.5: 8 bytes
        assertThat(order.path("summary").asText()).isEqualTo("Avro binary, 16 bytes");
        assertThat(order.path("payload").path("orderId").asText()).isEqualTo("orderId");
        JsonNode paid = messages.path("Paid").path("examples").get(0);
        // order_id: tag 1 + length 1 + 8; cents: tag 1 + varint 1
        assertThat(paid.path("summary").asText()).isEqualTo("Protobuf wire format, 12 bytes");
        assertThat(paid.path("payload").path("cents").asLong()).isEqualTo(1);
        JsonNode given = messages.path("Given").path("examples");
        assertThat(given).hasSize(1);
        assertThat(given.get(0).path("name").asText()).isEqualTo("mine");
    }

    @Test
    void htmlDocumentationShowsTheExampleWithItsEncodedSize() throws Exception {
        String html = HtmlDocWriter.write(design());
        assertThat(html).contains("<h4>Example (Avro binary: 16 bytes)</h4>");
        assertThat(html).contains("<h4>Example (Protobuf wire format: 12 bytes)</h4>");
    }
}
