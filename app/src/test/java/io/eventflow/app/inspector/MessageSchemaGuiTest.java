package io.eventflow.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.app.document.DocumentViewModel;
import io.eventflow.app.gui.FreshStageExtension;
import io.eventflow.model.design.Design;
import io.eventflow.model.edit.DesignDocument;
import io.eventflow.model.io.DesignFiles;
import io.eventflow.model.schema.PayloadFields;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The message editor reads Avro and Protobuf payloads by their format: it shows the size (typed, or measured from the
 * example's encoding), the example made from the schema, and a parse error with its line and column in the text.
 */
@Tag("gui")
@ExtendWith(FreshStageExtension.class)
class MessageSchemaGuiTest {
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
                sizeBytes: 200
                payload: |
                  syntax = "proto3";
                  message Paid {
                    string order_id = 1;
                    int64 cents = 2;
                  }
              - id: Refund
                summary: A refund of part or all of a paid order, issued by the payments service after a return
                schemaFormat: application/vnd.apache.avro;version=1.9.0
                payload:
                  type: record
                  name: Refund
                  fields:
                    - {name: amount, type: {type: bytes, logicalType: decimal, precision: 9, scale: 2}}
            channels:
              - {id: orders, broker: kafka, address: orders, messages: [Order, Paid, Refund]}
            """;

    private DesignDocument document;
    private DocumentViewModel doc;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Design d = DesignFiles.parse("s.eventflow.yaml", DESIGN).design();
        document = new DesignDocument(d, null);
        doc = new DocumentViewModel(document);
        stage.setScene(new Scene(new InspectorView(new InspectorViewModel(doc)), 460, 900));
        stage.show();
    }

    private void select(FxRobot robot, String id) {
        robot.interact(() -> {
            doc.getSelection().clear();
            doc.getSelection().add(id);
        });
    }

    @Test
    void avroMessageShowsTheMeasuredSizeAndItsExample(FxRobot robot) {
        select(robot, "Order");
        // "orderId": 1 byte of length + 7; 1.5 as an Avro double: 8
        assertThat(robot.lookup("#message-size").queryAs(Label.class).getText())
                .isEqualTo("Size: " + (1 + 7 + 8) + " bytes, measured from the Avro binary example");
        assertThat(robot.lookup("#schema-example").queryAs(TextArea.class).getText())
                .contains("\"orderId\" : \"orderId\"")
                .contains("\"total\" : 1.5");
        assertThat(robot.lookup(".schema-status").queryAs(Label.class).getText())
                .isEqualTo("Valid Avro schema");
    }

    @Test
    void protobufParseErrorNamesLineAndColumnAndIsNotApplied(FxRobot robot) {
        select(robot, "Paid");
        // typed 200; the example: order_id tag 1 + length 1 + 8, cents tag 1 + varint 1 = 12
        assertThat(robot.lookup("#message-size").queryAs(Label.class).getText())
                .isEqualTo("Size: 200 bytes, typed (sizeBytes); the example below is 12 bytes as Protobuf wire format");
        TextArea text = robot.lookup("#schema-text").queryAs(TextArea.class);
        assertThat(text.getText()).startsWith("syntax = \"proto3\";");
        robot.interact(() -> text.setText("syntax = \"proto3\";\nmessage Paid {\n  strin order_id = 1;\n}\n"));
        Label status = robot.lookup(".schema-status").queryAs(Label.class);
        assertThat(status.getText()).startsWith("Line 3, column 3: unable to resolve strin");
        Button apply = robot.lookup("#schema-apply").queryButton();
        assertThat(apply.isDisabled()).isTrue();

        robot.interact(() -> text.setText("syntax = \"proto3\";\nmessage Paid {\n  string order_id = 1;\n}\n"));
        assertThat(status.getText()).isEqualTo("Valid Protobuf schema");
        robot.clickOn(apply);
        JsonNode payload = document.design().message("Paid").orElseThrow().payload();
        assertThat(payload.isTextual()).isTrue();
        assertThat(payload.asText()).doesNotContain("cents");
    }

    @Test
    @SuppressWarnings("unchecked")
    void avroAndProtobufFieldsAreListed(FxRobot robot) {
        select(robot, "Order");
        javafx.scene.control.TableView<PayloadFields.Field> table =
                robot.lookup("#schema-fields").queryAs(javafx.scene.control.TableView.class);
        assertThat(table.getItems())
                .containsExactly(
                        new PayloadFields.Field("orderId", "string", true, ""),
                        new PayloadFields.Field("total", "double", true, ""));
        select(robot, "Paid");
        javafx.scene.control.TableView<PayloadFields.Field> proto =
                robot.lookup("#schema-fields").queryAs(javafx.scene.control.TableView.class);
        assertThat(proto.getItems())
                .containsExactly(
                        new PayloadFields.Field("order_id", "string", false, "number 1"),
                        new PayloadFields.Field("cents", "int64", false, "number 2"));
    }

    @Test
    void avroDecimalShowsAsANumberInTheExample(FxRobot robot) {
        select(robot, "Refund");
        // the example's decimal is the unscaled 1 in one byte (Avro's JSON encoding: "\u0001"); at scale 2: 0.01
        assertThat(robot.lookup("#schema-example").queryAs(TextArea.class).getText())
                .contains("\"amount\" : 0.01")
                .doesNotContain("\\u0001");
        // the encoded bytes are unchanged: 1 byte of length + 1 byte of value
        assertThat(robot.lookup("#message-size").queryAs(Label.class).getText())
                .isEqualTo("Size: " + (1 + 1) + " bytes, measured from the Avro binary example");
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<PayloadFields.Field> table =
                robot.lookup("#schema-fields").queryAs(javafx.scene.control.TableView.class);
        assertThat(table.getItems())
                .containsExactly(new PayloadFields.Field("amount", "decimal(9,2)", true, "as bytes"));
        // each cell's tooltip has its whole text (a narrow column cuts it)
        javafx.scene.control.TableCell<?, ?> type = robot.from(table)
                .lookup(".table-cell")
                .match(n -> "decimal(9,2)".equals(((javafx.scene.control.TableCell<?, ?>) n).getText()))
                .queryAs(javafx.scene.control.TableCell.class);
        assertThat(type.getTooltip().getText()).isEqualTo("decimal(9,2)");
    }

    @Test
    void cutTextHasATooltipWithTheWholeValue(FxRobot robot) {
        select(robot, "Refund");
        javafx.scene.control.TextField summary =
                robot.lookup("#field-summary").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.TextField format =
                robot.lookup("#field-schema-format").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.TextField id = robot.lookup("#field-id").queryAs(javafx.scene.control.TextField.class);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        // in a 460 px wide inspector, the summary does not fit its field; the schema format and the id do
        assertThat(Form.isCut(summary)).isTrue();
        assertThat(summary.getTooltip().getText())
                .isEqualTo("A refund of part or all of a paid order, issued by the payments service after a return");
        assertThat(Form.isCut(format)).isFalse();
        assertThat(format.getTooltip().getText()).isEqualTo("Schema format");
        assertThat(Form.isCut(id)).isFalse();
        assertThat(id.getTooltip().getText()).isEqualTo("Id");
        // narrower (as the inspector is at 1366x768), the schema format is cut too: its tooltip is the whole value
        robot.interact(() -> stage.setWidth(330));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(Form.isCut(format)).isTrue();
        assertThat(format.getTooltip().getText()).isEqualTo("application/vnd.apache.avro;version=1.9.0");
        assertThat(id.getTooltip().getText()).isEqualTo("Id");
        robot.interact(() -> stage.setWidth(460));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(format.getTooltip().getText()).isEqualTo("Schema format");
        // a value that fits again: the tooltip is the label again
        robot.interact(() -> summary.setText("A refund"));
        assertThat(summary.getTooltip().getText()).isEqualTo("Summary");
    }
}
