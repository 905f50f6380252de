package io.eventflow.app.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.schema.Example;
import io.eventflow.model.schema.MessageSize;
import io.eventflow.model.schema.PayloadCheck;
import io.eventflow.model.schema.PayloadFields;
import io.eventflow.model.schema.PayloadSchemas;
import io.eventflow.model.schema.SchemaError;
import io.eventflow.model.schema.SchemaFormat;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;

/**
 * The message editor: message fields, the payload schema as text checked by its format's parser, a field table, the
 * message size (typed, or measured from the example) and an example made from the schema.
 */
final class MessageEditor {
    private MessageEditor() {}

    static void message(Form f, InspectorViewModel vm, Design d, MessageType m) {
        String id = m.id();
        f.section("Message type");
        f.text("Id", id, Parsers.uniqueId(d, id), v -> vm.rename(id, v));
        f.text("Name", m.name(), Parsers.TEXT, v -> vm.editMessage(id, "name", x -> x.withName(v)));
        f.text("Title", m.title(), Parsers.TEXT, v -> vm.editMessage(id, "title", x -> x.withTitle(v)));
        f.text("Summary", m.summary(), Parsers.TEXT, v -> vm.editMessage(id, "summary", x -> x.withSummary(v)));
        f.text(
                "Content type",
                m.contentType(),
                Parsers.TEXT,
                v -> vm.editMessage(id, "contentType", x -> x.withContentType(v)));
        f.text(
                "Schema format",
                m.schemaFormat(),
                Parsers.TEXT,
                v -> vm.editMessage(id, "schemaFormat", x -> x.withSchemaFormat(v)));
        f.text(
                "Correlation id",
                m.correlationId(),
                Parsers.TEXT,
                v -> vm.editMessage(id, "correlationId", x -> x.withCorrelationId(v)));
        f.text("Typical size", m.size(), Parsers.SIZE, v -> vm.editMessage(id, "size", x -> x.withSize(v)));
        SigningRows.rows(f, m.signing(), v -> vm.editMessage(id, "signing", x -> x.withSigning(v)));
        schema(f, vm, m);
        f.section("Used on");
        d.channels().stream()
                .filter(c -> c.messages().contains(id))
                .forEach(c -> f.link(c.id() + "  ·  " + c.effectiveAddress(), () -> vm.select(c.id())));
    }

    private static void schema(Form f, InspectorViewModel vm, MessageType m) {
        SchemaFormat format = SchemaFormat.of(m);
        String name = m.name() != null ? m.name() : m.id();
        payloadText(f, vm, m.id(), m.payload(), format, name);
        f.section("Fields (* required)");
        f.wide(fieldTable(m, format, name));
        f.section("Example message");
        PayloadCheck checked = PayloadSchemas.check(m);
        Label size = new Label("Size: " + MessageSize.of(m).describe() + exampleSize(m, checked));
        size.setId("message-size");
        size.setWrapText(true);
        f.wide(size);
        JsonNode shown = format == SchemaFormat.AVRO || format == SchemaFormat.PROTOBUF
                ? checked.exampleIfAny().map(Example::value).orElse(null)
                : SchemaTools.example(m.payload());
        if (format == SchemaFormat.AVRO && shown != null) {
            // Avro's JSON encoding gives a decimal as its raw bytes (one byte 0x01 for 0.01): show its number; the
            // bytes stay
            shown = PayloadFields.readableAvro(m.payload(), shown);
        }
        TextArea example = new TextArea(
                shown != null ? SchemaTools.pretty(shown) : checked.note() != null ? "(" + checked.note() + ")" : "");
        example.setId("schema-example");
        example.setEditable(false);
        example.getStyleClass().add("code");
        example.setPrefRowCount(8);
        f.wide(example);
        schemaText(f, vm, m.id(), m.headers(), "headers", "headers");
    }

    /** When the size is typed, what the schema's example measures, so that the two can be compared. */
    private static String exampleSize(MessageType m, PayloadCheck checked) {
        if (m.size() == null || checked.example() == null) {
            return "";
        }
        Example e = checked.example();
        return "; the example below is " + e.size() + " bytes as " + e.encoding();
    }

