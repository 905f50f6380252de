package io.eventflow.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The field tables of Avro records and Protobuf messages, and Avro decimals shown as numbers. */
class PayloadFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String AVRO =
            """
            {"type": "record", "name": "Payment", "fields": [
              {"name": "id", "type": "string", "doc": "the payment's id"},
              {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
              {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "note", "type": ["null", "string"], "default": null},
              {"name": "tries", "type": "int", "default": 3},
              {"name": "state", "type": {"type": "enum", "name": "State", "symbols": ["NEW", "DONE"]}},
              {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line",
                "fields": [{"name": "sku", "type": "string"},
                           {"name": "fee", "type": ["null", {"type": "fixed", "name": "Fee", "size": 4,
                             "logicalType": "decimal", "precision": 8, "scale": 3}]}]}}}
            ]}
            """;

    @Test
    void avroRecordFieldsWithLogicalTypesAndOptionality() throws Exception {
        List<PayloadFields.Field> f = PayloadFields.of(SchemaFormat.AVRO, JSON.readTree(AVRO), "Payment");
        assertThat(f)
                .containsExactly(
                        new PayloadFields.Field("id", "string", true, "the payment's id"),
                        new PayloadFields.Field("amount", "decimal(10,2)", true, "as bytes"),
                        new PayloadFields.Field("at", "timestamp-millis", true, "as long"),
                        new PayloadFields.Field("note", "string", false, "optional (union with null), default null"),
                        new PayloadFields.Field("tries", "int", false, "default 3"),
                        new PayloadFields.Field("state", "State", true, "one of [NEW, DONE]"),
                        new PayloadFields.Field("lines", "Line[]", true, ""),
                        new PayloadFields.Field("lines[].sku", "string", true, ""),
                        new PayloadFields.Field(
                                "lines[].fee", "decimal(8,3)", false, "optional (union with null), as fixed"));
        // the schema as JSON text reads the same
        assertThat(PayloadFields.of(SchemaFormat.AVRO, TextNode.valueOf(AVRO), null))
                .isEqualTo(f);
    }

    @Test
    void protobufMessageFieldsWithNumbersAndLabels() {
        String proto =
                """
                syntax = "proto3";
                import "google/protobuf/timestamp.proto";
                message Paid {
                  string order_id = 1;
                  repeated Item items = 2;
                  optional int64 cents = 3;
                  google.protobuf.Timestamp at = 4;
                  map<string, int32> tags = 5;
                }
                message Item {
                  string sku = 1;
                  Paid back = 2;
                }
                """;
        List<PayloadFields.Field> f = PayloadFields.of(SchemaFormat.PROTOBUF, TextNode.valueOf(proto), "Nothing");
        assertThat(f)
                .containsExactly(
                        new PayloadFields.Field("order_id", "string", false, "number 1"),
                        new PayloadFields.Field("items", "Item[]", false, "number 2, repeated"),
                        new PayloadFields.Field("items[].sku", "string", false, "number 1"),
                        // Item.back is a Paid again: the recursion stops at the message being listed
                        new PayloadFields.Field("items[].back", "Paid", false, "number 2"),
                        new PayloadFields.Field("cents", "int64", false, "number 3, optional"),
                        new PayloadFields.Field("at", "Timestamp", false, "number 4"),
                        new PayloadFields.Field("tags", "map<string,int32>", false, "number 5"));
        // the named message type is listed when there is one
        assertThat(PayloadFields.of(SchemaFormat.PROTOBUF, TextNode.valueOf(proto), "Item"))
                .extracting(PayloadFields.Field::path)
                .startsWith("sku", "back", "back.order_id");
    }

    @Test
    void proto2RequiredIsRequired() {
        String proto = "syntax = \"proto2\";\nmessage A {\n  required string id = 7;\n}\n";
        assertThat(PayloadFields.of(SchemaFormat.PROTOBUF, TextNode.valueOf(proto), "A"))
                .containsExactly(new PayloadFields.Field("id", "string", true, "number 7, required"));
    }

    @Test
    void schemasThatDoNotReadAndOtherFormatsHaveNoFields() throws Exception {
        assertThat(PayloadFields.of(SchemaFormat.AVRO, JSON.readTree("{\"type\": \"record\"}"), null))
                .isEmpty();
        assertThat(PayloadFields.of(SchemaFormat.PROTOBUF, TextNode.valueOf("message {"), null))
                .isEmpty();
        assertThat(PayloadFields.of(SchemaFormat.JSON_SCHEMA, JSON.readTree(AVRO), null))
                .isEmpty();
        assertThat(PayloadFields.of(SchemaFormat.AVRO, null, null)).isEmpty();
    }

    @Test
    void avroDecimalsShowAsNumbersAndTheEncodedBytesStay() throws Exception {
        JsonNode schema = JSON.readTree(AVRO);
        PayloadCheck c = PayloadSchemas.check(SchemaFormat.AVRO, schema, "Payment");
        Example e = c.example();
        // the example's decimal is the unscaled 1 (one byte 0x01): Avro's JSON encoding gives it as "\u0001"
        assertThat(e.value().get("amount").asText()).isEqualTo("\u0001");
        JsonNode shown = PayloadFields.readableAvro(schema, e.value());
        // unscaled 1 at scale 2 = 0.01
        assertThat(shown.get("amount").decimalValue()).isEqualTo(new BigDecimal("0.01"));
        // fixed(4) decimal inside a union inside an array item: four zero bytes = 0 at scale 3
        assertThat(shown.at("/lines/0/fee/Fee").decimalValue()).isEqualTo(new BigDecimal("0.000"));
        // other fields as they were; the example itself is not changed
        assertThat(shown.get("id")).isEqualTo(e.value().get("id"));
        assertThat(shown.get("at")).isEqualTo(e.value().get("at"));
        assertThat(PayloadSchemas.check(SchemaFormat.AVRO, schema, "Payment").example())
                .isEqualTo(e);
        assertThat(e.value().get("amount").asText()).isEqualTo("\u0001");
    }

    @Test
    void negativeDecimalBytesAreTwosComplement() throws Exception {
        JsonNode schema = JSON.readTree(
                "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"d\", \"type\": {\"type\": \"bytes\","
                        + " \"logicalType\": \"decimal\", \"precision\": 6, \"scale\": 2}}]}");
        // 0xFF 0x85 = -123 in two's complement; at scale 2: -1.23
        JsonNode value = JSON.createObjectNode().put("d", "\u00ff\u0085");
        assertThat(PayloadFields.readableAvro(schema, value).get("d").decimalValue())
                .isEqualTo(new BigDecimal("-1.23"));
    }
}
