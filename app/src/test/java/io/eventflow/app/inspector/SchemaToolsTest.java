package io.eventflow.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.schema.PayloadFields;
import org.junit.jupiter.api.Test;

class SchemaToolsTest {
    private static final String SCHEMA =
            """
            {"type": "object", "required": ["orderId"],
             "properties": {
               "orderId": {"type": "string", "format": "uuid"},
               "total": {"type": "number", "minimum": 0},
               "currency": {"type": "string", "enum": ["EUR", "USD"]},
               "items": {"type": "array", "items": {"type": "object",
                         "properties": {"sku": {"type": "string"}, "quantity": {"type": "integer", "minimum": 1}}}}}}
            """;

    @Test
    void syntaxErrorsHaveLineAndColumn() {
        SchemaTools.Check c = SchemaTools.check("{\n  \"type\": \"object\",\n  \"properties\": {\n}");
        assertThat(c.ok()).isFalse();
        assertThat(c.line()).isEqualTo(4);
        assertThat(SchemaTools.check("[1]").error()).contains("object");
        assertThat(SchemaTools.check(SCHEMA).ok()).isTrue();
    }

    @Test
    void syntaxErrorsAreSaidInPlainWords() {
        assertThat(SchemaTools.check("{\n  \"type\": \"object\",\n  \"properties\": {\n}")
                        .error())
                .isEqualTo("the text ends before every { and [ is closed: add the missing } or ]");
        SchemaTools.Check comma = SchemaTools.check("{\"type\": \"object\",\n}");
        assertThat(comma.error())
                .contains("double quotes")
                .doesNotContain("code")
                .doesNotContain("Source");
        assertThat(comma.line()).isEqualTo(2);
        assertThat(comma.column()).isEqualTo(1);
        assertThat(SchemaTools.check("{\"type\": object}").error()).startsWith("'object' is not a JSON value");
        assertThat(SchemaTools.check("{\"a\": 1 \"b\": 2}").error()).contains("comma is missing");
    }

    @Test
    void fieldTableFlattensNestedFields() {
        var fields = SchemaTools.fields(SchemaTools.check(SCHEMA).schema());
        assertThat(fields)
                .extracting(PayloadFields.Field::path)
                .containsExactly("orderId", "total", "currency", "items", "items[].sku", "items[].quantity");
        assertThat(fields.get(0).required()).isTrue();
        assertThat(fields.get(0).detail()).contains("uuid");
        assertThat(fields.get(3).type()).isEqualTo("object[]");
    }

    @Test
    void exampleFitsTheSchema() {
        var ex = SchemaTools.example(SchemaTools.check(SCHEMA).schema());
        assertThat(ex.get("orderId").asText()).hasSize(36);
        assertThat(ex.get("currency").asText()).isEqualTo("EUR");
        assertThat(ex.get("items").get(0).get("quantity").asInt()).isEqualTo(1);
        assertThat(ex.get("total").asDouble()).isGreaterThanOrEqualTo(0);
    }
}
