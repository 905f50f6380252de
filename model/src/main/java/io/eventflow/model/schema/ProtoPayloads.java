package io.eventflow.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.squareup.wire.ProtoAdapter;
import com.squareup.wire.schema.CoreLoader;
import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Linker;
import com.squareup.wire.schema.Loader;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.SchemaException;
import com.squareup.wire.schema.Type;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Protobuf payloads: {@code .proto} text parsed and linked by Square Wire's schema module (types resolved, field
 * numbers and names checked; imports of Google's well-known types such as {@code google/protobuf/timestamp.proto} are
 * found, other imports are errors), an example of one message type encoded in the Protobuf wire format by Wire's
 * schema-driven adapter and decoded back to check it.
 */
final class ProtoPayloads {
    /** The name the payload's text has in Wire's messages, and in ours. */
    static final String FILE = "payload.proto";

    private static final Pattern CORE = Pattern.compile("(google/protobuf|wire)/[\\w/]+\\.proto");
    private static final Pattern WAS = Pattern.compile("but was '(.+)'$");
    private static final Pattern PLACE = Pattern.compile(Pattern.quote(FILE) + ":(\\d+):(\\d+)");

    private ProtoPayloads() {}

    /** Reads the {@code .proto} text; {@code typeName} picks the message type to make an example of. */
    static PayloadCheck check(JsonNode payload, String typeName) {
        if (!payload.isTextual()) {
            return PayloadCheck.broken(
                    SchemaFormat.PROTOBUF,
                    new SchemaError("a Protobuf payload is .proto text (write it as a YAML text block)", "", 0, 0));
        }
        Read r = read(payload.asText(), typeName);
        if (r.error() != null) {
            return PayloadCheck.broken(SchemaFormat.PROTOBUF, r.error());
        }
        if (r.linked() == null) {
            return PayloadCheck.parsed(SchemaFormat.PROTOBUF, null, "the .proto text declares no message type");
        }
        return example(r.linked().schema(), r.linked().type());
    }

    /** A {@code .proto} text linked by Wire, with the message type picked as {@link #check} picks it. */
    record Linked(Schema schema, MessageType type) {}

    /** The linked schema and its message type; null when the text does not read or declares no message type. */
    static Linked link(JsonNode payload, String typeName) {
        return payload == null || !payload.isTextual()
                ? null
                : read(payload.asText(), typeName).linked();
    }

    /** What reading a {@code .proto} text gave: the linked type (null when it declares none), or why it fails. */
    private record Read(Linked linked, SchemaError error) {}

    private static Read read(String text, String typeName) {
        try {
            ProtoFileElement element = ProtoParser.Companion.parse(Location.get(FILE), text);
            SchemaError missing = missingImport(element, text);
            if (missing != null) {
                return new Read(null, missing);
            }
            ProtoFile file = ProtoFile.Companion.get(element);
            Schema schema = new Linker(new PayloadLoader(file), new ErrorCollector(), false, true).link(List.of(file));
            MessageType type = pick(schema.protoFile(FILE).getTypes(), typeName);
            return new Read(type == null ? null : new Linked(schema, type), null);
        } catch (SchemaException | IllegalStateException | IllegalArgumentException e) {
            return new Read(null, error(String.valueOf(e.getMessage())));
        }
    }

    /** The error with the first place Wire names in the payload's text (Wire lists the innermost place first). */
    static SchemaError error(String message) {
        Matcher m = PLACE.matcher(message);
        int line = 0;
        int column = 0;
        if (m.find()) {
            line = Integer.parseInt(m.group(1));
            column = Integer.parseInt(m.group(2));
        }
        String text = message.replaceFirst("^Syntax error in " + Pattern.quote(FILE) + ":\\d+:\\d+: ", "")
                .replace("/" + FILE, FILE);
        String oneLine =
                String.join(" ", text.strip().lines().map(String::strip).toList());
        Matcher was = WAS.matcher(oneLine);
        if (was.find() && column > was.group(1).length()) {
            column -= was.group(1).length(); // Wire places "but was 'X'" after the X it read
        }
        return new SchemaError(oneLine, "", line, column);
    }

    private static SchemaError missingImport(ProtoFileElement element, String text) {
        List<String> imports = new java.util.ArrayList<>(element.getImports());
        imports.addAll(element.getPublicImports());
        for (String path : imports) {
            if (!CORE.matcher(path).matches()) {
                int at = text.indexOf('"' + path + '"');
                int line = at < 0
                        ? 0
                        : (int) text.substring(0, at)
                                        .chars()
                                        .filter(c -> c == '\n')
                                        .count()
                                + 1;
                int column = at < 0 ? 0 : at - text.lastIndexOf('\n', at - 1);
                return new SchemaError(
                        "the import \"" + path + "\" cannot be found: only Google's well-known types"
                                + " (google/protobuf/...) can be imported; put the types it gives in the payload",
                        "",
                        line,
                        column);
            }
        }
        return null;
    }

    /** The top-level message type called {@code name}, else the first top-level message type. */
    private static MessageType pick(List<Type> types, String name) {
        MessageType first = null;
        for (Type t : types) {
            if (t instanceof MessageType m) {
                if (m.getType().getSimpleName().equals(name)) {
                    return m;
                }
                first = first == null ? m : first;
            }
        }
        return first;
    }

    private static PayloadCheck example(Schema schema, MessageType type) {
        try {
            Object value = ProtoValues.of(schema, type);
            ProtoAdapter<Object> adapter = schema.protoAdapter(type.getType().toString(), false);
            byte[] bytes = adapter.encode(value);
            Object back = adapter.decode(bytes);
            if (!value.equals(back)) {
                return PayloadCheck.parsed(SchemaFormat.PROTOBUF, null, "the example did not read back the same");
            }
            JsonNode json = ProtoValues.json(value);
            return PayloadCheck.parsed(SchemaFormat.PROTOBUF, new Example(json, bytes, "Protobuf wire format"), null);
        } catch (java.io.IOException | RuntimeException e) {
            return PayloadCheck.parsed(SchemaFormat.PROTOBUF, null, "no example could be made: " + e.getMessage());
        }
    }

    /** Gives the payload's own file and Google's well-known types; any other import is missing. */
    private record PayloadLoader(ProtoFile payload) implements Loader {
        @Override
        public ProtoFile load(String path) {
            if (path.equals(FILE)) {
                return payload;
            }
            return CoreLoader.INSTANCE.load(path);
        }

        @Override
        public Loader withErrors(ErrorCollector errors) {
            return this;
        }
    }
}
