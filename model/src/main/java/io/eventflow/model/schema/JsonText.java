package io.eventflow.model.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * JSON text read into a tree that remembers where each node starts (by JSON pointer), so that a problem found in the
 * tree can be shown at its line and column in the text.
 */
final class JsonText {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 128;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private final Map<String, int[]> places = new HashMap<>();
    private JsonNode root;

    private JsonText() {}

    /** The text read, or the syntax error with its line and column. */
    static Object parse(String text) {
        JsonText t = new JsonText();
        try (JsonParser p = FACTORY.createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (p.nextToken() == null) {
                return new SchemaError("the schema text is empty", "", 1, 1);
            }
            t.root = t.value(p, "");
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                return new SchemaError("text after the end of the schema", "", l.getLineNr(), l.getColumnNr());
            }
            return t;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            return new SchemaError(
                    e.getOriginalMessage(), "", l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr());
        } catch (IOException e) {
            return new SchemaError(String.valueOf(e.getMessage()), "", 0, 0);
        }
    }

    JsonNode root() {
        return root;
    }

    /** Line and column of the node at the pointer, or of its nearest ancestor; {1,1} when none. */
    int[] place(String pointer) {
        String p = pointer;
        while (true) {
            int[] at = places.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new int[] {1, 1};
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    private JsonNode value(JsonParser p, String pointer) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        places.put(pointer, new int[] {l.getLineNr(), l.getColumnNr()});
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NF.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, value(p, pointer + "/" + escape(name)));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NF.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, pointer + "/" + i++));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NF.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NF.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NF.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NF.booleanNode(p.getBooleanValue());
            }
            default -> {
                return NF.nullNode();
            }
        }
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
