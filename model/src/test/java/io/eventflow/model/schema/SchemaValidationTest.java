package io.eventflow.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.design.MessageType;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.validate.Problem;
import org.junit.jupiter.api.Test;

class SchemaValidationTest {
    private static final String DESIGN =
            """
            eventflow: 1
            name: Schemas
            brokers:
              - {id: kafka, kind: kafka}
            messages:
              - id: Order
                schemaFormat: application/vnd.apache.avro;version=1.9.0
                payload:
                  type: record
                  name: Order
                  fields:
                    - {name: orderId, type: string}
                    - {name: total, type: dubble}
              - id: Paid
                schemaFormat: application/vnd.google.protobuf;version=3
                payload: |
                  syntax = "proto3";
                  message Paid {
                    string order_id = 1
                  }
              - id: Fine
                schemaFormat: application/vnd.google.protobuf;version=3
                payload: |
                  syntax = "proto3";
                  message Fine { string order_id = 1; int64 cents = 2; }
            channels:
              - {id: orders, broker: kafka, address: orders, messages: [Order, Paid, Fine]}
            """;

    @Test
    void aSchemaThatDoesNotParseIsAnErrorAtItsPlace() throws Exception {
        DesignFiles.Loaded loaded = DesignFiles.parse("s.eventflow.yaml", DESIGN);
        var ef107 =
                loaded.problems().stream().filter(p -> p.rule().equals("EF107")).toList();
        assertThat(ef107).hasSize(2);
        Problem avro = ef107.stream()
                .filter(p -> "Order".equals(p.element()))
                .findFirst()
                .orElseThrow();
        // the Avro payload is a tree in the design: the error points at the bad type, line 13 of the file
        assertThat(avro.line()).isEqualTo(13);
        assertThat(avro.pointer()).isEqualTo("/messages/0/payload/fields/1/type");
        assertThat(avro.message()).contains("Avro payload of message 'Order'").contains("dubble");
        Problem proto = ef107.stream()
                .filter(p -> "Paid".equals(p.element()))
                .findFirst()
                .orElseThrow();
        // the Protobuf payload is text: line and column inside it, and the design line where the payload starts
        assertThat(proto.message()).contains("line 4, column 1 of the schema").contains("expected ';'");
        assertThat(proto.line()).isEqualTo(16);
    }

    @Test
    void theMessageSizeIsTypedElseMeasuredElseTheDefault() throws Exception {
        DesignFiles.Loaded loaded = DesignFiles.parse("s.eventflow.yaml", DESIGN);
        MessageType fine = loaded.design().message("Fine").orElseThrow();
        // order_id: tag 1 + length 1 + "order_id" 8; cents: tag 1 + varint 1
        assertThat(MessageSize.of(fine))
                .isEqualTo(new MessageSize(1 + 1 + 8 + 1 + 1, MessageSize.Source.MEASURED, "Protobuf wire format"));
        assertThat(MessageSize.of(fine).describe())
                .isEqualTo("12 bytes, measured from the Protobuf wire format example");
        MessageType typed = fine.withSize(io.eventflow.model.design.DataSize.parse("2KiB"));
        assertThat(MessageSize.of(typed)).isEqualTo(new MessageSize(2048, MessageSize.Source.TYPED, null));
        MessageType broken = loaded.design().message("Paid").orElseThrow();
        assertThat(MessageSize.of(broken)).isEqualTo(new MessageSize(1024, MessageSize.Source.DEFAULT, null));
    }
}
