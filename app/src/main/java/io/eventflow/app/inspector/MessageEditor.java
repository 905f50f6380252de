package io.eventflow.app.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;

/** The message editor: message fields, the payload schema as checked JSON text, a field table and an example. */
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
        f.check("Signed", m.signed(), v -> vm.editMessage(id, "signed", x -> x.withSigned(v)));
        schema(f, vm, m);
        f.section("Used on");
        d.channels().stream()
                .filter(c -> c.messages().contains(id))
                .forEach(c -> f.link(c.id() + "  ·  " + c.effectiveAddress(), () -> vm.select(c.id())));
    }

    private static void schema(Form f, InspectorViewModel vm, MessageType m) {
        schemaText(f, vm, m.id(), m.payload(), "payload", "schema");
        f.section("Fields (* required)");
        f.wide(fieldTable(m));
        f.section("Example message");
        TextArea example = new TextArea(SchemaTools.pretty(SchemaTools.example(m.payload())));
        example.setId("schema-example");
        example.setEditable(false);
        example.getStyleClass().add("code");
        example.setPrefRowCount(8);
        f.wide(example);
        schemaText(f, vm, m.id(), m.headers(), "headers", "headers");
    }

    /** A JSON Schema text with a syntax check naming line and column, applied by its button (one undo step). */
    private static void schemaText(
            Form f, InspectorViewModel vm, String id, JsonNode value, String component, String idPrefix) {
        f.section(("payload".equals(component) ? "Payload" : "Headers") + " schema (JSON Schema)");
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
            status.setText(c.ok() ? "Valid JSON" : "Line " + c.line() + ", column " + c.column() + ": " + c.error());
            status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), !c.ok());
            apply.setDisable(!c.ok() || text.getText().equals(initial));
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

    private static TableView<SchemaTools.Field> fieldTable(MessageType m) {
        TableView<SchemaTools.Field> table = new TableView<>();
        table.setId("schema-fields");
        table.setPrefHeight(170);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Field", 115, x -> x.path() + (x.required() ? " *" : "")));
        table.getColumns().add(column("Type", 72, SchemaTools.Field::type));
        table.getColumns().add(column("Details", 110, SchemaTools.Field::detail));
        table.getItems().setAll(SchemaTools.fields(m.payload()));
        table.setPlaceholder(new Label("No fields: the payload has no object schema"));
        return table;
    }

    private static TableColumn<SchemaTools.Field, String> column(
            String title, double width, java.util.function.Function<SchemaTools.Field, String> value) {
        TableColumn<SchemaTools.Field, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 44));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        return c;
    }
}
