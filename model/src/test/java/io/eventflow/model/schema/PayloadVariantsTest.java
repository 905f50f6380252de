package io.eventflow.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.eventflow.model.schema.internal.JsonExamples;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

class PayloadVariantsTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    static final String ORDER_JSON = "{type: object, required: [orderId, total, status],"
            + " properties: {orderId: {type: string, format: uuid}, customer: {type: string, minLength: 3,"
            + " maxLength: 40}, total: {type: number, minimum: 0, maximum: 5000}, status: {enum: [NEW, PAID]},"
            + " items: {type: array, minItems: 1, maxItems: 6, items: {type: object, required: [sku],"
            + " properties: {sku: {type: string, pattern: '^[A-Z]{3}-[0-9]{4}$'}, quantity: {type: integer,"
            + " minimum: 1, maximum: 99}}}}, gift: {type: boolean}}}";

    static final String INVOICE_AVRO = "{type: record, name: Invoice, fields: ["
            + "{name: invoiceId, type: {type: string, logicalType: uuid}},"
            + "{name: amount, type: {type: bytes, logicalType: decimal, precision: 12, scale: 2}},"
            + "{name: currency, type: {type: enum, name: Currency, symbols: [EUR, USD, GBP]}},"
            + "{name: note, type: [\"null\", string], default: null},"
            + "{name: lines, type: {type: array, items: {type: record, name: Line, fields: ["
            + "{name: sku, type: string}, {name: qty, type: int}]}}},"
            + "{name: issuedAt, type: {type: long, logicalType: timestamp-millis}}]}";

    private static JsonNode yaml(String s) {
        try {
            return YAML.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Integer> sizes(List<Example> xs) {
        return xs.stream().map(Example::size).collect(Collectors.toSet());
    }

    @Test
    void jsonVariantsAreValidVaryAndFollowTheSeed() {
        JsonNode schema = yaml(ORDER_JSON);
        List<Example> a = PayloadSchemas.variants(SchemaFormat.JSON_SCHEMA, schema, "Order", 7, 40);
        assertThat(a).hasSizeGreaterThan(30); // draws that do not satisfy the schema are left out; few are
        for (Example e : a) {
            assertThat(JsonExamples.valid(schema, e.value()))
                    .as(e.value().toString())
                    .isTrue();
            assertThat(new String(e.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(e.value().toString());
            // kept as the example has them: the uuid, the enum value, the patterned sku
            assertThat(e.value().get("orderId").asText()).isEqualTo("3fa85f64-5717-4562-b3fc-2c963f66afa6");
            assertThat(e.value().get("status").asText()).isIn("NEW", "PAID");
        }
        assertThat(sizes(a)).hasSizeGreaterThan(10);
        // optional properties are present in some variants and absent in others
        assertThat(a.stream().filter(e -> e.value().has("customer")).count()).isBetween(1L, (long) a.size() - 1);
        assertThat(a.stream().map(e -> e.value().path("items").size()).collect(Collectors.toSet()))
                .hasSizeGreaterThan(2);
        assertThat(PayloadSchemas.variants(SchemaFormat.JSON_SCHEMA, schema, "Order", 7, 40))
                .isEqualTo(a);
        assertThat(PayloadSchemas.variants(SchemaFormat.JSON_SCHEMA, schema, "Order", 8, 40))
                .isNotEqualTo(a);
    }

    @Test
    void messagePackVariantsReadBackAsTheirValue() {
        JsonNode schema = yaml(ORDER_JSON);
        List<Example> a = PayloadSchemas.variants(SchemaFormat.MESSAGEPACK, schema, "Order", 3, 20);
        assertThat(a).isNotEmpty();
        for (Example e : a) {
            // as the example check does: the same JSON text (numbers may come back as another node type)
            assertThat(MsgPack.decode(e.bytes()).toString()).isEqualTo(e.value().toString());
            assertThat(JsonExamples.valid(schema, e.value())).isTrue();
        }
        assertThat(sizes(a)).hasSizeGreaterThan(5);
    }

    @Test
    void avroVariantsReadBackAndVary() throws IOException {
        JsonNode payload = yaml(INVOICE_AVRO);
        Schema schema = new Schema.Parser().parse(payload.toString());
        List<Example> a = PayloadSchemas.variants(SchemaFormat.AVRO, payload, "Invoice", 11, 40);
        assertThat(a).hasSize(40);
        int nullNotes = 0;
        for (Example e : a) {
            BinaryDecoder dec = DecoderFactory.get().binaryDecoder(e.bytes(), null);
            Object back = new GenericDatumReader<>(schema).read(null, dec);
            assertThat(dec.isEnd()).isTrue();
            assertThat(GenericData.get().validate(schema, back)).isTrue();
            nullNotes += ((org.apache.avro.generic.GenericRecord) back).get("note") == null ? 1 : 0;
        }
        assertThat(nullNotes).isBetween(1, 39); // a nullable field is null in some variants, not all
        assertThat(sizes(a)).hasSizeGreaterThan(10);
        assertThat(PayloadSchemas.variants(SchemaFormat.AVRO, payload, "Invoice", 11, 40))
                .isEqualTo(a);
    }

    @Test
    void formatsWithoutASeededGeneratorRepeatTheirExample() {
        JsonNode proto = com.fasterxml.jackson.databind.node.TextNode.valueOf(PayloadSchemasTest.ORDER_PROTO);
        Example one =
                PayloadSchemas.check(SchemaFormat.PROTOBUF, proto, "Order").example();
        assertThat(PayloadSchemas.variants(SchemaFormat.PROTOBUF, proto, "Order", 1, 3))
                .containsExactly(one, one, one);
        assertThat(PayloadSchemas.variants(SchemaFormat.JSON_SCHEMA, null, "Order", 1, 3))
                .isEmpty();
    }
}
