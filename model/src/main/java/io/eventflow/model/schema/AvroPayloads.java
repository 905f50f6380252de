package io.eventflow.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;

/**
 * Avro payloads: the schema parsed by Apache Avro (which checks names, references and defaults), an example value
 * encoded in Avro's binary encoding, read back to check it, and its JSON encoding for documentation.
 */
final class AvroPayloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroPayloads() {}

    /** Reads an Avro schema given as a tree (a map, a union list, a type name) or as JSON text. */
    static PayloadCheck check(JsonNode payload) {
        Tree t = tree(payload);
        if (t.stop() != null) {
            return t.stop();
        }
        JsonNode tree = t.tree();
        JsonText text = t.text();
        Schema schema;
        try {
            schema = parse(tree);
        } catch (
                RuntimeException
                        e) { // SchemaParseException, AvroTypeException (a bad default), and others on odd input
            String message = e instanceof org.apache.avro.AvroRuntimeException
                    ? String.valueOf(e.getMessage())
                    : "Avro refuses it: " + e;
            String pointer = AvroLocator.find(tree, message);
            if (pointer.endsWith("/default")) {
                String field = tree.at(pointer.substring(0, pointer.length() - "/default".length()))
                        .path("name")
                        .asText();
                message = "the default of field '" + field + "' does not fit its type (" + message + ")";
            }
            int[] at = text == null ? new int[] {0, 0} : text.place(pointer);
            return PayloadCheck.broken(SchemaFormat.AVRO, new SchemaError(message, pointer, at[0], at[1]));
        }
        return example(schema);
    }

    /**
     * Up to {@code n} seeded variants ({@link AvroVariants}) of a schema that {@link #check} read with an example, each
     * encoded in Avro binary and read back to check it as the example is; a draw that does not read back is left out.
     */
    static java.util.List<Example> variants(JsonNode payload, java.util.SplittableRandom random, int n) {
        Tree t = tree(payload);
        if (t.stop() != null) {
            return java.util.List.of();
        }
        Schema schema;
        try {
            schema = parse(t.tree());
        } catch (RuntimeException e) {
            return java.util.List.of();
        }
        java.util.List<Example> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                Object value = AvroVariants.of(schema, random);
                byte[] bytes = binary(schema, value);
                BinaryDecoder dec = DecoderFactory.get().binaryDecoder(bytes, null);
                Object back = new GenericDatumReader<>(schema).read(null, dec);
                if (dec.isEnd()
                        && GenericData.get().validate(schema, back)
                        && Arrays.equals(binary(schema, back), bytes)) {
                    out.add(new Example(json(schema, value), bytes, "Avro binary"));
                }
            } catch (IOException | RuntimeException e) {
                // a draw Avro refuses is left out
            }
        }
        return out;
    }

    /**
     * The payload as a schema tree, as {@link #check} and {@link #variants} read it: the tree and the JSON text it came
     * from (null for a tree given as YAML), or the check that stops reading (a syntax error, a {@code $ref}).
     */
    private record Tree(JsonNode tree, JsonText text, PayloadCheck stop) {}

    private static Tree tree(JsonNode payload) {
        JsonText text = null;
        JsonNode tree = payload;
        if (payload.isTextual() && looksLikeJson(payload.asText())) {
            Object read = JsonText.parse(payload.asText());
            if (read instanceof SchemaError e) {
                return new Tree(null, null, PayloadCheck.broken(SchemaFormat.AVRO, e));
            }
            text = (JsonText) read;
            tree = text.root();
        }
        if (tree.isObject() && tree.has("$ref")) {
            return new Tree(
                    null,
                    null,
                    PayloadCheck.unchecked(
                            SchemaFormat.AVRO, "a reference to another document ($ref) is not followed"));
        }
        return new Tree(tree, text, null);
    }

    /** Avro's parse of the tree (names, references and defaults checked); throws what Avro throws. */
    private static Schema parse(JsonNode tree) {
        return new Schema.Parser().setValidateDefaults(true).parse(tree.toString());
    }

    private static byte[] binary(Schema schema, Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<>(schema).write(value, enc);
        enc.flush();
        return out.toByteArray();
    }

    /** Avro's JSON encoding of the value, for documentation. */
    private static JsonNode json(Schema schema, Object value) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        JsonEncoder je = EncoderFactory.get().jsonEncoder(schema, json);
        new GenericDatumWriter<>(schema).write(value, je);
        je.flush();
        return JSON.readTree(json.toString(StandardCharsets.UTF_8));
    }

    private static boolean looksLikeJson(String text) {
        String t = text.strip();
        return t.startsWith("{") || t.startsWith("[") || t.startsWith("\"");
    }

    private static PayloadCheck example(Schema schema) {
        try {
            Object value = AvroValues.of(schema);
            byte[] bytes = binary(schema, value);
            BinaryDecoder dec = DecoderFactory.get().binaryDecoder(bytes, null);
            Object back = new GenericDatumReader<>(schema).read(null, dec);
            if (!dec.isEnd()
                    || !GenericData.get().validate(schema, back)
                    || !Arrays.equals(binary(schema, back), bytes)) {
                return PayloadCheck.parsed(SchemaFormat.AVRO, null, "the example did not read back the same");
            }
            JsonNode jsonValue = json(schema, value);
            return PayloadCheck.parsed(SchemaFormat.AVRO, new Example(jsonValue, bytes, "Avro binary"), null);
        } catch (IOException | RuntimeException e) {
            return PayloadCheck.parsed(SchemaFormat.AVRO, null, "no example could be made: " + e.getMessage());
        }
    }
}
