package io.eventflow.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.TestFiles;
import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The samples carry Avro and Protobuf messages whose sizes are measured from their schemas. */
class SampleSchemasTest {
    private static Design sample(String name) throws Exception {
        return DesignFiles.load(TestFiles.repo().resolve("assets/samples/" + name + ".eventflow.yaml"))
                .design();
    }

    @Test
    void everySamplePayloadParsesAndTheSamplesHaveAvroAndProtobuf() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestFiles.repo().resolve("assets/samples"))) {
            files = s.filter(p -> p.toString().endsWith(DesignFiles.EXTENSION))
                    .sorted()
                    .toList();
        }
        List<SchemaFormat> formats = new java.util.ArrayList<>();
        for (Path f : files) {
            DesignFiles.Loaded loaded = DesignFiles.load(f);
            assertThat(loaded.problems()).as(f.toString()).noneMatch(p -> p.rule()
                    .equals("EF107"));
            loaded.design().messages().forEach(m -> {
                formats.add(SchemaFormat.of(m));
                assertThat(PayloadSchemas.check(m).example()).as(m.id()).isNotNull();
                SchemaFormat format = SchemaFormat.of(m);
                if (format == SchemaFormat.AVRO || format == SchemaFormat.PROTOBUF) {
                    // the message editor's field table lists their fields (it said "No fields" for both)
                    assertThat(PayloadFields.of(format, m.payload(), m.name() != null ? m.name() : m.id()))
                            .as(m.id())
                            .isNotEmpty();
                }
            });
        }
        assertThat(formats).contains(SchemaFormat.AVRO, SchemaFormat.PROTOBUF);
    }

    @Test
    void invoiceIssuedIsMeasuredFromItsAvroBinary() throws Exception {
        var m = sample("order-pipeline").message("InvoiceIssued").orElseThrow();
        // invoiceId: a UUID, 36 characters, after 1 byte of length; orderId: 1 + 7; amount: a decimal of 1 byte
        // (1 + 1); currency: the enum index 0 (1); issuedAt: 1,704,110,400,000 ms zig-zagged is 3,408,220,800,000,
        // a 42-bit number, 6 bytes of varint (7 bits each)
        long expected = (1 + 36) + (1 + 7) + (1 + 1) + 1 + 6;
        assertThat(MessageSize.of(m)).isEqualTo(new MessageSize(expected, MessageSize.Source.MEASURED, "Avro binary"));
    }

    @Test
    void temperatureReadingIsMeasuredFromItsProtobufWireFormat() throws Exception {
        var m = sample("iot-telemetry").message("TemperatureReading").orElseThrow();
        // device_id: tag 1 + length 1 + "device_id" 9; ts: tag 1 + length 1 + Timestamp (seconds 1,704,110,400, a
        // 31-bit number: tag 1 + 5 bytes of varint; nanos 0 is not sent); celsius, humidity: tag 1 + 4 each;
        // battery: tag 1 + varint 1
        long expected = (1 + 1 + 9) + (1 + 1 + (1 + 5)) + 2 * (1 + 4) + (1 + 1);
        assertThat(MessageSize.of(m))
                .isEqualTo(new MessageSize(expected, MessageSize.Source.MEASURED, "Protobuf wire format"));
    }

    @Test
    void invoiceAmountIsShownAsItsNumber() throws Exception {
        var m = sample("order-pipeline").message("InvoiceIssued").orElseThrow();
        Example e = PayloadSchemas.check(m).example();
        // the example's decimal(12,2) is the unscaled 1 in one byte: Avro's JSON encoding "\u0001", read as 1 / 10^2
        assertThat(e.value().get("amount").asText()).isEqualTo("\u0001");
        assertThat(PayloadFields.readableAvro(m.payload(), e.value())
                        .get("amount")
                        .decimalValue())
                .isEqualByComparingTo("0.01");
        assertThat(PayloadFields.of(SchemaFormat.AVRO, m.payload(), "InvoiceIssued"))
                .contains(new PayloadFields.Field("amount", "decimal(12,2)", true, "as bytes"));
    }
}