    /**
     * The payload schema as text in its own language (JSON for JSON Schema and Avro, .proto text for Protobuf),
     * checked as the user types by the schema's parser (line and column inside the text), applied by its button (one
     * undo step) only when it parses.
     */
    private static void payloadText(
            Form f, InspectorViewModel vm, String id, JsonNode value, SchemaFormat format, String name) {
        if (format == SchemaFormat.JSON_SCHEMA || format == SchemaFormat.OTHER) {
            schemaText(f, vm, id, value, "payload", "schema");
            return;
        }
        boolean proto = format == SchemaFormat.PROTOBUF;
        f.section("Payload schema (" + format.title() + ")");
        TextArea text = new TextArea(
                value == null ? "" : proto && value.isTextual() ? value.asText() : SchemaTools.pretty(value));
        text.setId("schema-text");
        text.getStyleClass().add("code");
        text.setPrefRowCount(10);
        Label status = new Label();
        status.getStyleClass().add("schema-status");
        status.setWrapText(true);
        Button apply = new Button("Apply schema");
        apply.setId("schema-apply");
        String initial = text.getText();
        Runnable recheck = () -> {
            PayloadCheck c = PayloadSchemas.check(format, TextNode.valueOf(text.getText()), name);
            boolean bad = c.status() == PayloadCheck.Status.BROKEN;
            status.setText(bad ? place(c.error()) : "Valid " + format.title() + " schema");
            status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), bad);
            apply.setDisable(bad || text.getText().equals(initial));
        };
        text.textProperty().addListener(o -> recheck.run());
        recheck.run();
        apply.setOnAction(e -> vm.editMessage(id, "payload", m -> m.withPayload(parsed(text.getText(), proto))));
        f.wide(text);
        apply.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        f.wide(new HBox(8, apply, status));
    }

    /** A JSON Schema text with a syntax check naming line and column, applied by its button (one undo step). */
    private static void schemaText(
            Form f, InspectorViewModel vm, String id, JsonNode value, String component, String idPrefix) {
        f.section(("payload".equals(component) ? "Payload" : "Headers") + " schema (JSON Schema)");
        // JSON syntax first (SchemaTools, with plain messages), then the meta-schema (PayloadSchemas)
        TextArea text = new TextArea(SchemaTools.pretty(value));
        text.setId(idPrefix + "-text");
        text.getStyleClass().add("code");
        text.setPrefRowCount("payload".equals(component) ? 10 : 5);
        Label status = new Label();
        status.getStyleClass().add(idPrefix + "-status");
        status.setWrapText(true);
        Button apply = new Button("payload".equals(component) ? "Apply schema" : "Apply headers");
        apply.setId(idPrefix + "-apply");
        String initial = text.getText();
        ReadOnlyObjectWrapper<SchemaTools.Check> check = new ReadOnlyObjectWrapper<>(SchemaTools.check(initial));
        Runnable recheck = () -> {
            SchemaTools.Check c = SchemaTools.check(text.getText());
            check.set(c);
            SchemaError meta = c.ok() && c.schema() != null ? metaError(text.getText()) : null;
            boolean ok = c.ok() && meta == null;
            status.setText(
                    !c.ok()
                            ? "Line " + c.line() + ", column " + c.column() + ": " + c.error()
                            : meta != null ? place(meta) : "Valid JSON");
            status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), !ok);
            apply.setDisable(!ok || text.getText().equals(initial));
        };
        text.textProperty().addListener(o -> recheck.run());
        recheck.run();
        apply.setOnAction(e -> vm.editMessage(
                id,
                component,
                m -> "payload".equals(component)
                        ? m.withPayload(check.get().schema())
                        : m.withHeaders(check.get().schema())));
        f.wide(text);
        // The button keeps its size however long the message beside it: the message wraps instead.
        apply.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        f.wide(new HBox(8, apply, status));
    }

    /** What the JSON Schema meta-schema finds wrong in the text (which is JSON), or null. */
    private static SchemaError metaError(String text) {
        PayloadCheck c = PayloadSchemas.check(SchemaFormat.JSON_SCHEMA, TextNode.valueOf(text), null);
        return c.error();
    }

    private static String place(SchemaError e) {
        return e.line() > 0 ? "Line " + e.line() + ", column " + e.column() + ": " + e.message() : e.message();
    }

    /** The payload as the design keeps it: .proto text as text, an Avro schema as a tree. */
    private static JsonNode parsed(String text, boolean proto) {
        if (proto) {
            return TextNode.valueOf(text);
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return TextNode.valueOf(text); // not reached: the button is enabled only on text that parses
        }
    }

    private static TableView<PayloadFields.Field> fieldTable(MessageType m, SchemaFormat format, String name) {
        TableView<PayloadFields.Field> table = new TableView<>();
        table.setId("schema-fields");
        table.setPrefHeight(170);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Field", 115, x -> x.path() + (x.required() ? " *" : "")));
        table.getColumns().add(column("Type", 72, PayloadFields.Field::type));
        table.getColumns().add(column("Details", 110, PayloadFields.Field::detail));
        table.getItems().setAll(fields(m, format, name));
        table.setPlaceholder(new Label(
                switch (format) {
                    case AVRO -> "No fields: the payload is not an Avro record schema that reads";
                    case PROTOBUF -> "No fields: the .proto text declares no message type that reads";
                    default -> "No fields: the payload has no object schema";
                }));
        return table;
    }

    /** The rows of the field table: Avro and Protobuf read by their parsers (model.schema), JSON Schema here. */
    private static java.util.List<PayloadFields.Field> fields(MessageType m, SchemaFormat format, String name) {
        return switch (format) {
            case AVRO, PROTOBUF -> PayloadFields.of(format, m.payload(), name);
            default -> SchemaTools.fields(m.payload());
        };
    }

    private static TableColumn<PayloadFields.Field, String> column(
            String title, double width, java.util.function.Function<PayloadFields.Field, String> value) {
        TableColumn<PayloadFields.Field, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 44));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        // a narrow column ellipsizes its text: the cell's tooltip has the whole of it
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                setTooltip(blank ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return c;
    }
}
