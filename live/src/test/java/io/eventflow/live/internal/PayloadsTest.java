package io.eventflow.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.Design;
import io.eventflow.model.io.DesignFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Live runs send Avro and Protobuf types encoded as on the wire, JSON types as JSON text with their key set. */
class PayloadsTest {
    private static Design sample(String name) throws Exception {
        Path p = Path.of(System.getProperty("eventflow.repo", ".."))
                .resolve("assets/samples/" + name + ".eventflow.yaml");
        return DesignFiles.load(p).design();
    }

    @Test
    void avroAndProtobufBodiesAreTheEncodedExamples() throws Exception {
        Payloads orders = new Payloads(sample("order-pipeline"));
        // the Avro binary of the example (see SampleSchemasTest: 37 + 8 + 2 + 1 + 6 bytes)
        assertThat(orders.body("InvoiceIssued", null, null)).hasSize(54);
        assertThat(orders.body("InvoiceIssued", "orderId", "key-1")).hasSize(54);
        String json = new String(orders.body("OrderPlaced", "orderId", "key-1"), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{").contains("\"orderId\":\"key-1\"");
        Payloads iot = new Payloads(sample("iot-telemetry"));
        assertThat(iot.body("TemperatureReading", null, null)).hasSize(31);
    }
}
