package io.eventflow.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

class PayloadSchemasTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    static final String ORDER_AVRO =
            "{type: record, name: Order, fields: [{name: orderId, type: string}, {name: total, type: double},"
                    + " {name: qty, type: int}]}";
    static final String ORDER_PROTO = "syntax = \"proto3\";\nmessage Order {\n  string order_id = 1;\n"
            + "  double total = 2;\n  int32 qty = 3;\n}\n";
    static final String ORDER_JSON =
            "{type: object, properties: {orderId: {type: string}, total: {type: number}, qty: {type: integer}}}";

    private static JsonNode yaml(String s) {
        try {
            return YAML.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PayloadCheck check(SchemaFormat f, JsonNode payload) {
        return PayloadSchemas.check(f, payload, "Order");
    }

    @Test
    void avroSizeIsTheBinaryEncodingOfTheExample() throws IOException {
        Example e = check(SchemaFormat.AVRO, yaml(ORDER_AVRO)).example();
        // "orderId": length 7 as a zig-zag varint (1 byte) + 7 bytes; 1.5 as a double: 8 bytes; 1 as a zig-zag
        // varint: 1 byte
        assertThat(e.size()).isEqualTo(1 + 7 + 8 + 1);
        assertThat(e.encoding()).isEqualTo("Avro binary");
        Schema schema = new Schema.Parser().parse(yaml(ORDER_AVRO).toString());
        BinaryDecoder dec = DecoderFactory.get().binaryDecoder(e.bytes(), null);
        GenericRecord back = new GenericDatumReader<GenericRecord>(schema).read(null, dec);
        assertThat(dec.isEnd()).isTrue();
        assertThat(back.get("orderId").toString()).isEqualTo("orderId");
        assertThat(back.get("total")).isEqualTo(1.5);
        assertThat(back.get("qty")).isEqualTo(1);
        assertThat(e.value()).isEqualTo(yaml("{orderId: orderId, total: 1.5, qty: 1}"));
    }

    @Test
    void protobufSizeIsTheWireFormatOfTheExample() {
        Example e = check(SchemaFormat.PROTOBUF, new TextNode(ORDER_PROTO)).example();
        // order_id: tag (1) + length (1) + "order_id" (8); total: tag (1) + fixed64 (8); qty: tag (1) + varint 1 (1)
        assertThat(e.size()).isEqualTo((1 + 1 + 8) + (1 + 8) + (1 + 1));
        byte[] b = e.bytes();
        assertThat(b[0]).isEqualTo((byte) 0x0A); // field 1, wire type 2 (length-delimited)
        assertThat(b[1]).isEqualTo((byte) 8);
        assertThat(b[10]).isEqualTo((byte) 0x11); // field 2, wire type 1 (64-bit)
        assertThat(b[19]).isEqualTo((byte) 0x18); // field 3, wire type 0 (varint)
        assertThat(b[20]).isEqualTo((byte) 1);
        assertThat(e.value()).isEqualTo(yaml("{order_id: order_id, total: 1.5, qty: 1}"));
    }

    @Test
    void messagePackSizeIsTheMsgpackEncodingOfTheExample() throws IOException {
        Example e = check(SchemaFormat.MESSAGEPACK, yaml(ORDER_JSON)).example();
        // fixmap header (1); "orderId" key and value: fixstr 1 + 7, twice; "total": 1 + 5; 1.5 as float 64: 1 + 8;
        // "qty": 1 + 3; 1 as a positive fixint: 1
        assertThat(e.size()).isEqualTo(1 + 2 * (1 + 7) + (1 + 5) + (1 + 8) + (1 + 3) + 1);
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(e.bytes())) {
            assertThat(u.unpackMapHeader()).isEqualTo(3);
            assertThat(u.unpackString()).isEqualTo("orderId");
            assertThat(u.unpackString()).isEqualTo("orderId");
            assertThat(u.unpackString()).isEqualTo("total");
            assertThat(u.unpackDouble()).isEqualTo(1.5);
            assertThat(u.unpackString()).isEqualTo("qty");
            assertThat(u.unpackInt()).isEqualTo(1);
            assertThat(u.hasNext()).isFalse();
        }
    }

    @Test
    void jsonSizeIsTheUtf8TextOfTheExample() {
        Example e = check(SchemaFormat.JSON_SCHEMA, yaml(ORDER_JSON)).example();
        String text = "{\"orderId\":\"orderId\",\"total\":1.5,\"qty\":1}";
        assertThat(new String(e.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(text);
        // {"orderId":"orderId", is 21 characters, "total":1.5, 12, "qty":1} 8
        assertThat(e.size()).isEqualTo(21 + 12 + 8);
        var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(yaml(ORDER_JSON))
                .validate(e.value());
        assertThat(errors).isEmpty();
    }

    @Test
    void examplesAreDeterministic() {
        String rich = "{type: record, name: Order, fields: [{name: id, type: {type: string, logicalType: uuid}},"
                + " {name: at, type: {type: long, logicalType: timestamp-millis}}, {name: tags, type: {type: array,"
                + " items: string}}, {name: m, type: {type: map, values: int}}, {name: next, type: [\"null\", Order]},"
                + " {name: kind, type: {type: enum, name: Kind, symbols: [A, B]}}]}";
        Example a = AvroPayloadsProbe.fresh(yaml(rich));
        Example b = AvroPayloadsProbe.fresh(yaml(rich));
        assertThat(a).isEqualTo(b);
        // a recursive record stops at the null branch of its union
        assertThat(a.value().get("next").isNull()).isTrue();
        assertThat(a.value().get("at").asLong()).isEqualTo(1_704_110_400_000L); // 2024-01-01T12:00:00Z
    }

    @Test
    void protobufWellKnownTypesMapsEnumsAndOneofsGiveAnExampleThatReadsBack() {
        String proto = "syntax = \"proto3\";\npackage shop;\nimport \"google/protobuf/timestamp.proto\";\n"
                + "message Order {\n  string order_id = 1;\n  repeated string tags = 4;\n"
                + "  map<string, int64> counts = 5;\n  Kind kind = 6;\n  google.protobuf.Timestamp at = 7;\n"
                + "  oneof pay { string card = 8; string iban = 9; }\n}\nenum Kind { KIND_UNSPECIFIED = 0; BIG = 1; }\n";
        PayloadCheck c = check(SchemaFormat.PROTOBUF, new TextNode(proto));
        assertThat(c.status()).isEqualTo(PayloadCheck.Status.PARSED);
        assertThat(c.example().value().get("at").asText()).isEqualTo("2024-01-01T12:00:00Z");
        assertThat(c.example().value().has("card")).isTrue();
        assertThat(c.example().value().has("iban")).isFalse();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                // Avro as JSON text: an unknown type name, at its place in the text
                Arguments.of(
                        SchemaFormat.AVRO,
                        new TextNode("{\"type\": \"record\", \"name\": \"A\", \"fields\": [\n"
                                + "  {\"name\": \"x\", \"type\": \"strin\"}\n]}"),
                        "Undefined schema: strin",
                        "/fields/0/type",
                        2,
                        25),
                // Avro JSON syntax: a missing comma
                Arguments.of(
                        SchemaFormat.AVRO,
                        new TextNode("{\"type\": \"record\", \"name\": \"A\", \"fields\": [\n"
                                + "  {\"name\": \"x\" \"type\": \"string\"}\n]}"),
                        "was expecting comma",
                        "",
                        2,
                        16),
                Arguments.of(
                        SchemaFormat.AVRO,
                        new TextNode("{\"type\": \"record\", \"name\": \"A\", \"fields\": [\n"
                                + "  {\"name\": \"x\", \"type\": \"string\"},\n"
                                + "  {\"name\": \"total\", \"type\": \"double\", \"default\": \"x\"}\n]}"),
                        "the default of field 'total' does not fit its type",
                        "/fields/1/default",
                        3,
                        50),
                Arguments.of(
                        SchemaFormat.AVRO,
                        new TextNode(
                                "{\"type\": \"record\", \"name\": \"A\", \"fields\": [\n"
                                        + "  {\"name\": \"x\", \"type\": \"string\"},\n  {\"name\": \"x\", \"type\": \"double\"}\n]}"),
                        "Duplicate field x",
                        "/fields/1/name",
                        3,
                        12),
                Arguments.of(
                        SchemaFormat.AVRO,
                        new TextNode("{\"type\": \"record\", \"name\": \"A-b\", \"fields\": []}"),
                        "Illegal character in: A-b",
                        "/name",
                        1,
                        28),
                // Avro as a YAML tree: the place is a pointer (the design file's line comes from it), no text line
                Arguments.of(
                        SchemaFormat.AVRO,
                        yaml("{type: record, name: A, fields: [{name: a, type: string}, {name: b}]}"),
                        "",
                        "/fields/1",
                        0,
                        0),
                Arguments.of(
                        SchemaFormat.PROTOBUF,
                        new TextNode("syntax = \"proto3\";\nmessage A {\n  string a = 1\n}\n"),
                        "expected ';' but was '}'",
                        "",
                        4,
                        1),
                Arguments.of(
                        SchemaFormat.PROTOBUF,
                        new TextNode("syntax = \"proto3\";\nmessage A {\n  string a = 1;\n  Foo b = 2;\n}\n"),
                        "unable to resolve Foo",
                        "",
                        4,
                        3),
                Arguments.of(
                        SchemaFormat.PROTOBUF,
                        new TextNode("syntax = \"proto3\";\nmessage A {\n  string a = 1;\n  string b = 1;\n}\n"),
                        "multiple fields share tag 1",
                        "",
                        3,
                        3),
                Arguments.of(
                        SchemaFormat.PROTOBUF,
                        new TextNode(
                                "syntax = \"proto3\";\nimport \"other/x.proto\";\nmessage A {\n  string a = 1;\n}\n"),
                        "the import \"other/x.proto\" cannot be found",
                        "",
                        2,
                        8),
                Arguments.of(
                        SchemaFormat.PROTOBUF, yaml("{type: record}"), "a Protobuf payload is .proto text", "", 0, 0),
                Arguments.of(
                        SchemaFormat.JSON_SCHEMA,
                        yaml("{type: object, properties: {orderId: {type: strin}}}"),
                        "does not have a value in the enumeration",
                        "/properties/orderId/type",
                        0,
                        0),
                Arguments.of(
                        SchemaFormat.JSON_SCHEMA,
                        yaml("{type: object, required: orderId}"),
                        "string found, array expected",
                        "/required",
                        0,
                        0),
                Arguments.of(
                        SchemaFormat.MESSAGEPACK,
                        new TextNode("{\"type\": \"object\",\n \"properties\": {\"a\": {\"minLength\": -1}}}"),
                        "must have a minimum value of 0",
                        "/properties/a/minLength",
                        2,
                        36));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void aBrokenSchemaIsAnErrorWithItsPlace(
            SchemaFormat f, JsonNode payload, String message, String pointer, int line, int column) {
        PayloadCheck c = check(f, payload);
        assertThat(c.status()).isEqualTo(PayloadCheck.Status.BROKEN);
        assertThat(c.error().message()).contains(message);
        assertThat(c.error().pointer()).isEqualTo(pointer);
        assertThat(c.error().line()).isEqualTo(line);
        assertThat(c.error().column()).isEqualTo(column);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(SchemaFormat.AVRO, yaml("string")),
                Arguments.of(SchemaFormat.AVRO, yaml("[\"null\", string]")),
                Arguments.of(SchemaFormat.AVRO, new TextNode("{\"type\": \"map\", \"values\": \"long\"}")),
                Arguments.of(
                        SchemaFormat.AVRO,
                        yaml(
                                "{type: record, name: P, namespace: x.y, fields: [{name: d, type: {type: bytes,"
                                        + " logicalType: decimal, precision: 9, scale: 2}}, {name: f, type: {type: fixed, name:"
                                        + " F, size: 4}}, {name: g, type: F}, {name: o, type: [\"null\", int], default: null}]}")),
                Arguments.of(SchemaFormat.PROTOBUF, new TextNode("syntax = \"proto3\"; message A {}")),
                Arguments.of(
                        SchemaFormat.PROTOBUF,
                        new TextNode("syntax = \"proto2\";\nmessage A {\n  required string a = 1;\n"
                                + "  optional B b = 2;\n  message B { repeated sint64 n = 1 [packed = true]; }\n}\n")),
                Arguments.of(SchemaFormat.JSON_SCHEMA, yaml("{type: string, format: date-time}")),
                Arguments.of(
                        SchemaFormat.JSON_SCHEMA,
                        yaml("{$schema: 'https://json-schema.org/draft/2020-12/schema', type: object,"
                                + " properties: {a: {type: array, prefixItems: [{type: integer}]}}}")),
                Arguments.of(SchemaFormat.MESSAGEPACK, yaml("{type: array, items: {type: integer}, minItems: 2}")));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void aValidSchemaParsesAndGivesAnExample(SchemaFormat f, JsonNode payload) {
        PayloadCheck c = check(f, payload);
        assertThat(c.status()).as(String.valueOf(c.error())).isEqualTo(PayloadCheck.Status.PARSED);
        assertThat(c.example()).as(c.note()).isNotNull();
    }

    @Test
    void referencesAndOtherFormatsAreNotChecked() {
        assertThat(check(SchemaFormat.AVRO, yaml("{$ref: 'https://example.com/a.avsc'}"))
                        .status())
                .isEqualTo(PayloadCheck.Status.UNCHECKED);
        assertThat(check(SchemaFormat.OTHER, yaml("{type: object}")).status()).isEqualTo(PayloadCheck.Status.UNCHECKED);
        assertThat(check(SchemaFormat.JSON_SCHEMA, null).status()).isEqualTo(PayloadCheck.Status.NONE);
    }

    @Test
    void formatsAreToldBySchemaFormatAndContentType() {
        assertThat(SchemaFormat.of("application/vnd.apache.avro;version=1.9.0", null))
                .isEqualTo(SchemaFormat.AVRO);
        assertThat(SchemaFormat.of("application/vnd.google.protobuf;version=3", null))
                .isEqualTo(SchemaFormat.PROTOBUF);
        assertThat(SchemaFormat.of(null, "application/msgpack")).isEqualTo(SchemaFormat.MESSAGEPACK);
        assertThat(SchemaFormat.of("application/schema+json;version=draft-07", "application/json"))
                .isEqualTo(SchemaFormat.JSON_SCHEMA);
        assertThat(SchemaFormat.of("application/raml+yaml;version=1.0", null)).isEqualTo(SchemaFormat.OTHER);
    }
}
