package io.eventflow.model.doc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.schema.Example;
import io.eventflow.model.schema.PayloadSchemas;
import io.eventflow.model.schema.SchemaFormat;
import java.util.ArrayList;
import java.util.List;

/** The messages section: each message with its schema as a table and an example. */
final class HtmlMessageSection {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Design d;
    private final StringBuilder sb;
    private final HtmlSections s;

    HtmlMessageSection(Design d, StringBuilder sb, HtmlSections s) {
        this.d = d;
        this.sb = sb;
        this.s = s;
    }

    void write() {
        sb.append("<h2 id=\"messages\">Messages</h2>\n");
        for (MessageType m : d.messages()) {
            s.open("message", m.id(), m.title() != null ? m.title() : m.id(), m.contentType());
            s.para(m.summary());
            s.para(s.describe(m.id(), m.description()));
            List<String[]> rows = new ArrayList<>();
            s.add(rows, "Name", m.name());
            s.add(rows, "Schema format", m.schemaFormat());
            s.add(rows, "Correlation id", m.correlationId());
            s.add(rows, "Typical size", m.size());
            s.add(rows, "Signed", m.signing() == null ? null : m.signing().describe());
            List<String> channels = d.channels().stream()
                    .filter(c -> c.messages().contains(m.id()))
                    .map(Channel::id)
                    .toList();
            String[] on = {"Carried on", s.links(channels)};
            s.kv(rows);
            s.kvRaw(List.<String[]>of(on));
            schema("Payload", m.payload(), m.schemaFormat());
            schema("Headers", m.headers(), null);
            example(m);
            sb.append("</section>\n");
        }
    }

    private void schema(String title, JsonNode schema, String format) {
        if (schema == null) {
            return;
        }
        sb.append("<h4>").append(title).append("</h4>\n");
        boolean json = format == null || format.contains("schema+") || format.contains("vnd.aai.asyncapi");
        List<SchemaTable.Row> rows = json ? SchemaTable.rows(schema) : List.of();
        if (rows.isEmpty()) {
            sb.append("<pre>")
                    .append(Html.esc(schema.isTextual() ? schema.asText() : pretty(schema)))
                    .append("</pre>\n");
            return;
        }
        sb.append("<table><tr><th>Field</th><th>Type</th><th>Description</th><th>Constraints</th></tr>\n");
        for (SchemaTable.Row r : rows) {
            sb.append("<tr><td><code>")
                    .append(Html.esc(r.path()))
                    .append("</code>")
                    .append(r.required() ? " <span class=\"req\" title=\"required\">*</span>" : "")
                    .append("</td><td>")
                    .append(Html.esc(r.type()))
                    .append("</td><td>")
                    .append(Html.esc(r.description()))
                    .append("</td><td>")
                    .append(Html.esc(r.constraints()))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private void example(MessageType m) {
        JsonNode example = null;
        if (m.examples() != null && m.examples().isArray() && !m.examples().isEmpty()) {
            JsonNode first = m.examples().get(0);
            example = first.has("payload") ? first.get("payload") : first;
        } else if (m.payload() != null
                && m.payload().isObject()
                && (m.schemaFormat() == null || m.schemaFormat().contains("schema+"))) {
            example = ExampleGenerator.example(m.payload()).orElse(null);
        }
        String heading = "Example";
        if (example == null && m.payload() != null) {
            SchemaFormat f = SchemaFormat.of(m);
            if (f == SchemaFormat.AVRO || f == SchemaFormat.PROTOBUF) {
                Example ex = PayloadSchemas.check(m).example();
                if (ex != null) {
                    example = ex.value();
                    heading = "Example (" + ex.encoding() + ": " + ex.size() + " bytes)";
                }
            }
        }
        if (example != null && !example.isNull()) {
            sb.append("<h4>")
                    .append(Html.esc(heading))
                    .append("</h4>\n<pre>")
                    .append(Html.esc(pretty(example)))
                    .append("</pre>\n");
        }
    }

    private static String pretty(JsonNode n) {
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(pp).writeValueAsString(n).replace("\" : ", "\": ");
        } catch (JsonProcessingException e) {
            return n.toString();
        }
    }
}
